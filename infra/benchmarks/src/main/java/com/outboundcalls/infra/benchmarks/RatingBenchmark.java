package com.outboundcalls.infra.benchmarks;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoCallControl;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.DynamoPriceCatalog;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.dial.CallRecord;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.rate.CallPricer;
import com.outboundcalls.rate.ContactEvent;
import com.outboundcalls.rate.Price;
import com.outboundcalls.rate.PriceCatalog;
import com.outboundcalls.rate.RatedCall;
import com.outboundcalls.time.Times;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * Rating throughput: the pure rating core over synthetic calls, then DISCONNECTED events rated end to end
 * through the local cloud (SQS event source, call-rater, DynamoDB Local). Prints figures; asserts nothing.
 */
public final class RatingBenchmark {

    private static final String[] DESTINATIONS = {"FR", "FR", "FR", "RE", "GP", "BE", "DE", "ES"};
    private static final String[] TYPES = {"MOBILE", "FIXED_LINE"};

    /** A price list held in memory: routes to their versions by validity. */
    private static final class MemoryPrices implements PriceCatalog {
        private final Map<String, TreeMap<Instant, Price>> routes = new HashMap<>();

        void put(String list, String origin, String dest, String type, String price, Instant from, String version) {
            routes.computeIfAbsent(list + "|" + origin + "|" + dest + "|" + type, k -> new TreeMap<>())
                    .put(from, new Price(new BigDecimal(price), version));
        }

        @Override
        public Optional<Price> priceAt(String listId, String origin, String dest, String type, Instant at) {
            TreeMap<Instant, Price> versions = routes.get(listId + "|" + origin + "|" + dest + "|" + type);
            if (versions == null) {
                return Optional.empty();
            }
            Map.Entry<Instant, Price> e = versions.floorEntry(at);
            return e == null ? Optional.empty() : Optional.of(e.getValue());
        }
    }

    public static void main(String[] args) {
        int calls = 1_000_000;
        int events = 2_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--calls" -> calls = Integer.parseInt(args[i + 1]);
                case "--events" -> events = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        pureCore(calls);
        endToEnd(events);
        System.exit(0);
    }

    private static void pureCore(int n) {
        MemoryPrices prices = new MemoryPrices();
        Instant from2026 = Instant.parse("2025-12-31T23:00:00Z");
        Instant from2027 = Instant.parse("2026-12-31T23:00:00Z");
        for (String dest : DESTINATIONS) {
            prices.put(PriceCatalog.DEFAULT_LIST, "FR", dest, "MOBILE", "0.0450", from2026, "2026");
            prices.put(PriceCatalog.DEFAULT_LIST, "FR", dest, "FIXED_LINE", "0.0120", from2026, "2026");
            prices.put(PriceCatalog.DEFAULT_LIST, "FR", dest, "MOBILE", "0.0500", from2027, "2027");
        }
        CallPricer pricer = new CallPricer(prices);
        SplittableRandom random = new SplittableRandom(1);
        CallRecord[] records = new CallRecord[n];
        ContactEvent[] disconnections = new ContactEvent[n];
        Instant base = Instant.parse("2026-12-31T08:00:00Z");
        for (int i = 0; i < n; i++) {
            Instant initiated = base.plusMillis(random.nextLong(86_400_000L * 2));
            boolean answered = random.nextInt(100) < 55;
            Instant connected = answered ? initiated.plusMillis(2_000 + random.nextInt(20_000)) : null;
            Instant end = answered ? connected.plusMillis(1_000 + random.nextInt(600_000))
                    : initiated.plusMillis(30_000);
            String id = "c" + i;
            records[i] = new CallRecord(id, "t" + i, "acme", "spring", "ct-" + i, 1, "FR",
                    DESTINATIONS[random.nextInt(DESTINATIONS.length)], TYPES[random.nextInt(TYPES.length)], initiated);
            disconnections[i] = new ContactEvent("DISCONNECTED", id, initiated, connected, end, "CUSTOMER_DISCONNECT",
                    null, end);
        }
        // Warm-up, then the measured pass.
        BigDecimal total = BigDecimal.ZERO;
        for (int i = 0; i < Math.min(n, 200_000); i++) {
            pricer.price(records[i], null, disconnections[i]);
        }
        System.gc();
        long started = System.nanoTime();
        long seconds = 0;
        for (int i = 0; i < n; i++) {
            RatedCall rated = pricer.price(records[i], null, disconnections[i]);
            seconds += rated.billedSeconds();
            total = total.add(rated.amount());
        }
        double elapsed = (System.nanoTime() - started) / 1e9;
        Runtime rt = Runtime.getRuntime();
        System.out.printf("rating core: %,d calls in %.2f s = %,.0f calls/s (%.0f ns a call); %,d billed seconds, "
                        + "%s EUR; heap in use %d MB%n", n, elapsed, n / elapsed, elapsed * 1e9 / n, seconds,
                total.toPlainString(), (rt.totalMemory() - rt.freeMemory()) >> 20);
    }

