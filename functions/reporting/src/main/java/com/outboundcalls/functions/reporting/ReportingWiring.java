package com.outboundcalls.functions.reporting;

import com.outboundcalls.aws.SqsDashboardRequests;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.report.CampaignReports;
import com.outboundcalls.report.ClientReports;
import com.outboundcalls.report.Dashboards;
import com.outboundcalls.report.HourlyDashboards;

/** The reporting use cases, composed from the container's adapters; reports go to REPORT_BUCKET. */
final class ReportingWiring {

    private ReportingWiring() {
    }

    static CampaignReports campaignReports(Wiring wiring) {
        return new CampaignReports(wiring.accountDirectory(), wiring.contactBook(),
                wiring.objectSink(wiring.require("REPORT_BUCKET")));
    }

    /** The hourly dashboards: a request per client on DASHBOARD_QUEUE_URL. */
    static HourlyDashboards hourlyDashboards(Wiring wiring) {
        return new HourlyDashboards(wiring.accountDirectory(),
                new SqsDashboardRequests(wiring.sqs(), wiring.require("DASHBOARD_QUEUE_URL")));
    }

    static ClientReports clientReports(Wiring wiring) {
        String bucket = wiring.require("REPORT_BUCKET");
        Dashboards dashboards = new Dashboards(wiring.accountDirectory()::campaignsOf, wiring.campaignStats(),
                wiring.fileReports(bucket), wiring.objectSink(bucket), wiring.clock());
        return new ClientReports(wiring.accountDirectory(), dashboards, campaignReports(wiring));
    }
}
