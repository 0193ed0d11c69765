package com.outboundcalls.infra.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.aws.DynamoBillingDirectory;
import com.outboundcalls.aws.DynamoRatedCallStore;
import com.outboundcalls.aws.FunctionRuntime;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.outboundcalls.functions.invoicing.InvoiceGeneratorHandler;
import com.outboundcalls.functions.invoicing.InvoiceRunHandler;
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
 * The monthly invoice run in the local cloud, fanned out as deployed: the schedule's invoice-generator, then
 * invoice-run's tasks (a page of the directory, or one billing account) taken one at a time from its queue, all in
 * a JVM of their own (one Lambda container, heap capped at 1,536 MB of its 2,048 MB). Each invocation is measured
 * alone: its time, the heap it peaked at (after a collection before it) and the bytes it allocated.
 *
 * <p>By default, 1,000 clients over growing volumes of rated calls, with a straight line through the run's totals
 * to show how time grows with calls. With {@code --clients N}, one run for N clients (20 calls each unless
 * {@code --calls} says otherwise): the run's total beside its longest single invocation and its heap.
 */
public final class InvoicingBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DESTINATIONS = {"FR", "FR", "FR", "RE", "BE", "DE"};
    private static final String[] TYPES = {"MOBILE", "FIXED_LINE"};
    private static final Map<String, String> PRICES = Map.of("FR|MOBILE", "0.0450", "FR|FIXED_LINE", "0.0120",
            "RE|MOBILE", "0.1200", "RE|FIXED_LINE", "0.0500", "BE|MOBILE", "0.0900", "BE|FIXED_LINE", "0.0300",
            "DE|MOBILE", "0.0900", "DE|FIXED_LINE", "0.0300");

    private record Run(YearMonth month, long calls, long wallMillis, long peakHeapMb, Map<String, Long> requests,
                       int invoices, double querySeconds, JsonNode figures) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            child(args[1], Instant.parse(args[2]), Integer.parseInt(args[3]));
            return;
        }
        int clients = 1_000;
        long calls = 1_000_000;
        boolean scale = false;
        boolean callsGiven = false;
        int containers = 2;
        for (int i = 0; i + 1 < args.length; i += 2) {
            switch (args[i]) {
                case "--clients" -> {
                    clients = Integer.parseInt(args[i + 1]);
                    scale = true;
                }
                case "--calls" -> {
                    calls = Long.parseLong(args[i + 1]);
                    callsGiven = true;
                }
                case "--containers" -> containers = Integer.parseInt(args[i + 1]);
                default -> throw new IllegalArgumentException("unknown flag " + args[i]);
            }
        }
        long[] volumes = scale ? new long[] {callsGiven ? calls : 20L * clients} : new long[] {calls / 4, calls / 2, calls};
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
            System.out.printf("Invoice run: %,d clients, rated calls per month %s%n", clients,
                    java.util.Arrays.stream(volumes).mapToObj(v -> String.format("%,d", v))
                            .collect(java.util.stream.Collectors.joining(" / ")));
            List<Run> runs = new ArrayList<>();
            for (int i = 0; i < volumes.length; i++) {
                YearMonth month = first.plusMonths(i);
                long loadStart = System.nanoTime();
                load(cloud.dynamoDb(), cloud.physicalName("RatedCallsTable"), month, clients, volumes[i], 7 + i);
                System.out.printf("  loaded %,d rated calls for %s in %.0f s (setup, not timed)%n", volumes[i], month,
                        (System.nanoTime() - loadStart) / 1e9);
                Instant runAt = month.plusMonths(1).atDay(1).atTime(5, 0).toInstant(ZoneOffset.UTC);
                runs.add(child(cloud, month, volumes[i], runAt, containers));
                Run r = runs.get(runs.size() - 1);
                System.out.printf("  %s: %,9d calls  run %,7.1f s in %d containers, %,.1f s in invocations (of which"
                                + " %.1f s in DynamoDB Query)  %,d accounts%n      requests %s%n", r.month(), r.calls(),
                        r.wallMillis() / 1000.0, r.figures().path("containers").asInt(),
                        r.figures().path("invocationMillis").asLong() / 1000.0, r.querySeconds(), r.invoices(),
                        r.requests());
                printInvocations(r.figures());
            }
            if (runs.size() > 1) {
                report(runs);
            }
        }
        System.exit(0);
    }

    /** Per kind of invocation: how many, the longest, the highest heap and allocation; then the longest of all. */
    private static void printInvocations(JsonNode figures) {
        System.out.printf("      %-22s %8s %10s %10s %12s %12s%n", "invocation", "count", "median ms", "max ms",
                "max heap MB", "max alloc MB");
        figures.path("kinds").fields().forEachRemaining(e -> System.out.printf("      %-22s %,8d %,10.0f %,10.0f %,12d %,12d%n",
                e.getKey(), e.getValue().path("count").asLong(), e.getValue().path("medianMs").asDouble(),
                e.getValue().path("maxMs").asDouble(), e.getValue().path("maxHeapMb").asLong(),
                e.getValue().path("maxAllocMb").asLong()));
        JsonNode longest = figures.path("longest");
        System.out.printf("      longest single invocation: %,.0f ms (%s), peak heap %,d MB, allocated %,d MB;"
                        + " highest peak heap of any invocation: %,d MB%n", longest.path("ms").asDouble(),
                longest.path("kind").asText(), longest.path("heapMb").asLong(), longest.path("allocMb").asLong(),
                figures.path("peakHeapMb").asLong());
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

    /**
     * Runs the month's invoice run in {@code containers} fresh JVMs against this local cloud (the first also takes
     * the schedule's invocation), as Lambda would run the run's function in that many containers, and gathers
     * their invocations' figures.
     */
    private static Run child(LocalCloud cloud, YearMonth month, long calls, Instant runAt, int containers)
            throws Exception {
        long started = System.nanoTime();
        List<Process> processes = new ArrayList<>();
        for (int c = 0; c < containers; c++) {
            ProcessBuilder pb = new ProcessBuilder(javaBin(), "-Xmx1536m", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), InvoicingBenchmark.class.getName(), "--child",
                    month.toString(), runAt.toString(), Integer.toString(c));
            pb.environment().putAll(cloud.function("InvoiceRunFunction").environment());
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            processes.add(pb.start());
        }
        List<Invocation> invocations = java.util.Collections.synchronizedList(new ArrayList<>());
        Map<String, Long> requests = new java.util.concurrent.ConcurrentSkipListMap<>();
        double[] querySeconds = new double[1];
        List<Thread> readers = new ArrayList<>();
        for (Process process : processes) {
            Thread reader = new Thread(() -> {
                try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                        StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = out.readLine()) != null) {
                        if (line.startsWith("INV\t")) {
                            String[] f = line.split("\t");
                            invocations.add(new Invocation(f[1], Double.parseDouble(f[2]), Long.parseLong(f[3]),
                                    Long.parseLong(f[4])));
                        } else if (line.startsWith("{\"benchmark\"")) {
                            JsonNode figures = JSON.readTree(line);
                            figures.path("requests").fields().forEachRemaining(e -> requests.merge(e.getKey(),
                                    e.getValue().asLong(), Long::sum));
                            synchronized (querySeconds) {
                                querySeconds[0] += figures.path("seconds").path("DynamoDb.Query").asDouble();
                            }
                        }
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            reader.start();
            readers.add(reader);
        }
        for (int c = 0; c < containers; c++) {
            readers.get(c).join();
            if (processes.get(c).waitFor() != 0) {
                throw new IllegalStateException("the invoice run for " + month + " failed in container " + c);
            }
        }
        long elapsed = (System.nanoTime() - started) / 1_000_000;
        Map<String, Long> sorted = new java.util.TreeMap<>(requests);
        int invoices = (int) invocations.stream().filter(i -> i.kind().startsWith("invoice")).count();
        return new Run(month, calls, elapsed, invocations.stream().mapToLong(Invocation::heapMb).max().orElse(0),
                sorted, invoices, querySeconds[0], figures(invocations, containers));
    }

    /** The invocations by kind, and the longest. */
    private static JsonNode figures(List<Invocation> invocations, int containers) {
        var node = JSON.createObjectNode();
        node.put("containers", containers);
        node.put("invocationMillis", (long) invocations.stream().mapToDouble(Invocation::ms).sum());
        node.put("peakHeapMb", invocations.stream().mapToLong(Invocation::heapMb).max().orElse(0));
        Invocation longest = invocations.stream().max(java.util.Comparator.comparingDouble(Invocation::ms))
                .orElseThrow();
        node.putObject("longest").put("kind", longest.kind()).put("ms", longest.ms()).put("heapMb", longest.heapMb())
                .put("allocMb", longest.allocMb());
        var kinds = node.putObject("kinds");
        for (String kind : List.of("schedule", "plan a page", "invoice an account", "invoice + close", "journal step",
                "accounting step")) {
            List<Invocation> of = invocations.stream().filter(i -> i.kind().equals(kind)).toList();
            if (of.isEmpty()) {
                continue;
            }
            double[] ms = of.stream().mapToDouble(Invocation::ms).sorted().toArray();
            kinds.putObject(kind).put("count", of.size()).put("medianMs", ms[ms.length / 2])
                    .put("maxMs", ms[ms.length - 1])
                    .put("maxHeapMb", of.stream().mapToLong(Invocation::heapMb).max().orElse(0))
                    .put("maxAllocMb", of.stream().mapToLong(Invocation::allocMb).max().orElse(0));
        }
        return node;
    }

    /** One invocation's figures. */
    private record Invocation(String kind, double ms, long heapMb, long allocMb) {
    }

    /**
     * A child JVM: one container of the run's function, taking the queue's tasks one invocation at a time until
     * the run is finished; container 0 first takes the schedule's invocation. Prints a line per invocation.
     */
    private static void child(String month, Instant runAt, int container) throws Exception {
        List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        FunctionRuntime runtime = new FunctionRuntime(System.getenv(), Clock.fixed(runAt, ZoneOffset.UTC), i -> { });
        InvoiceRunHandler worker = new InvoiceRunHandler(runtime);
        com.outboundcalls.aws.AwsClients aws = new com.outboundcalls.aws.AwsClients(System.getenv());
        software.amazon.awssdk.services.sqs.SqsClient sqs = aws.sqs();
        com.outboundcalls.aws.DynamoInvoiceRunLedger ledger = new com.outboundcalls.aws.DynamoInvoiceRunLedger(
                aws.dynamoDb(), System.getenv("INVOICES_TABLE"), Clock.systemUTC());
        String queueUrl = System.getenv("INVOICE_RUN_QUEUE_URL");
        YearMonth period = YearMonth.parse(month);
        if (container == 0) {
            InvoiceGeneratorHandler starter = new InvoiceGeneratorHandler(runtime);
            Map<String, Object> event = new HashMap<>();
            event.put("scheduledTime", runAt.toString());
            print(measure("schedule", heap, threads, () -> starter.handleRequest(event, null)));
        }
        int failures = 0;
        int idle = 0;
        software.amazon.awssdk.services.s3.S3Client s3 = aws.s3();
        String bucket = System.getenv("EXPORT_BUCKET");
        String journal = com.outboundcalls.invoice.InvoiceExports.journalKey(period);
        // Until the run has finished, its journal is written (its rewrite's last step) and no step is left.
        while ((ledger.progress(period).finishedAt() == null || !exists(s3, bucket, journal) || idle < 3)
                && idle < 30) {
            var messages = sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(1).waitTimeSeconds(1)
                    .visibilityTimeout(60)).messages();
            idle = messages.isEmpty() ? idle + 1 : 0;
            for (var message : messages) {
                SQSEvent.SQSMessage record = new SQSEvent.SQSMessage();
                record.setMessageId(message.messageId());
                record.setBody(message.body());
                SQSEvent sqsEvent = new SQSEvent();
                sqsEvent.setRecords(List.of(record));
                String kind = message.body().contains("\"plan\"") ? "plan a page"
                        : message.body().contains("\"export\"")
                        ? message.body().contains("\"JOURNAL\"") ? "journal step" : "accounting step"
                        : "invoice an account";
                boolean finishedBefore = !kind.equals("invoice an account")
                        || ledger.progress(period).finishedAt() != null;
                int[] failed = new int[1];
                Invocation measured = measure(kind, heap, threads,
                        () -> failed[0] = worker.handleRequest(sqsEvent, null).getBatchItemFailures().size());
                if (!finishedBefore && ledger.progress(period).finishedAt() != null) {
                    // The account's task that found every account done and started the month's files.
                    measured = new Invocation("invoice + close", measured.ms(), measured.heapMb(), measured.allocMb());
                }
                print(measured);
                failures += failed[0];
                if (failed[0] == 0) {
                    sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
                }
            }
        }
        if (failures > 0 || ledger.progress(period).finishedAt() == null) {
            throw new IllegalStateException(failures + " failed invocations; run: " + ledger.progress(period));
        }
        var line = JSON.createObjectNode();
        line.put("benchmark", "invoice-run");
        var requests = line.putObject("requests");
        RequestCounter.snapshot().forEach(requests::put);
        var seconds = line.putObject("seconds");
        RequestCounter.seconds().forEach(seconds::put);
        System.out.println(line);
        System.exit(0);
    }

    private static boolean exists(software.amazon.awssdk.services.s3.S3Client s3, String bucket, String key) {
        try {
            s3.headObject(r -> r.bucket(bucket).key(key));
            return true;
        } catch (software.amazon.awssdk.services.s3.model.NoSuchKeyException e) {
            return false;
        } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static void print(Invocation i) {
        System.out.println("INV\t" + i.kind() + "\t" + i.ms() + "\t" + i.heapMb() + "\t" + i.allocMb());
    }

    /**
     * One invocation, after a collection: its time, the heap it peaked at (the pools' peaks, reset before it) and
     * what its thread allocated.
     */
    private static Invocation measure(String kind, List<MemoryPoolMXBean> heap, com.sun.management.ThreadMXBean threads,
                                      Runnable invocation) {
        System.gc();
        heap.forEach(MemoryPoolMXBean::resetPeakUsage);
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        invocation.run();
        double ms = (System.nanoTime() - start) / 1e6;
        long alloc = threads.getCurrentThreadAllocatedBytes() - allocated;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new Invocation(kind, ms, peak >> 20, alloc >> 20);
    }

    /** Least-squares lines of the run's invocations' time and of the time reading calls, against calls. */
    private static void report(List<Run> runs) {
        line("Invocations' time", runs, r -> r.figures().path("invocationMillis").asLong() / 1000.0);
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
