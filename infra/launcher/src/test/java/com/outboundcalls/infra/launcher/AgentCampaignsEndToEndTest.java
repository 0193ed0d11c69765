package com.outboundcalls.infra.launcher;

import com.outboundcalls.account.AgentAssistance;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoCampaignStats;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.DynamoContactRecords;
import com.outboundcalls.aws.DynamoPriceCatalog;
import com.outboundcalls.contact.CallTally;
import com.outboundcalls.contact.ContactRecord;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.infra.localcloud.CalleePopulation;
import com.outboundcalls.infra.localcloud.ConnectSimulator;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.infra.localcloud.SimulatedAgents;
import com.outboundcalls.report.CampaignCounters;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Agent-assisted campaigns through the whole local cloud on the simulated clock: the feeder, the dialer and the rater
 * paced to a simulated queue's agents through GetCurrentMetricData, the agents' dispositions read back with
 * GetContactAttributes, the contact events carrying the agent.
 */
class AgentCampaignsEndToEndTest {

    private static final Instant START = Instant.parse("2026-10-06T06:00:00Z"); // a Tuesday, 08:00 in Paris
    private static final String QUEUE = "q-sales";

    private LocalCloud cloud(AgentAssistance.DialingMode mode, int contacts) {
        LocalCloud cloud = LocalCloud.builder().clock(LocalClock.simulated(START)).seed(5)
                .callees(new CalleePopulation.Settings(0.6, 0.10, 0.0, Duration.ofSeconds(8), Duration.ofSeconds(30),
                        Duration.ofSeconds(50), 0.6))
                .connectQuotas(new ConnectSimulator.Quotas(2.0, 5, 40)).parameter("MaxConcurrentCalls", "40").start();
        DynamoAccountDirectory accounts = new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"));
        accounts.putClient(new Client("acme", "ACME", "FR", new Client.Tariff(2, Duration.ofHours(1)),
                Client.AccountStatus.ACTIVE, null));
        accounts.putCampaign(new Campaign("acme", "sales", Campaign.Status.ACTIVE, null, "script-1", 1)
                .withCallingHours("MON-SUN 08:00-22:00").withAgents(new AgentAssistance(mode, QUEUE, null)));
        new DynamoPriceCatalog(cloud.dynamoDb(), cloud.physicalName("PriceListsTable")).putRow("default", "acme", "FR",
                "FR", "MOBILE", new BigDecimal("0.12"), Instant.parse("2026-01-01T00:00:00Z"));
        DynamoContactBook book = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
        List<NewContact> batch = new ArrayList<>();
        for (int i = 0; i < contacts; i++) {
            String e164 = String.format("+3361%07d", i);
            batch.add(new NewContact("acme", "sales", cloud.contactIds().of("acme", "sales", e164), e164, "FR", "MOBILE",
                    null, null, null, Map.of(), "test", START, i + 2, null));
        }
        for (int i = 0; i < batch.size(); i += 25) {
            book.addAll(batch.subList(i, Math.min(batch.size(), i + 25)));
        }
        cloud.connect().staff(SimulatedAgents.Team.of(QUEUE, 3));
        return cloud;
    }

    private static List<ContactRecord> contacts(LocalCloud cloud) {
        List<ContactRecord> all = new ArrayList<>();
        new DynamoContactRecords(cloud.dynamoDb(), cloud.physicalName("ContactsTable")).forEachInCampaign("acme#sales",
                all::add);
        return all;
    }

    @Test
    void progressiveNeverHasMoreCallsRingingThanAgentsFreeAndEachDispositionIsCounted() {
        try (LocalCloud cloud = cloud(AgentAssistance.DialingMode.PROGRESSIVE, 40)) {
            int[] worst = {0};
            cloud.runUntil(START.plus(Duration.ofHours(2)), Duration.ofSeconds(1), () -> {
                int excess = cloud.connect().ringing(QUEUE) - cloud.connect().agentsAvailable(QUEUE);
                worst[0] = Math.max(worst[0], excess);
                return false;
            });
            cloud.drain();
            assertEquals(0, worst[0], "calls ringing beyond the agents free");
            SimulatedAgents.Figures figures = cloud.connect().agentFigures(QUEUE, START, cloud.clock().instant());
            assertEquals(0, figures.abandoned(), "progressive abandons nobody");
            assertTrue(figures.connected() > 10, "agents talked: " + figures);

            CampaignCounters counters = new DynamoCampaignStats(cloud.dynamoDb(), cloud.physicalName("CampaignStatsTable"))
                    .counters("acme#sales").orElseThrow();
            long dispositions = 0;
            for (String d : List.of("COMPLETED", "UNSUCCESSFUL", "WRONG_PERSON", "CALLBACK", "REFUSED", "DO_NOT_CALL")) {
                dispositions += counters.count(CallTally.disposition(d));
            }
            assertEquals(figures.connected(), dispositions, "one disposition per conversation");
            assertEquals(figures.connected(), counters.count(CallTally.CONNECTED_TO_AGENT));
            assertEquals(0, counters.count(CallTally.DISPOSITION_MISSING));
            for (ContactRecord c : contacts(cloud)) {
                assertTrue(c.status() != ContactStatus.QUEUED && c.status() != ContactStatus.DIALING,
                        "no contact left in flight: " + c.contactId() + " " + c.status());
            }
            assertEquals(List.of(), cloud.accessDenials(), "every call allowed by its function's template policy");
        }
    }

    @Test
    void predictiveDialsAheadOfFreeAgentsAndKeepsEveryContact() {
        try (LocalCloud cloud = cloud(AgentAssistance.DialingMode.PREDICTIVE, 60)) {
            int[] ahead = {0};
            cloud.runUntil(START.plus(Duration.ofHours(2)), Duration.ofSeconds(1), () -> {
                ahead[0] = Math.max(ahead[0], cloud.connect().ringing(QUEUE) - cloud.connect().agentsAvailable(QUEUE));
                return false;
            });
            cloud.drain();
            assertTrue(ahead[0] > 0, "predictive rings more calls than agents free at some point");
            Map<String, Long> placed = cloud.connect().callsPlacedBy("contactId");
            for (ContactRecord c : contacts(cloud)) {
                assertTrue(c.status() != ContactStatus.QUEUED && c.status() != ContactStatus.DIALING, c.toString());
                assertTrue(placed.getOrDefault(c.contactId(), 0L) <= c.attempts(), "never two calls for one attempt");
            }
        }
    }
}
