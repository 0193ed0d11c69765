package com.outboundcalls.functions.reporting;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.lambda.EventFixtures;
import com.outboundcalls.lambda.Metrics;
import com.outboundcalls.report.CampaignReports;
import com.outboundcalls.report.ClientReports;
import com.outboundcalls.report.Dashboards;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The dashboard requests handler's event mapping, on the core's in-memory stores: no local cloud. */
class DashboardRequestHandlerTest {

    private final Clock clock = Clock.fixed(Instant.parse("2026-10-05T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryPorts.Accounts accounts = new InMemoryPorts.Accounts().with(
            new Client("acme", "ACME", "FR", new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE,
                    null),
            new Campaign("acme", "spring", Campaign.Status.FINISHED, "+33948123456", null, 1));
    private final InMemoryPorts.Objects reports = new InMemoryPorts.Objects();
    private final DashboardRequestHandler handler = new DashboardRequestHandler(new ClientReports(accounts,
            new Dashboards(clientId -> accounts.campaigns.values().stream()
                    .filter(c -> c.clientId().equals(clientId)).toList(), campaignKey -> Optional.empty(),
                    (clientId, campaignId) -> List.of(), reports, clock),
            CampaignReports.inProcess((campaignKey, cursor, limit) -> new com.outboundcalls.contact.ContactRecord.Page(
                    List.of(), null), accounts::campaign, reports, CampaignReports.PAGE_SIZE,
                    com.outboundcalls.files.ObjectSink.MIN_PART_SIZE)), new Metrics("dashboard-requests", clock),
            clock);

    @Test
    void eachRequestRewritesItsCampaignsReportAndItsClientsDashboardAndOnlyAnUnreadableOneComesBack() {
        SQSEvent event = EventFixtures.event(SQSEvent.class, "sqs-dashboard-requests.json", "clientId", "acme",
                "campaignId", "spring");

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertEquals(List.of("m-unreadable"), response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList(),
                "an unreadable message is retried, then kept in the dead-letter queue; the others are done");
        assertTrue(reports.objects.containsKey("reports/acme/spring/campaign-report.csv"));
        for (String file : List.of("index.html", "index.en.html", "dashboard.json", "dashboard.csv")) {
            assertTrue(reports.objects.containsKey(Dashboards.prefix("acme") + file), file);
        }
        assertFalse(reports.objects.keySet().stream().anyMatch(k -> k.startsWith("reports/nobody/")),
                "nothing is written for a client that does not exist, and the request is not retried");
    }

    @Test
    void aRedeliveredRequestOnlyRefreshesTheSameFiles() {
        SQSEvent event = EventFixtures.event(SQSEvent.class, "sqs-dashboard-requests.json", "clientId", "acme",
                "campaignId", "spring");
        handler.handleRequest(event, null);
        var first = List.copyOf(reports.objects.keySet());

        handler.handleRequest(event, null);

        assertEquals(first, List.copyOf(reports.objects.keySet()));
    }

    @Test
    void anHourlyCampaignReportRequestWritesThatReportAsOfItsHourAndLeavesTheDashboardToItsOwnRequest() {
        SQSEvent event = EventFixtures.event(SQSEvent.class, "sqs-campaign-report-requests.json", "clientId", "acme",
                "campaignId", "spring", "asOf", "2026-10-05T09:00:00Z");

        SQSBatchResponse response = handler.handleRequest(event, null);

        assertEquals(List.of("m-garbled-instant"), response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList(), "an unreadable instant is refused");
        String summary = new String(reports.objects.get("reports/acme/spring/campaign-report.summary.json"),
                java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(summary.contains("\"asOf\" : \"2026-10-05T09:00:00.000Z\""), summary);
        assertFalse(reports.objects.keySet().stream().anyMatch(k -> k.startsWith(Dashboards.prefix("acme"))),
                "the client's dashboard has a request of its own each hour");
    }
}
