package com.outboundcalls.functions.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.Metrics;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.report.ClientReports;

import java.util.Map;
import java.util.Optional;

/** Every hour: every client's dashboard, rewritten whole from its campaigns' counters. */
public final class DashboardHandler implements RequestHandler<Map<String, Object>, String> {

    private final ClientReports reports;
    private final Metrics metrics;
    private final StructuredLog log = new StructuredLog("dashboard");

    public DashboardHandler() {
        this(FunctionRuntime.system());
    }

    public DashboardHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private DashboardHandler(Wiring wiring) {
        this(ReportingWiring.clientReports(wiring), wiring.metrics("dashboard"));
    }

    public DashboardHandler(ClientReports reports, Metrics metrics) {
        this.reports = reports;
        this.metrics = metrics;
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        int written = 0;
        for (String clientId : reports.clientIds()) {
            Optional<Integer> campaigns = reports.dashboard(clientId);
            if (campaigns.isPresent()) {
                log.info("dashboard_written", "clientId", clientId, "campaigns", campaigns.get());
                written++;
            }
        }
        metrics.count("DashboardsWritten", written);
        return written + " dashboard(s)";
    }
}
