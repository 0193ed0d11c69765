package com.outboundcalls.functions.reporting;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.aws.SqsReportRequests;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.report.CampaignReports;
import com.outboundcalls.report.ClientReports;
import com.outboundcalls.report.Dashboards;
import com.outboundcalls.report.HourlyReports;

import java.time.Instant;
import java.util.List;

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

    /**
     * Before a snapshot, past where a dry hour's empty answers stop (no campaign, no client): the requests an hour
     * sends, for a campaign and a dashboard of nobody, through the dry queue client (marshalled, signed, answered by
     * the dry client, never queued).
     */
    static void primeRequests(Wiring wiring) {
        wiring.primeDry(dry -> {
            SqsReportRequests requests = new SqsReportRequests(dry.sqs(), dry.require("DASHBOARD_QUEUE_URL"));
            Campaign nobody = new Campaign(PrimingEvents.NOBODY, PrimingEvents.NOBODY, Campaign.Status.ACTIVE, null,
                    null, 1);
            return () -> {
                requests.campaignReports(List.of(nobody), Instant.parse("2026-01-01T00:00:00Z"));
                requests.dashboards(List.of(PrimingEvents.NOBODY));
            };
        });
    }

    static ClientReports clientReports(Wiring wiring) {
        String bucket = wiring.require("REPORT_BUCKET");
        Dashboards dashboards = new Dashboards(wiring.accountDirectory()::campaignsOf, wiring.campaignStats(),
                wiring.fileReports(bucket), wiring.objectSink(bucket), wiring.clock());
        return new ClientReports(wiring.accountDirectory(), dashboards, campaignReports(wiring));
    }
}
