package com.outboundcalls.functions.rating;

import com.outboundcalls.rate.LineAudit;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.lambda.StructuredLog;

import java.time.Duration;
import java.util.Map;

/** Every few minutes: lines held longer than a call plausibly lasts are checked with DescribeContact. */
public final class LineAuditHandler implements RequestHandler<Map<String, Object>, String> {

    /** Longer than any call the simulator or a real campaign is expected to hold (talk is capped at 20 minutes). */
    static final Duration OVERDUE = Duration.ofMinutes(30);

    private final LineAudit audit;
    private final StructuredLog log = new StructuredLog("line-audit");

    public LineAuditHandler() {
        this(FunctionRuntime.system());
    }

    public LineAuditHandler(FunctionRuntime runtime) {
        RatingWiring wiring = new RatingWiring(runtime);
        this.audit = new LineAudit(wiring.lines, wiring.descriptions, wiring.rating, runtime.clock(), OVERDUE);
        this.metrics = new com.outboundcalls.lambda.Metrics("line-audit", runtime);
    }

    private final com.outboundcalls.lambda.Metrics metrics;

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        LineAudit.Report report = audit.run();
        log.info("lines_audited", "held", report.held(), "overdue", report.overdue(), "repaired", report.repaired(),
                "stillInCall", report.stillInCall(), "freedWithoutCall", report.freedWithoutCall());
        // Lines held past the time any call ends: the concurrent-call counter was stuck (and is repaired here).
        metrics.count("LinesHeld", report.held());
        metrics.count("LinesStuck", report.overdue());
        return report.toString();
    }
}
