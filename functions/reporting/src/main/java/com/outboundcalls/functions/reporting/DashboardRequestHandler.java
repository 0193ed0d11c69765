package com.outboundcalls.functions.reporting;

import com.outboundcalls.json.JsonTrees;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.outboundcalls.lambda.SqsHandler;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.Metrics;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.SqsBatch;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.aws.SqsReportRequests;
import com.outboundcalls.report.CampaignReports;
import com.outboundcalls.report.ClientReports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Dashboard requests queue, three kinds of request, and the steps of the campaign reports' rewrites they start:
 * <ul>
 *   <li>{@code {"clientId"}}, every hour: the client's dashboard;</li>
 *   <li>{@code {"clientId", "campaignId", "asOf", "dashboard": false}}, every hour: a running campaign's report as
 *   of that hour, alone, if any of its contacts was written since it was last written whole;</li>
 *   <li>{@code {"clientId", "campaignId"}}, when a campaign is paused or finished: its report and its client's
 *   dashboard, at once.</li>
 * </ul>
 * Each message on its own: one that fails comes back alone (ReportBatchItemFailures), and a redelivered one only
 * refreshes the same files.
 */
public final class DashboardRequestHandler implements SqsHandler {


    private final ClientReports reports;
    private final Metrics metrics;
    private final Clock clock;
    private final StructuredLog log = new StructuredLog("dashboard-requests");
    private final SqsBatch batch = new SqsBatch(log);

    public DashboardRequestHandler() {
        this(FunctionRuntime.system());
    }

    public DashboardRequestHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private DashboardRequestHandler(Wiring wiring) {
        this(ReportingWiring.clientReports(wiring), wiring.metrics("dashboard-requests"), wiring.clock());
        // Before a snapshot: the hourly report of a campaign of no client (read, not found, nothing started), a
        // made-up dashboard rendered in memory and dropped, and, on dry clients, a dashboard written and a report
        // begun.
        String nobody = PrimingEvents.NOBODY;
        wiring.primeWith(() -> PrimingEvents.sqs(this, "{\"clientId\":\"" + nobody + "\",\"campaignId\":\""
                + nobody + "\",\"asOf\":\"2026-01-01T00:00:00Z\",\"dashboard\":false}"));
        wiring.primeWith(MadeUpDashboard::render);
        ReportingWiring.primeDashboardAndReport(wiring);
    }

    public DashboardRequestHandler(ClientReports reports, Metrics metrics, Clock clock) {
        this.reports = reports;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        int[] written = {0};
        SQSBatchResponse response = batch.process(event, message -> {
            JsonNode request = read(message.getBody());
            if (request.path("reportStep").isObject()) {
                CampaignReports.Step step = SqsReportRequests.step(request.get("reportStep"));
                CampaignReports.Outcome outcome = reports.campaignReportStep(step);
                log.info("campaign_report_step", "clientId", step.clientId(), "campaignId", step.campaignId(),
                        "step", step.index(), "outcome", outcome);
                return;
            }
            String clientId = request.path("clientId").asText("");
            if (clientId.isBlank()) {
                throw new IllegalArgumentException("a dashboard request names its clientId");
            }
            String campaignId = request.path("campaignId").asText(null);
            if (!request.path("dashboard").asBoolean(true)) {
                // The hourly report of a running campaign, rewritten if its contacts changed; its client's dashboard
                // has a request of its own.
                if (campaignId != null) {
                    reports.hourlyCampaignReport(clientId, campaignId, asOf(request)).ifPresent(refresh ->
                            log.info(refresh == CampaignReports.Refresh.STARTED ? "campaign_report_started"
                                    : "campaign_report_unchanged", "clientId", clientId, "campaignId", campaignId));
                }
                return;
            }
            if (campaignId != null && reports.campaignReport(clientId, campaignId, asOf(request))) {
                log.info("campaign_report_started", "clientId", clientId, "campaignId", campaignId);
            }
            Optional<Integer> campaigns = reports.dashboard(clientId);
            if (campaigns.isEmpty()) {
                // Nothing to write for a client that does not exist: retrying would not change that.
                log.error("dashboard_for_unknown_client", "clientId", clientId);
                return;
            }
            log.info("dashboard_written", "clientId", clientId, "campaigns", campaigns.get());
            written[0]++;
        });
        metrics.count("DashboardsWritten", written[0]);
        return response;
    }

    /** The instant the request names (the hour it was asked for), or now. */
    private Instant asOf(JsonNode request) {
        String asOf = request.path("asOf").asText("");
        if (asOf.isEmpty()) {
            return clock.instant();
        }
        try {
            return Instant.parse(asOf);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("a report request's asOf is an instant", e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return JsonTrees.read(body);
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable dashboard request", e);
        }
    }
}
