package com.outboundcalls.functions.reporting;

import com.outboundcalls.aws.SqsReportRequests;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.report.CampaignReports;
import com.outboundcalls.report.ClientReports;
import com.outboundcalls.report.Dashboards;
import com.outboundcalls.report.HourlyReports;

/** The reporting use cases, composed from the container's adapters; reports go to REPORT_BUCKET. */
final class ReportingWiring {

    private ReportingWiring() {
    }

    /**
     * Campaign reports rewritten in steps on DASHBOARD_QUEUE_URL (the requests' queue), each report's latest
     * rewrite recorded in CAMPAIGN_STATS_TABLE.
     */
    private static CampaignReports campaignReports(Wiring wiring) {
        return new CampaignReports(wiring.contactBook(), wiring.accountDirectory()::campaign,
                wiring.objectSink(wiring.require("REPORT_BUCKET")),
                new SqsReportRequests(wiring.sqs(), wiring.require("DASHBOARD_QUEUE_URL")),
                new com.outboundcalls.aws.DynamoLatestRewrites(wiring.dynamoDb(), wiring.require("CAMPAIGN_STATS_TABLE"),
                        wiring.clock()));
    }

    /** The hourly reports: a request per client's dashboard or campaign's report on DASHBOARD_QUEUE_URL. */
    static HourlyReports hourlyReports(Wiring wiring) {
        return new HourlyReports(wiring.accountDirectory(),
                new SqsReportRequests(wiring.sqs(), wiring.require("DASHBOARD_QUEUE_URL")));
    }

    static ClientReports clientReports(Wiring wiring) {
        String bucket = wiring.require("REPORT_BUCKET");
        Dashboards dashboards = new Dashboards(wiring.accountDirectory()::campaignsOf, wiring.campaignStats(),
                wiring.fileReports(bucket), wiring.objectSink(bucket), wiring.clock());
        return new ClientReports(wiring.accountDirectory(), dashboards, campaignReports(wiring));
    }
}
