package com.outboundcalls.functions.rating;

import com.amazonaws.services.lambda.runtime.Context;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.Metrics;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.ScheduledHandler;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.rate.LineAudit;

import java.util.Map;

/** Every few minutes: lines held longer than a call plausibly lasts are checked with DescribeContact. */
public final class LineAuditHandler implements ScheduledHandler<String> {

    private final LineAudit audit;
    private final Metrics metrics;
    private final StructuredLog log = new StructuredLog("line-audit");

    public LineAuditHandler() {
        this(FunctionRuntime.system());
    }

    public LineAuditHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private LineAuditHandler(Wiring wiring) {
        this(RatingWiring.lineAudit(wiring), wiring.metrics("line-audit"));
        wiring.primeDry(dry -> {
            LineAuditHandler handler = new LineAuditHandler(dry);
            return () -> PrimingEvents.schedule(handler);
        });
    }

    public LineAuditHandler(LineAudit audit, Metrics metrics) {
        this.audit = audit;
        this.metrics = metrics;
    }

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
