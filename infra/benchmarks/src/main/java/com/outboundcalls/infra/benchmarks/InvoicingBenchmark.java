package com.outboundcalls.infra.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.aws.DynamoBillingDirectory;
import com.outboundcalls.aws.DynamoRatedCallStore;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.functions.invoicing.InvoiceGeneratorHandler;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.invoice.Provider;
import com.outboundcalls.money.Money;
import com.outboundcalls.rate.RatedCall;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The monthly invoice run for 1,000 clients over growing volumes of rated calls in the local cloud. Each
 * run is invoice-generator in a JVM of its own (as a Lambda container would be, heap capped at 1,536 MB of
 * its 2,048 MB), against the local cloud's DynamoDB and S3: it prints wall time, peak heap and the AWS
 * calls it made, then a straight line through the points to show how time grows with calls.
 */
public final class InvoicingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DESTINATIONS = {"FR", "FR", "FR", "RE", "BE", "DE"};
    private static final String[] TYPES = {"MOBILE", "FIXED_LINE"};
    private static final Map<String, String> PRICES = Map.of("FR|MOBILE", "0.0450", "FR|FIXED_LINE", "0.0120",
            "RE|MOBILE", "0.1200", "RE|FIXED_LINE", "0.0500", "BE|MOBILE", "0.0900", "BE|FIXED_LINE", "0.0300",
            "DE|MOBILE", "0.0900", "DE|FIXED_LINE", "0.0300");

    private record Run(YearMonth month, long calls, long wallMillis, long peakHeapMb, Map<String, Long> requests,
                       int invoices, double querySeconds) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(args[1], Instant.parse(args[2]));
            return;
        }
        int clients = 1_000;
        long calls = 1_000_000;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--calls" -> calls = Long.parseLong(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        long[] volumes = {calls / 4, calls / 2, calls};
        YearMonth first = YearMonth.of(2026, 7);
        LocalClock clock = LocalClock.simulated(first.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        try (LocalCloud cloud = LocalCloud.builder().clock(clock).start()) {
            String accountsTable = cloud.physicalName("AccountsTable");
            DynamoBillingDirectory billing = new DynamoBillingDirectory(cloud.dynamoDb(), accountsTable);
            billing.putProvider(new Provider(new LegalEntity("Appels Sortants SAS", "10 rue de la Paix", "75002",
                    "Paris", "FR", "732829320", LegalEntity.frenchVatNumber("732829320")), "SAS au capital de 50 000 EUR",
                    "RCS Paris 732 829 320", "FR7630006000011234567890189", "AGRIFRPP", null));
            LegalEntity buyer = new LegalEntity("Client SA", "1 place Bellecour", "69002", "Lyon", "FR", "542107651",
                    LegalEntity.frenchVatNumber("542107651"));
            for (int c = 0; c < clients; c++) {
                billing.putAccount(new BillingAccount(clientId(c), new BillingAccount.Plan("Essentiel",
                        new BigDecimal("49.00")), new BillingAccount.Units(2, new BigDecimal("5.00")),
                        new BillingAccount.Units(3, new BigDecimal("12.50")), BillingAccount.Units.NONE,
                        LocalDate.of(2026, 1, 1), null, buyer, 30));
            }
            System.out.printf("Invoice run: %,d clients, rated calls per month %,d / %,d / %,d%n", clients,
                    volumes[0], volumes[1], volumes[2]);
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i < volumes.length; i++) {
                YearMonth month = first.plusMonths(i);
                long loadStart = System.nanoTime();
                load(cloud.dynamoDb(), cloud.physicalName("RatedCallsTable"), month, clients, volumes[i], 7 + i);
                System.out.printf("  loaded %,d rated calls for %s in %.0f s (setup, not timed)%n", volumes[i], month,
                        (System.nanoTime() - loadStart) / 1e9);
                Instant runAt = month.plusMonths(1).atDay(1).atTime(5, 0).toInstant(ZoneOffset.UTC);
                runs.add(child(cloud, month, volumes[i], runAt));
                Run r = runs.get(runs.size() - 1);
                System.out.printf("  %s: %,9d calls  %,7.1f s (of which %.1f s in DynamoDB Query)  peak heap %,5d MB"
                                + "  %,d invoices%n      requests %s%n", r.month(), r.calls(), r.wallMillis() / 1000.0,
                        r.querySeconds(), r.peakHeapMb(), r.invoices(), r.requests());
            }
            report(runs);
        }
        System.exit(0);
    }

    private static String clientId(int c) {
        return String.format("client-%04d", c);
    }

    /** Rated calls for a month, spread over the clients, written with BatchWriteItem on four threads. */
    private static void load(DynamoDbClient dynamo, String table, YearMonth month, int clients, long calls, long seed)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> parts = new ArrayList<>();
        int threads = 4;
        for (int t = 0; t < threads; t++) {
            final int part = t;
            parts.add(pool.submit(() -> {
                SplittableRandom random = new SplittableRandom(seed * 31 + part);
                Instant start = month.atDay(1).atTime(8, 0).toInstant(ZoneOffset.UTC);
                long seconds = month.lengthOfMonth() * 86_400L - 12 * 3600;
                List<WriteRequest> batch = new ArrayList<>(25);
                for (long n = part; n < calls; n += threads) {
                    String dest = DESTINATIONS[random.nextInt(DESTINATIONS.length)];
                    String type = TYPES[random.nextInt(TYPES.length)];
                    BigDecimal price = new BigDecimal(PRICES.get(dest + "|" + type));
                    long billed = 5 + random.nextInt(600);
                    Instant answered = start.plusSeconds(random.nextLong(seconds));
                    String id = month + "-" + n;
                    RatedCall call = new RatedCall(id, clientId((int) (n % clients)), "campaign", "contact-" + n, 1,
                            "FR", dest, type, answered.minusSeconds(12), answered, answered.plusSeconds(billed), billed,
                            price, Money.ratedCallAmount(billed, price), "v1", RatedCall.Status.RATED, null);
                    batch.add(WriteRequest.builder().putRequest(PutRequest.builder()
                            .item(DynamoRatedCallStore.item(call)).build()).build());
                    if (batch.size() == 25) {
                        write(dynamo, table, batch);
                        batch = new ArrayList<>(25);
                    }
                }
                if (!batch.isEmpty()) {
                    write(dynamo, table, batch);
                }
                return null;
            }));
        }
        for (Future<?> f : parts) {
            f.get();
        }
        pool.shutdown();
    }

    private static void write(DynamoDbClient dynamo, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        while (!pending.isEmpty()) {
            Map<String, List<WriteRequest>> request = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(r -> r.requestItems(request));
            pending = response.unprocessedItems() == null ? Map.of() : response.unprocessedItems();
        }
    }

    /** Runs invoice-generator in a fresh JVM against this local cloud and reads back its figures. */
    private static Run child(LocalCloud cloud, YearMonth month, long calls, Instant runAt) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx1536m", "-XX:+UseSerialGC", "-cp",
                System.getProperty("java.class.path"), InvoicingBenchmark.class.getName(), "--child",
                month.toString(), runAt.toString());
        Map<String, String> env = pb.environment();
        env.putAll(cloud.function("InvoiceGeneratorFunction").environment());
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process process = pb.start();
        JsonNode figures = null;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("{\"benchmark\"")) {
                    figures = JSON.readTree(line);
                }
            }
        }
        if (process.waitFor() != 0 || figures == null) {
            throw new IllegalStateException("the invoice run for " + month + " failed");
        }
        Map<String, Long> requests = new java.util.TreeMap<>();
        figures.path("requests").fields().forEachRemaining(e -> requests.put(e.getKey(), e.getValue().asLong()));
        return new Run(month, calls, figures.path("wallMillis").asLong(), figures.path("peakHeapMb").asLong(),
                requests, figures.path("invoices").asInt(), figures.path("seconds").path("DynamoDb.Query").asDouble());
    }

    /** The child JVM: one invoice-generator container, one scheduled run. */
    private static void child(String month, Instant runAt) {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        FunctionRuntime runtime = new FunctionRuntime(System.getenv(), Clock.fixed(runAt, ZoneOffset.UTC), i -> { });
        long start = System.nanoTime();
        InvoiceGeneratorHandler handler = new InvoiceGeneratorHandler(runtime);
        Map<String, Object> event = new HashMap<>();
        event.put("scheduledTime", runAt.toString());
        String result = handler.handleRequest(event, null);
        long wall = (System.nanoTime() - start) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
        var line = JSON.createObjectNode();
        line.put("benchmark", "invoice-run");
        line.put("month", month);
        line.put("wallMillis", wall);
        line.put("peakHeapMb", peak);
        line.put("invoices", Integer.parseInt(result.substring(0, result.indexOf(' '))));
        var requests = line.putObject("requests");
        RequestCounter.snapshot().forEach(requests::put);
        var seconds = line.putObject("seconds");
        RequestCounter.seconds().forEach(seconds::put);
        System.out.println(line);
        System.exit(0);
    }

    /** Least-squares lines of the whole run's time and of the time reading calls, against calls. */
    private static void report(List<Run> runs) {
        line("Run time", runs, r -> r.wallMillis() / 1000.0);
        line("DynamoDB Query time (reading the month's calls)", runs, Run::querySeconds);
    }

    /** A least-squares line through (calls, seconds), and each point's distance from it. */
    private static void line(String what, List<Run> runs, java.util.function.ToDoubleFunction<Run> secondsOf) {
        double n = runs.size();
        double sx = 0;
        double sy = 0;
        double sxy = 0;
        double sxx = 0;
        for (Run r : runs) {
            double x = r.calls();
            double y = secondsOf.applyAsDouble(r);
            sx += x;
            sy += y;
            sxy += x * y;
            sxx += x * x;
        }
        double slope = (n * sxy - sx * sy) / (n * sxx - sx * sx);
        double intercept = (sy - slope * sx) / n;
        System.out.printf("%s = %.1f s + %.1f s per million calls (least squares over %d runs)%n", what,
                intercept, slope * 1e6, runs.size());
        for (Run r : runs) {
            double predicted = intercept + slope * r.calls();
            double measured = secondsOf.applyAsDouble(r);
            System.out.printf("  %,9d calls: measured %.1f s, line %.1f s (%+.1f %%)%n", r.calls(), measured,
                    predicted, 100 * (measured - predicted) / predicted);
        }
    }

    /** The java launcher of this JVM. */
    private static String javaBin() {
        return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
