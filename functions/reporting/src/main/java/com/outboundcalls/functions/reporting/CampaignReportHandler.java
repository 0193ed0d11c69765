package com.outboundcalls.functions.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.ScheduledHandler;
import com.outboundcalls.lambda.ScheduledInput;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.report.HourlyReports;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every hour: a request per running campaign on the dashboard requests queue, for its report (its contacts, their
 * statuses and the history of every decision taken about them) as of the scheduled time, under
 * {@code reports/{clientId}/{campaignId}/campaign-report.csv}. DashboardRequestsFunction writes each report on its
 * own; the hour's invocation only lists the campaigns.
 */
public final class CampaignReportHandler implements ScheduledHandler<String> {

    private final HourlyReports reports;
    private final Clock clock;
    private final StructuredLog log = new StructuredLog("campaign-report");

    public CampaignReportHandler() {
        this(FunctionRuntime.system());
    }

    public CampaignReportHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private CampaignReportHandler(Wiring wiring) {
        this(ReportingWiring.hourlyReports(wiring), wiring.clock());
        wiring.primeDry(dry -> {
            CampaignReportHandler hour = new CampaignReportHandler(dry);
            return () -> PrimingEvents.schedule(hour);
        });
        ReportingWiring.primeRequests(wiring);
    }

    public CampaignReportHandler(HourlyReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        Instant at = ScheduledInput.scheduledTime(input, clock);
        List<Campaign> requested = reports.requestCampaignReports(at);
        for (Campaign campaign : requested) {
            log.info("campaign_report_requested", "clientId", campaign.clientId(), "campaignId",
                    campaign.campaignId());
        }
        return requested.size() + " campaign report(s) requested";
    }
}
