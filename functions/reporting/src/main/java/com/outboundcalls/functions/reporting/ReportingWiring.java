package com.outboundcalls.functions.reporting;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.aws.DynamoLatestRewrites;
import com.outboundcalls.aws.SqsReportRequests;
import com.outboundcalls.files.FileInParts;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.report.CampaignReport;
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
     * rewrite recorded in CAMPAIGN_STATS_TABLE, where the hours its contacts were written in are marked.
     */
    private static CampaignReports campaignReports(Wiring wiring) {
        return new CampaignReports(wiring.contactRecords(), wiring.accountDirectory()::campaign,
                wiring.objectSink(wiring.require("REPORT_BUCKET")),
                new SqsReportRequests(wiring.sqs(), wiring.require("DASHBOARD_QUEUE_URL")),
                new DynamoLatestRewrites(wiring.dynamoDb(), wiring.require("CAMPAIGN_STATS_TABLE"),
                        wiring.clock()), wiring.contactWrites());
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
        return new ClientReports(wiring.accountDirectory(), dashboards(wiring), campaignReports(wiring));
    }

    /** Clients' dashboards, written to REPORT_BUCKET. */
    private static Dashboards dashboards(Wiring wiring) {
        String bucket = wiring.require("REPORT_BUCKET");
        return new Dashboards(wiring.accountDirectory()::campaignsOf, wiring.campaignStats(),
                wiring.fileReports(bucket), wiring.objectSink(bucket), wiring.clock());
    }

    /**
     * Before a snapshot, past where a dry request's empty answers stop (no client, no campaign): a dashboard of nobody
     * written (its campaigns read, its pages rendered and put), a campaign's contact files listed, an hour's refresh
     * of a report looked into (its last whole rewrite, its contacts' written hours), and a report rewrite of a
     * campaign of nobody begun (its latest rewrite recorded, its first step queued), all through dry
     * clients. The rewrite's chain is a fixed name, not a random id: nothing random is drawn before the snapshot.
     */
    static void primeDashboardAndReport(Wiring wiring) {
        wiring.primeDry(dry -> {
            Dashboards dashboards = dashboards(dry);
            Dashboards.FileReports files = dry.fileReports(dry.require("REPORT_BUCKET"));
            SqsReportRequests steps = new SqsReportRequests(dry.sqs(), dry.require("DASHBOARD_QUEUE_URL"));
            DynamoLatestRewrites rewrites = new DynamoLatestRewrites(
                    dry.dynamoDb(), dry.require("CAMPAIGN_STATS_TABLE"), dry.clock());
            com.outboundcalls.contact.ContactWrites writes = dry.contactWrites();
            String nobody = PrimingEvents.NOBODY;
            Campaign campaign = new Campaign(nobody, nobody, Campaign.Status.FINISHED, null, null, 1);
            return () -> {
                dashboards.regenerate(nobody, nobody);
                files.of(nobody, nobody); // what a campaign's figures list (a dashboard of no campaign lists nothing)
                // An hour's refresh: as of when the report was whole, and whether its contacts were written since.
                rewrites.wholeAsOf(CampaignReport.csvKey(campaign));
                writes.writtenBetween(campaign.key(), Instant.parse("2026-01-01T00:00:00Z"),
                        Instant.parse("2026-01-01T01:00:00Z"));
                rewrites.started(CampaignReport.csvKey(campaign), "priming");
                steps.next(new CampaignReports.Step(nobody, nobody, Instant.parse("2026-01-01T00:00:00Z"), "priming",
                        0, null, FileInParts.Written.NOTHING, CampaignReport.Tally.NONE));
            };
        });
    }
}
