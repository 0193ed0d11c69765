package com.outboundcalls.functions.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.Metrics;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.ScheduledHandler;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.report.HourlyReports;

import java.util.Map;

/**
 * Every hour: one dashboard request per client on the dashboard requests queue, which DashboardRequestsFunction
 * takes one at a time. The hour's invocation only lists the clients; no dashboard is written in it.
 */
public final class DashboardHandler implements ScheduledHandler<String> {

    private final HourlyReports dashboards;
    private final Metrics metrics;
    private final StructuredLog log = new StructuredLog("dashboard");

    public DashboardHandler() {
        this(FunctionRuntime.system());
    }

    public DashboardHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private DashboardHandler(Wiring wiring) {
        this(ReportingWiring.hourlyReports(wiring), wiring.metrics("dashboard"));
        wiring.primeDry(dry -> {
            DashboardHandler handler = new DashboardHandler(dry);
            return () -> PrimingEvents.schedule(handler);
        });
        ReportingWiring.primeRequests(wiring);
    }

    public DashboardHandler(HourlyReports dashboards, Metrics metrics) {
        this.dashboards = dashboards;
        this.metrics = metrics;
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        int requested = dashboards.requestDashboards();
        log.info("dashboards_requested", "clients", requested);
        metrics.count("DashboardsRequested", requested);
        return requested + " dashboard(s) requested";
    }
}
