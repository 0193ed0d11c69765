package com.outboundcalls.report;

import com.outboundcalls.account.Campaign;

import java.time.Instant;
import java.util.List;

/**
 * Asks for reports to be written, each on its own: one request per client's dashboard, one per campaign's report,
 * which the dashboard requests function takes one at a time. A request made twice only rewrites the same files.
 */
public interface ReportRequests {

    void dashboards(List<String> clientIds);

    /** Each campaign's contact-level report, as of this instant (its client's dashboard is left as it is). */
    void campaignReports(List<Campaign> campaigns, Instant asOf);
}
