package com.outboundcalls.report;

import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;

import java.time.Instant;
import java.util.List;

/**
 * Every hour, every client's dashboard and every running campaign's report are asked for, one request each: the
 * hour's invocations only list clients and campaigns, whatever their size, and each report is written by a request
 * of its own, so a large client or campaign neither delays nor fails the others'.
 */
public final class HourlyReports {

    private final AccountDirectory accounts;
    private final ReportRequests requests;

    public HourlyReports(AccountDirectory accounts, ReportRequests requests) {
        this.accounts = accounts;
        this.requests = requests;
    }

    /** Asks for every client's dashboard; how many were asked for. */
    public int requestDashboards() {
        List<String> clientIds = accounts.clients().stream().map(Client::clientId).toList();
        requests.dashboards(clientIds);
        return clientIds.size();
    }

    /**
     * Asks for every running campaign's report as of this instant; the campaigns asked for. A campaign past its last
     * day (Europe/Paris) is no longer running, whatever its status: it places no more calls, and the nightly retention
     * counts it as ended and deletes its report when its callees' data expires, which an hourly rewrite would bring
     * back.
     */
    public List<Campaign> requestCampaignReports(Instant asOf) {
        java.time.LocalDate today = asOf.atZone(com.outboundcalls.time.Zones.BILLING).toLocalDate();
        List<Campaign> running = accounts.activeCampaigns().stream()
                .filter(campaign -> campaign.endsOn() == null || !campaign.endsOn().isBefore(today))
                .toList();
        requests.campaignReports(running, asOf);
        return running;
    }
}
