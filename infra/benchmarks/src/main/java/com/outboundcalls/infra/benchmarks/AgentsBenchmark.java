package com.outboundcalls.infra.benchmarks;

import com.outboundcalls.account.AgentAssistance;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.DynamoContactRecords;
import com.outboundcalls.aws.DynamoPriceCatalog;
import com.outboundcalls.contact.ContactRecord;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.infra.localcloud.CalleePopulation;
import com.outboundcalls.infra.localcloud.ConnectSimulator;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.infra.localcloud.SimulatedAgents;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Agent-assisted dialing on the simulated clock, through the local cloud: 20 agents (mean talk 90 s, then 30 s of
 * after-contact work), 5,000 contacts of whom about 40 % answer, the instance's concurrent calls raised to 40. For
 * PROGRESSIVE then PREDICTIVE, prints agent occupancy while contacts remained, the abandonment rate, contacts handled
 * per agent-hour, the callee's wait for an agent (median, 95th percentile), throttles, and contacts lost or called
 * twice. Prints figures; asserts nothing.
 */
public final class AgentsBenchmark {

    private static final String QUEUE = "bench-agents";

    public static void main(String[] args) {
        int count = 5_000;
        int agents = 20;
        List<AgentAssistance.DialingMode> modes = new ArrayList<>(List.of(AgentAssistance.DialingMode.PROGRESSIVE,
                AgentAssistance.DialingMode.PREDICTIVE));
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--contacts" -> count = Integer.parseInt(args[++i]);
                case "--agents" -> agents = Integer.parseInt(args[++i]);
                case "--mode" -> modes = List.of(AgentAssistance.DialingMode.valueOf(args[++i]));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        System.out.printf("%,d contacts, %d agents (talk 90 s mean + 30 s after-contact work), 40 %% answer, "
                + "40 concurrent calls, 2 calls/s; on the simulated clock%n", count, agents);
        for (AgentAssistance.DialingMode mode : modes) {
            run(mode, count, agents);
        }
    }

    private static void run(AgentAssistance.DialingMode mode, int count, int agents) {
        long wallStart = System.nanoTime();
        Instant start = Instant.parse("2026-10-06T06:00:00Z"); // a Tuesday, 08:00 in Paris
        // 40 % answer on average: the population scales each callee's answer rate by a reachability of 0.4 to 1.
        CalleePopulation.Settings callees = new CalleePopulation.Settings(0.4 / 0.7, 0.10, 0.0,
                Duration.ofSeconds(8), Duration.ofSeconds(30), Duration.ofSeconds(50), 0.6);
        try (LocalCloud cloud = LocalCloud.builder().clock(LocalClock.simulated(start)).callees(callees)
                .connectQuotas(new ConnectSimulator.Quotas(2.0, 5, 40)).parameter("MaxConcurrentCalls", "40").start()) {
            DynamoAccountDirectory accounts = new DynamoAccountDirectory(cloud.dynamoDb(),
                    cloud.physicalName("AccountsTable"));
            accounts.putClient(new Client("bench", "Bench", "FR", new Client.Tariff(1, Duration.ofHours(1)),
                    Client.AccountStatus.ACTIVE, null));
            accounts.putCampaign(new Campaign("bench", "agents", Campaign.Status.ACTIVE, null, "script-1", 1)
                    .withCallingHours("MON-SUN 08:00-22:00")
                    .withAgents(new AgentAssistance(mode, QUEUE, null)));
            new DynamoPriceCatalog(cloud.dynamoDb(), cloud.physicalName("PriceListsTable")).putRow("default", "bench",
                    "FR", "FR", "MOBILE", new BigDecimal("0.12"), Instant.parse("2026-01-01T00:00:00Z"));
            DynamoContactBook contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
            List<NewContact> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String e164 = String.format("+3361%07d", i);
                batch.add(new NewContact("bench", "agents", cloud.contactIds().of("bench", "agents", e164), e164, "FR",
                        "MOBILE", null, null, null, Map.of(), "bench", start, i + 2, null));
                if (batch.size() == 25) {
                    contacts.addAll(batch);
                    batch.clear();
                }
            }
            contacts.addAll(batch);
            cloud.connect().staff(SimulatedAgents.Team.of(QUEUE, agents));

            final int total = count;
            Instant[] first = {null};
            Instant[] allCalled = {null};
            Instant[] lastCall = {start};
            long[] placedBefore = {0};
            cloud.runUntil(start.plus(Duration.ofHours(13)), Duration.ofSeconds(5), () -> {
                Instant now = cloud.clock().instant();
                ConnectSimulator.Stats stats = cloud.connect().stats();
                if (stats.callsPlaced() > 0 && first[0] == null) {
                    first[0] = now;
                }
                if (stats.callsPlaced() != placedBefore[0]) {
                    placedBefore[0] = stats.callsPlaced();
                    lastCall[0] = now;
                }
                if (allCalled[0] == null && cloud.connect().callsPlacedBy("contactId").size() >= total) {
                    allCalled[0] = now;
                }
                // Done when every contact had its first call and nothing was dialed for 2 hours (retries are hourly).
                return allCalled[0] != null && cloud.connect().activeCalls() == 0
                        && Duration.between(lastCall[0], now).compareTo(Duration.ofHours(2)) > 0;
            });
            cloud.drain();
            Instant windowEnd = allCalled[0] != null ? allCalled[0] : cloud.clock().instant();
            SimulatedAgents.Figures figures = cloud.connect().agentFigures(QUEUE, first[0], windowEnd);
            ConnectSimulator.Stats stats = cloud.connect().stats();
            Map<String, Long> placedPerContact = cloud.connect().callsPlacedBy("contactId");
            long[] lost = {0};
            long[] twice = {0};
            Map<ContactStatus, Long> statuses = new HashMap<>();
            DynamoContactRecords records = new DynamoContactRecords(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
            records.forEachInCampaign("bench#agents", (ContactRecord c) -> {
                statuses.merge(c.status(), 1L, Long::sum);
                if (c.status() == ContactStatus.QUEUED || c.status() == ContactStatus.DIALING) {
                    lost[0]++;
                }
                // More calls than the attempts its record counts: a second call for one attempt.
                twice[0] += Math.max(0, placedPerContact.getOrDefault(c.contactId(), 0L) - c.attempts());
            });
            double hours = Duration.between(first[0], windowEnd).toMillis() / 3_600_000.0;
            System.out.printf("%n%s%n", mode);
            System.out.printf("  agent occupancy       %5.1f %% (talking or after-contact work over time logged in, "
                    + "while contacts remained: %.2f h)%n", 100 * figures.occupancy(), hours);
            System.out.printf("  abandonment           %5.2f %% (%,d of %,d answered; target 3 %%)%n",
                    100 * figures.abandonmentRate(), figures.abandoned(), figures.answered());
            System.out.printf("  handled per agent-hour %5.2f (%,d conversations)%n",
                    figures.connected() / Math.max(1e-9, hours * agents), figures.connected());
            System.out.printf("  callee wait for agent median %d ms, 95th percentile %d ms (connected callees)%n",
                    figures.medianWaitMillis(), figures.p95WaitMillis());
            System.out.printf("  calls placed          %,d, max concurrent %d (quota 40), throttled %d, limit exceeded %d%n",
                    stats.callsPlaced(), stats.maxConcurrentSeen(), stats.throttled(), stats.limitExceeded());
            System.out.printf("  contacts lost         %d, called twice %d; statuses %s%n", lost[0], twice[0], statuses);
            System.out.printf("  wall time             %.1f s%n", (System.nanoTime() - wallStart) / 1e9);
        }
    }
}