    private static void endToEnd(int n) {
        Instant start = Instant.parse("2026-10-05T08:00:00Z");
        try (LocalCloud cloud = LocalCloud.builder().clock(LocalClock.simulated(start)).start()) {
            DynamoAccountDirectory accounts = new DynamoAccountDirectory(cloud.dynamoDb(),
                    cloud.physicalName("AccountsTable"));
            accounts.putClient(new Client("acme", "ACME", "FR", new Client.Tariff(3, Duration.ofHours(1)),
                    Client.AccountStatus.ACTIVE, null));
            accounts.putCampaign(new Campaign("acme", "spring", Campaign.Status.ACTIVE, null, null, 1));
            DynamoPriceCatalog prices = new DynamoPriceCatalog(cloud.dynamoDb(), cloud.physicalName("PriceListsTable"));
            prices.putRow(PriceCatalog.DEFAULT_LIST, "2026", "FR", "FR", "MOBILE", new BigDecimal("0.0450"),
                    Instant.parse("2025-12-31T23:00:00Z"));
            DynamoContactBook contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
            DynamoCallControl control = new DynamoCallControl(cloud.dynamoDb(), cloud.physicalName("CallsTable"),
                    n, 1000, cloud.clock());
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String contactId = "ct-" + i;
                String connectId = "call-" + i;
                contacts.addIfAbsent(new NewContact("acme", "spring", contactId, "+3361" + String.format("%08d", i), "FR",
                        "MOBILE", null, null, null, Map.of(), "bench", start));
                contacts.claimForQueue("acme#spring", contactId, start, start.plusSeconds(900));
                control.claim("tok-" + i);
                control.record(new CallRecord(connectId, "tok-" + i, "acme", "spring", contactId, 1, "FR", "FR",
                        "MOBILE", start));
                contacts.markDialing("acme#spring", contactId, 1, connectId, start);
                Instant answered = start.plusSeconds(5);
                bodies.add("{\"version\":\"0\",\"id\":\"e" + i + "\",\"detail-type\":\"Amazon Connect Contact Event\","
                        + "\"source\":\"aws.connect\",\"account\":\"000000000000\",\"time\":\"2026-10-05T08:02:00Z\","
                        + "\"region\":\"eu-west-3\",\"resources\":[],\"detail\":{\"eventType\":\"DISCONNECTED\","
                        + "\"contactId\":\"" + connectId + "\",\"initiationTimestamp\":\"" + Times.iso(start) + "\","
                        + "\"connectedToSystemTimestamp\":\"" + Times.iso(answered) + "\",\"disconnectTimestamp\":\""
                        + Times.iso(answered.plusMillis(1_000 + i % 100_000)) + "\",\"disconnectReason\":\"CUSTOMER_DISCONNECT\"}}");
            }
            String queue = cloud.physicalName("CallEventsQueue");
            long started = System.nanoTime();
            for (int from = 0; from < bodies.size(); from += 10) {
                List<SendMessageBatchRequestEntry> entries = new ArrayList<>();
                for (int i = from; i < Math.min(bodies.size(), from + 10); i++) {
                    entries.add(SendMessageBatchRequestEntry.builder().id("m" + i).messageBody(bodies.get(i)).build());
                }
                cloud.sqs().sendMessageBatch(r -> r.queueUrl(queue).entries(entries));
            }
            cloud.messagesSent();
            cloud.drain();
            double elapsed = (System.nanoTime() - started) / 1e9;
            long reached = contacts.countByStatus("acme#spring").getOrDefault(ContactStatus.REACHED, 0L);
            System.out.printf("rating end to end (SQS -> call-rater -> DynamoDB Local): %,d events in %.2f s = "
                    + "%,.0f events/s; %,d contacts settled; lines still held: %d%n", n, elapsed, n / elapsed, reached,
                    control.active());
        }
    }
}
