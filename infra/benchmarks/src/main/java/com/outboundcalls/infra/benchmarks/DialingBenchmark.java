package com.outboundcalls.infra.benchmarks;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.DynamoPriceCatalog;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.infra.localcloud.ConnectSimulator;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Dialing against Connect's default quotas (2 StartOutboundVoiceContact per second, burst 5; 10 concurrent
 * calls) on the simulated clock: N contacts, one attempt each, in a campaign open all day. Prints the call rate
 * achieved against the binding quota, how busy the lines were while contacts remained, the highest concurrency
 * seen, throttles, contacts lost and duplicate calls, and the wall time. Prints figures; asserts nothing.
 */
public final class DialingBenchmark {

    public static void main(String[] args) {
        int count = 10_000;
        boolean shares = false;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--contacts")) {
                count = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--shares")) {
                shares = true;
            } else {
                throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (shares) {
            shares(count);
            return;
        }
        long wallStart = System.nanoTime();
        Instant start = Instant.parse("2026-10-06T06:00:00Z"); // a Tuesday, 08:00 in Paris
        try (LocalCloud cloud = LocalCloud.builder().clock(LocalClock.simulated(start)).start()) {
            DynamoAccountDirectory accounts = new DynamoAccountDirectory(cloud.dynamoDb(),
                    cloud.physicalName("AccountsTable"));
            accounts.putClient(new Client("bench", "Bench", "FR",
                    new Client.Tariff(1, Duration.ofHours(1)), Client.AccountStatus.ACTIVE, null));
            accounts.putCampaign(new Campaign("bench", "run", Campaign.Status.ACTIVE, null, null, 1)
                    .withCallingHours("MON-SUN 08:00-22:00"));
            new DynamoPriceCatalog(cloud.dynamoDb(), cloud.physicalName("PriceListsTable")).putRow("default", "bench",
                    "FR", "FR", "MOBILE", new BigDecimal("0.12"), Instant.parse("2026-01-01T00:00:00Z"));
            DynamoContactBook contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
            List<NewContact> batch = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                String e164 = String.format("+3361%07d", i);
                batch.add(new NewContact("bench", "run", cloud.contactIds().of("bench", "run", e164), e164, "FR", "MOBILE",
                        null, null, null, Map.of(), "bench", start, i + 2, null));
                if (batch.size() == 25) {
                    contacts.addAll(batch);
                    batch.clear();
                }
            }
            contacts.addAll(batch);
            System.out.printf("%,d contacts stored; dialing on the simulated clock...%n", count);

            final int total = count;
            Instant[] first = {null};
            Instant[] last = {null};
            // first: when calls started; last: when the last contact's call was placed (contacts no longer remain).
            cloud.runUntil(start.plus(Duration.ofDays(2)), Duration.ofSeconds(5), () -> {
                ConnectSimulator.Stats stats = cloud.connect().stats();
                if (stats.callsPlaced() > 0 && first[0] == null) {
                    first[0] = cloud.clock().instant();
                }
                if (stats.callsPlaced() > 0 && stats.callsPlaced() < total) {
                    last[0] = cloud.clock().instant();
                }
                return stats.callsPlaced() >= total && cloud.connect().activeCalls() == 0;
            });
            cloud.drain();
            ConnectSimulator.Stats stats = cloud.connect().stats();
            Map<ContactStatus, Long> statuses = contacts.countByStatus("bench#run");
            long settled = statuses.entrySet().stream().filter(e -> e.getKey().isFinal())
                    .mapToLong(Map.Entry::getValue).sum();
            Map<String, Integer> perNumber = new HashMap<>();
            cloud.connect().placedDestinations().forEach(d -> perNumber.merge(d, 1, Integer::sum));
            long duplicates = perNumber.values().stream().filter(n -> n > 1).count();
            double seconds = Duration.between(first[0], last[0]).toMillis() / 1000.0;
            double rate = stats.callsPlaced() / Math.max(1, seconds);
            // Exact: the seconds each call held a line, from the first call to the last one placed.
            double busy = cloud.connect().lineSecondsBetween(first[0], last[0]) / Math.max(1, seconds);
            System.out.printf("calls placed          %,d in %.0f simulated s: %.2f calls/s (rate quota 2.00/s)%n",
                    stats.callsPlaced(), seconds, rate);
            System.out.printf("lines busy            %.3f of 10 on average while contacts remained: %.2f %% of the "
                    + "concurrency quota%n", busy, busy * 10);
            System.out.printf("binding quota         %s%n", busy * 10 >= rate * 50 ? "concurrent calls" : "call rate");
            System.out.printf("max concurrent seen   %d (quota 10)%n", stats.maxConcurrentSeen());
            System.out.printf("throttled by Connect  %d, limit exceeded %d%n", stats.throttled(), stats.limitExceeded());
            System.out.printf("contacts lost         %d (stored %,d, settled %,d)%n", count - settled, count, settled);
            System.out.printf("duplicate calls       %d%n", duplicates);
            System.out.printf("wall time             %.1f s%n", (System.nanoTime() - wallStart) / 1e9);
        }
    }

    /**
     * Three clients' campaigns at priorities 3, 2 and 1, the same number of contacts each, dialed together: each
     * campaign's share of the line-seconds while all three still had contacts to call, against its priority's
     * share of the weights (1/2, 1/3, 1/6).
     */
    private static void shares(int count) {
        long wallStart = System.nanoTime();
        Instant start = Instant.parse("2026-10-06T06:00:00Z"); // a Tuesday, 08:00 in Paris
        int[] priorities = {3, 2, 1};
        int perCampaign = count / priorities.length;
        try (LocalCloud cloud = LocalCloud.builder().clock(LocalClock.simulated(start)).start()) {
            DynamoAccountDirectory accounts = new DynamoAccountDirectory(cloud.dynamoDb(),
                    cloud.physicalName("AccountsTable"));
            new DynamoPriceCatalog(cloud.dynamoDb(), cloud.physicalName("PriceListsTable")).putRow("default", "bench",
                    "FR", "FR", "MOBILE", new BigDecimal("0.12"), Instant.parse("2026-01-01T00:00:00Z"));
            DynamoContactBook contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
            for (int c = 0; c < priorities.length; c++) {
                String client = "client-" + (c + 1);
                String campaign = "priority-" + priorities[c];
                accounts.putClient(new Client(client, client, "FR", new Client.Tariff(1, Duration.ofHours(1)),
                        Client.AccountStatus.ACTIVE, null));
                accounts.putCampaign(new Campaign(client, campaign, Campaign.Status.ACTIVE, null, null, priorities[c])
                        .withCallingHours("MON-SUN 08:00-22:00"));
                List<NewContact> batch = new ArrayList<>();
                for (int i = 0; i < perCampaign; i++) {
                    String e164 = String.format("+336%d%07d", c + 1, i);
                    batch.add(new NewContact(client, campaign, cloud.contactIds().of(client, campaign, e164), e164, "FR",
                            "MOBILE", null, null, null, Map.of(), "bench", start, i + 2, null));
                    if (batch.size() == 25) {
                        contacts.addAll(batch);
                        batch.clear();
                    }
                }
                contacts.addAll(batch);
            }
            System.out.printf("%d campaigns x %,d contacts, priorities 3, 2, 1; dialing on the simulated clock...%n",
                    priorities.length, perCampaign);
            Instant[] allBusyUntil = {null};
            Instant[] firstCall = {null};
            cloud.runUntil(start.plus(Duration.ofDays(3)), Duration.ofSeconds(5), () -> {
                Map<String, Long> placed = cloud.connect().callsPlacedBy("campaignId");
                if (firstCall[0] == null && !placed.isEmpty()) {
                    firstCall[0] = cloud.clock().instant();
                }
                boolean allRemain = placed.size() == priorities.length
                        && placed.values().stream().allMatch(n -> n < perCampaign);
                if (allRemain) {
                    allBusyUntil[0] = cloud.clock().instant();
                }
                return placed.values().stream().mapToLong(Long::longValue).sum() >= (long) perCampaign * priorities.length
                        && cloud.connect().activeCalls() == 0;
            });
            cloud.drain();
            Map<String, Double> lineSeconds = cloud.connect().lineSecondsBetween(firstCall[0], allBusyUntil[0],
                    "campaignId");
            double total = lineSeconds.values().stream().mapToDouble(Double::doubleValue).sum();
            double window = Duration.between(firstCall[0], allBusyUntil[0]).toMillis() / 1000.0;
            System.out.printf("while all three had contacts (%.0f simulated s), lines busy %.2f of 10 on average%n",
                    window, total / Math.max(1, window));
            for (int priority : priorities) {
                double share = lineSeconds.getOrDefault("priority-" + priority, 0.0) / Math.max(1, total);
                System.out.printf("  priority %d: %5.1f %% of the line-seconds (weight share %5.1f %%), %.2f lines%n",
                        priority, 100 * share, 100.0 * priority / 6, share * total / Math.max(1, window));
            }
            ConnectSimulator.Stats stats = cloud.connect().stats();
            System.out.printf("calls placed %,d, max concurrent %d, throttled %d, limit exceeded %d%n",
                    stats.callsPlaced(), stats.maxConcurrentSeen(), stats.throttled(), stats.limitExceeded());
            System.out.printf("wall time %.1f s%n", (System.nanoTime() - wallStart) / 1e9);
        }
    }
}
