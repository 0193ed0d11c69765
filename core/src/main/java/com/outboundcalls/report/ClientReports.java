package com.outboundcalls.report;

import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.Client;

import java.time.Instant;
import java.util.Optional;

/**
 * Keeps what a client reads about its campaigns up to date: its dashboard, regenerated whole from the campaigns'
 * counters (so a repeated run only refreshes it), and a campaign's contact-level report, rewritten in steps, when
 * the campaign stops running (the hourly report keeps only running campaigns').
 */
public final class ClientReports {

    private final AccountDirectory accounts;
    private final Dashboards dashboards;
    private final CampaignReports campaignReports;

    public ClientReports(AccountDirectory accounts, Dashboards dashboards, CampaignReports campaignReports) {
        this.accounts = accounts;
        this.dashboards = dashboards;
        this.campaignReports = campaignReports;
    }

    /** The client's dashboard rewritten: the number of its campaigns, or empty for a client that does not exist. */
    public Optional<Integer> dashboard(String clientId) {
        Optional<Client> client = accounts.client(clientId);
        return client.map(c -> dashboards.regenerate(clientId, c.name()).size());
    }

    /**
     * Starts rewriting the campaign's report as of this instant ({@link CampaignReports}); false when there is no
     * such campaign.
     */
    public boolean campaignReport(String clientId, String campaignId, Instant at) {
        return accounts.campaign(clientId, campaignId).map(campaign -> {
            campaignReports.start(campaign, at);
            return true;
        }).orElse(false);
    }

    /**
     * The hour's refresh of a running campaign's report ({@link CampaignReports#refresh}); empty when there is no such
     * campaign.
     */
    public Optional<CampaignReports.Refresh> hourlyCampaignReport(String clientId, String campaignId, Instant at) {
        return accounts.campaign(clientId, campaignId).map(campaign -> campaignReports.refresh(campaign, at));
    }

    /** Takes a step of a campaign report's rewrite. */
    public CampaignReports.Outcome campaignReportStep(CampaignReports.Step step) {
        return campaignReports.take(step);
    }
}
