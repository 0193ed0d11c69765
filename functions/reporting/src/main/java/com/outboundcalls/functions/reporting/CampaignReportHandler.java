package com.outboundcalls.functions.reporting;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.ScheduledInput;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.report.CampaignReports;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Every hour: each running campaign's report (its contacts, their statuses and the history of every decision
 * taken about them) rewritten under {@code reports/{clientId}/{campaignId}/campaign-report.csv}.
 */
public final class CampaignReportHandler implements RequestHandler<Map<String, Object>, String> {

    private final CampaignReports reports;
    private final Clock clock;
    private final StructuredLog log = new StructuredLog("campaign-report");

    public CampaignReportHandler() {
        this(FunctionRuntime.system());
    }

    public CampaignReportHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private CampaignReportHandler(Wiring wiring) {
        this(ReportingWiring.campaignReports(wiring), wiring.clock());
    }

    public CampaignReportHandler(CampaignReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        Instant at = ScheduledInput.scheduledTime(input, clock);
        List<Campaign> written = reports.writeActive(at);
        for (Campaign campaign : written) {
            log.info("campaign_report_written", "clientId", campaign.clientId(), "campaignId", campaign.campaignId());
        }
        return written.size() + " campaign report(s)";
    }
}
