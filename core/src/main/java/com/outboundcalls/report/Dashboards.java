package com.outboundcalls.report;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.files.ObjectSink;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Regenerates a client's dashboard under {@code reports/{clientId}/dashboard/}: the page in French
 * ({@code index.html}) and English ({@code index.en.html}), {@code dashboard.json} and {@code dashboard.csv}.
 * Each campaign costs one read of its counters and a listing of its file reports: the work grows with the
 * number of campaigns, not of calls. Only the client's own campaigns are read.
 */
public final class Dashboards {

    /** A client's campaigns, whatever their status. */
    public interface Campaigns {
        List<Campaign> of(String clientId);
    }

    /** The summaries of the contact files a campaign received. */
    public interface FileReports {
        List<CampaignDashboard.FileReport> of(String clientId, String campaignId);
    }

    private final Campaigns campaigns;
    private final CampaignCounters.Source counters;
    private final FileReports files;
    private final ObjectSink reports;
    private final Clock clock;

    public Dashboards(Campaigns campaigns, CampaignCounters.Source counters, FileReports files, ObjectSink reports,
                      Clock clock) {
        this.campaigns = campaigns;
        this.counters = counters;
        this.files = files;
        this.reports = reports;
        this.clock = clock;
    }

    public static String prefix(String clientId) {
        return "reports/" + clientId + "/dashboard/";
    }

    /** The figures of each of the client's campaigns, by campaign id. */
    public List<CampaignDashboard> figures(String clientId) {
        List<CampaignDashboard> all = new ArrayList<>();
        List<Campaign> list = new ArrayList<>(campaigns.of(clientId));
        list.sort(Comparator.comparing(Campaign::campaignId));
        for (Campaign campaign : list) {
            CampaignCounters c = counters.counters(campaign.key()).orElse(new CampaignCounters(java.util.Map.of()));
            CampaignDashboard figures = CampaignDashboard.of(campaign.campaignId(), campaign.status().name(), c,
                    files.of(clientId, campaign.campaignId()));
            all.add(campaign.withAgents() ? figures.withAgents(AgentFigures.of(campaign.agents().mode().name(),
                    campaign.agents().abandonmentTarget(), c)) : figures);
        }
        return all;
    }

    /** Writes the client's dashboard files; their figures. */
    public List<CampaignDashboard> regenerate(String clientId, String clientName) {
        Instant now = clock.instant();
        List<CampaignDashboard> figures = figures(clientId);
        String prefix = prefix(clientId);
        for (DashboardDocuments.Language lang : DashboardDocuments.Language.values()) {
            reports.put(prefix + lang.fileName, DashboardDocuments.html(lang, clientName, now, figures),
                    "text/html; charset=utf-8");
        }
        reports.put(prefix + "dashboard.json", DashboardDocuments.json(clientId, now, figures), "application/json");
        reports.put(prefix + "dashboard.csv", DashboardDocuments.csv(figures), "text/csv; charset=utf-8");
        return figures;
    }
}
