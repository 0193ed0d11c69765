package com.outboundcalls.infra.benchmarks;

import com.outboundcalls.infra.localcloud.CloudTemplate;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.infra.localcloud.LocalFunction;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./bench coldstart [--runs N]}: each function of template.yaml started cold, several times, as Lambda starts
 * it: a fresh JVM whose class path is that function's deployment jar alone (plus the runtime's event serializers),
 * with the environment the template gives it (its JAVA_TOOL_OPTIONS included) and the endpoints of a local cloud
 * running in this JVM, handed a fixture event. Prints, per function, the median time from the JVM's launch to the
 * handler built (init) and to the first response, the second invocation's time (warm), and the first response as a
 * ratio of a floor probe measured in the same run: a fresh JVM that builds a DynamoDB client and makes one GetItem,
 * launched once in each round just before the function's own launches (the function is compared with the median of
 * its rounds' probes).
 * Then the same function started as from SnapStart's snapshot (emulated: its priming, then the restore hooks, then
 * the first invocation): the priming's time, the first invocation's, a warm one's, and their ratio.
 */
public final class ColdStartBenchmark {

    /** The fixture each function is handed, from the functions' test resources; "sqs:" wraps it in an SQS record. */
    private static final Map<String, String> FIXTURES = new LinkedHashMap<>();

    static {
        String events = "functions/%s/src/test/resources/events/%s.json";
        FIXTURES.put("ContactIngestFunction", events.formatted("contact-ingest", "s3-object-created"));
        FIXTURES.put("ContactIngestResumeFunction", "sqs:" + events.formatted("contact-ingest", "ingest-handover"));
        FIXTURES.put("OppositionImportFunction", events.formatted("contact-ingest", "s3-object-created"));
        FIXTURES.put("PriceListImportFunction", events.formatted("contact-ingest", "s3-object-created"));
        FIXTURES.put("DialFeederFunction", events.formatted("dial-feeder", "scheduled-minute"));
        FIXTURES.put("CampaignReportFunction", events.formatted("reporting", "scheduled-hour"));
        FIXTURES.put("DashboardFunction", events.formatted("reporting", "scheduled-hour"));
        FIXTURES.put("DashboardRequestsFunction", events.formatted("reporting", "sqs-dashboard-requests"));
        FIXTURES.put("DialerFunction", events.formatted("dialer", "sqs-dial-message"));
        FIXTURES.put("CallRaterFunction", "sqs:" + events.formatted("call-rater", "contact-event-disconnected"));
        FIXTURES.put("RerateFunction", "sqs:" + events.formatted("call-rater", "rerate-routes"));
        FIXTURES.put("LineAuditFunction", events.formatted("dial-feeder", "scheduled-minute"));
        FIXTURES.put("InvoiceGeneratorFunction", events.formatted("invoicing", "scheduled-first-of-month"));
        FIXTURES.put("InvoiceRunFunction", "sqs:" + events.formatted("invoicing", "invoice-run-account"));
        FIXTURES.put("DunningFunction", events.formatted("invoicing", "scheduled-every-morning"));
        FIXTURES.put("FinanceApiFunction", events.formatted("invoicing", "finance-dispute"));
        FIXTURES.put("ClientSpacePageFunction", events.formatted("account-api", "client-space-request"));
        FIXTURES.put("AccountsApiFunction", events.formatted("account-api", "operator-request"));
        FIXTURES.put("ClientNoticesFunction", "sqs:" + events.formatted("account-api", "price-change-notice"));
        FIXTURES.put("CalleeErasureFunction", "sqs:" + events.formatted("account-api", "callee-erasure-request"));
        FIXTURES.put("AccountHousekeepingFunction", events.formatted("account-api", "scheduled-every-night"));
        FIXTURES.put("ClientHousekeepingFunction", "sqs:" + events.formatted("account-api", "housekeeping-request"));
    }

    /** The contact ingest's event: a file that is not in the bucket (deleted before its event was handled). */
    private static final String ABSENT_CONTACT_FILE = "incoming/cold/start/a.csv";

    /** The suppression file staged for the opposition import's event (its client's agreed contact-file format). */
    private static final String OPPOSITION_KEY = "config/opposition/cold/opposition.csv";

    /**
     * The object key of an S3-triggered function's event, under the prefix its trigger in the template filters on:
     * the provider's price list and a suppression file, staged (and so imported once) before the runs, so that each
     * run is handed a redelivered event of a file that exists; for the contact ingest, a file that does not.
     */
    private static final Map<String, String> S3_KEYS = Map.of(
            "OppositionImportFunction", OPPOSITION_KEY,
            "PriceListImportFunction", com.outboundcalls.infra.launcher.ReferenceData.PRICE_LIST_KEY);

    /** One cold start: from the JVM's launch to the handler built and to the first response; then a warm one. */
    public record Run(double initMs, double firstMs, double warmMs, String outcome) {
    }

    private final LocalCloud cloud;
    private final Path root;
    private final CloudTemplate template;
    private final String runnerPath;
    private final String serializers;
    private final String javaCommand;
    private final Path work;
    /** A queue no function reads, which the floor's probe with SQS sends its message to. */
    private final String probeQueueUrl;
    /** Options added to each function's JAVA_TOOL_OPTIONS (--jvm-options, to look into a start: -Xlog, JFR). */
    private String extraOptions = "";

    /** Cold starts against this local cloud (on the wall clock), of the jars built under the template's directory. */
    public ColdStartBenchmark(LocalCloud cloud) throws IOException, java.net.URISyntaxException {
        this.cloud = cloud;
        this.root = CloudTemplate.locate(Path.of("")).getParent();
        this.template = CloudTemplate.load(root.resolve("template.yaml"));
        this.runnerPath = Path.of(ColdStartRunner.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
        this.serializers = java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .filter(p -> p.contains("aws-lambda-java-serialization")).findFirst()
                .orElseThrow(() -> new IllegalStateException("aws-lambda-java-serialization is not on the class path"));
        this.javaCommand = ProcessHandle.current().info().command().orElse("java");
        this.work = Files.createTempDirectory("coldstart");
        // The month's run open, as its schedule leaves it: an account's task counts itself done in it.
        Instant now = Instant.now();
        new com.outboundcalls.aws.DynamoInvoiceRunLedger(cloud.dynamoDb(), cloud.physicalName("InvoicesTable"),
                java.time.Clock.systemUTC()).open(com.outboundcalls.invoice.InvoiceRun.periodFor(now), now);
        // The files the price-list and opposition imports' events name: the provider's price list and a suppression
        // file, each imported once here by its function in the local cloud.
        String bucket = cloud.physicalName("ContactBucket");
        cloud.s3().putObject(r -> r.bucket(bucket).key(com.outboundcalls.infra.launcher.ReferenceData.PRICE_LIST_KEY),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(
                        com.outboundcalls.infra.launcher.ReferenceData.priceListCsv()));
        cloud.s3().putObject(r -> r.bucket(bucket).key(OPPOSITION_KEY),
                software.amazon.awssdk.core.sync.RequestBody.fromBytes(
                        com.outboundcalls.infra.launcher.SampleContacts.generate(20, 1)));
        cloud.drain();
        this.probeQueueUrl = cloud.sqs().createQueue(r -> r.queueName("coldstart-floor-probe")).queueUrl();
    }

    /** The functions measured, in template order, each with the fixture it is handed. */
    public static java.util.Set<String> functions() {
        return FIXTURES.keySet();
    }

    /**
     * The floor: the reporting jar (DynamoDB and S3 clients only) in a fresh JVM, building a DynamoDB client from the
     * environment and making one GetItem.
     */
    public Run floor() throws IOException, InterruptedException {
        return launch(List.of(jar("CampaignReportFunction"), runnerPath, serializers),
                List.of("--floor", cloud.physicalName("ContactsTable")),
                cloud.functions().get("CampaignReportFunction").environment());
    }

    /**
     * The floor with more services: the same JVM and jar, building an S3 client as well and listing an empty prefix
     * after the GetItem, then (with {@code sqs}) an SQS client too and sending one message to a queue nothing reads.
     * What the least function whose first event calls two or three services does.
     */
    public Run floorWith(boolean sqs) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--floor", cloud.physicalName("ContactsTable"),
                cloud.physicalName("ContactBucket")));
        if (sqs) {
            args.add(probeQueueUrl);
        }
        return launch(List.of(jar("DashboardRequestsFunction"), runnerPath, serializers), args,
                cloud.functions().get("DashboardRequestsFunction").environment());
    }

    /** One cold start of a function of the template, from its deployment jar alone. */
    public Run coldStart(String functionId) throws IOException, InterruptedException {
        return start(functionId, false);
    }

    /**
     * One start from SnapStart's snapshot, emulated: the function initialized for a snapshot, its checkpoint hooks
     * (the priming) and restore hooks run, then the first invocation and a warm one. {@link Run#initMs} is the
     * priming's time, {@link Run#firstMs} the first invocation's.
     */
    public Run primedStart(String functionId) throws IOException, InterruptedException {
        return start(functionId, true);
    }

    private Run start(String functionId, boolean primed) throws IOException, InterruptedException {
        LocalFunction function = cloud.functions().get(functionId);
        Path event = work.resolve(functionId + ".json");
        Files.writeString(event, event(FIXTURES.get(functionId), S3_KEYS.getOrDefault(functionId, ABSENT_CONTACT_FILE)),
                StandardCharsets.UTF_8);
        String handler = (String) template.properties(functionId).get("Handler");
        Map<String, String> env = new java.util.HashMap<>(function.environment());
        List<String> args = new ArrayList<>(List.of(handler, event.toString()));
        // As Lambda sets it: a sandbox started for a snapshot, or on demand.
        env.put("AWS_LAMBDA_INITIALIZATION_TYPE", primed ? "snap-start" : "on-demand");
        if (primed) {
            args.add("--primed");
        }
        return launch(List.of(jar(functionId), runnerPath, serializers), args, env);
    }

    public static void main(String[] args) throws Exception {
        int runs = 3;
        String extraOptions = "";
        java.util.Set<String> only = new java.util.LinkedHashSet<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--runs")) {
                runs = Integer.parseInt(args[++i]);
            } else if (args[i].equals("--jvm-options")) {
                extraOptions = args[++i];
            } else if (args[i].equals("--only")) {
                only.addAll(List.of(args[++i].split(",")));
            }
        }
        if (!FIXTURES.keySet().containsAll(only)) {
            throw new IllegalArgumentException("--only takes functions among " + FIXTURES.keySet());
        }
        try (LocalCloud cloud = LocalCloud.builder().clock(LocalClock.wall()).start()) {
            // The demo's reference data, so that each function finds work: a client, its campaign, the provider.
            com.outboundcalls.infra.launcher.ReferenceData.onboard(cloud,
                    com.outboundcalls.infra.launcher.ReferenceData.demoClient("cold"),
                    com.outboundcalls.infra.launcher.ReferenceData.demoCampaign("cold", "start"),
                    java.time.LocalDate.now(com.outboundcalls.time.Zones.BILLING).withDayOfMonth(1).minusMonths(1));
            ColdStartBenchmark bench = new ColdStartBenchmark(cloud);
            bench.extraOptions = extraOptions;
            System.out.printf("Cold starts: %d fresh JVMs per function (%s), one jar each on the class path, "
                    + "the template's environment and JAVA_TOOL_OPTIONS%n%n", runs, bench.javaCommand);
            // The floor is probed in each round, just before the function's own launches: a function is compared
            // with the probes of its rounds, so that the machine's drift over a whole run (its load, its caches)
            // weighs on both alike. The floor line gives the median of every probe of the run.
            List<Run> floorRuns = new ArrayList<>();
            List<String> lines = new ArrayList<>();
            double worst = 0;
            String worstFunction = "";
            double worstPrimed = 0;
            String worstPrimedFunction = "";
            for (String id : FIXTURES.keySet()) {
                if (!only.isEmpty() && !only.contains(id)) {
                    continue;
                }
                List<Run> floors = new ArrayList<>();
                List<Run> measured = new ArrayList<>();
                List<Run> primed = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    floors.add(bench.floor());
                    measured.add(bench.coldStart(id));
                    primed.add(bench.primedStart(id));
                }
                floorRuns.addAll(floors);
                double floor = median(floors, Run::firstMs);
                double first = median(measured, Run::firstMs);
                double ratio = first / floor;
                if (ratio > worst) {
                    worst = ratio;
                    worstFunction = id;
                }
                double primedFirst = median(primed, Run::firstMs);
                double primedWarm = median(primed, Run::warmMs);
                double primedRatio = primedFirst / Math.max(primedWarm, 1.0);
                if (primedRatio > worstPrimed) {
                    worstPrimed = primedRatio;
                    worstPrimedFunction = id;
                }
                lines.add(String.format("%-30s %-30s %8.0f %8.0f %8.1f %8.0f %6.2f | %8.0f %8.1f %8.1f %6.2f  %s", id,
                        Path.of(bench.jar(id)).getFileName(), median(measured, Run::initMs), first,
                        median(measured, Run::warmMs), floor, ratio, median(primed, Run::initMs), primedFirst,
                        primedWarm, primedRatio, measured.get(0).outcome()));
            }
            System.out.printf("%-30s %-30s %8s %8s %8s %8s %6s | %8s %8s %8s %6s  %s%n", "function", "jar", "init ms",
                    "first ms", "warm ms", "floor ms", "ratio", "prime ms", "1st ms", "warm ms", "x warm",
                    "first invocation");
            if (!floorRuns.isEmpty()) {
                System.out.printf("%-30s %-30s %8.0f %8.0f %8.1f %8s %6s |  %d probes, first response %.0f to %.0f ms%n",
                        "floor (DynamoDB GetItem)", "reporting-lambda.jar", median(floorRuns, Run::initMs),
                        median(floorRuns, Run::firstMs), median(floorRuns, Run::warmMs), "", "", floorRuns.size(),
                        floorRuns.stream().mapToDouble(Run::firstMs).min().orElse(0),
                        floorRuns.stream().mapToDouble(Run::firstMs).max().orElse(0));
            }
            lines.forEach(System.out::println);
            if (only.isEmpty()) {
                // What a second and third service's first call adds to the floor, in rounds of their own.
                List<Run> ones = new ArrayList<>();
                List<Run> twos = new ArrayList<>();
                List<Run> threes = new ArrayList<>();
                for (int r = 0; r < runs; r++) {
                    ones.add(bench.floor());
                    twos.add(bench.floorWith(false));
                    threes.add(bench.floorWith(true));
                }
                double one = median(ones, Run::firstMs);
                System.out.printf("%nThe floor with more services (%d rounds, each with a floor probe of its own: "
                        + "median %.0f ms):%n", runs, one);
                System.out.printf("%-62s %8.0f %8.1f %6.2f%n", "DynamoDB GetItem, then S3 ListObjectsV2",
                        median(twos, Run::firstMs), median(twos, Run::warmMs), median(twos, Run::firstMs) / one);
                System.out.printf("%-62s %8.0f %8.1f %6.2f%n", "DynamoDB GetItem, S3 ListObjectsV2, then SQS SendMessage",
                        median(threes, Run::firstMs), median(threes, Run::warmMs), median(threes, Run::firstMs) / one);
            }
            System.out.printf("%nworst ratio to the floor: %.2f (%s)%n", worst, worstFunction);
            System.out.printf("worst first invocation after priming, to a warm one (at least 1 ms): %.2f (%s)%n",
                    worstPrimed, worstPrimedFunction);
        }
    }

    private String jar(String functionId) {
        return root.resolve((String) template.properties(functionId).get("CodeUri")).toString();
    }

    /** One cold start: the instants the runner prints, from the moment its JVM was launched. */
    private Run launch(List<String> classPath, List<String> args, Map<String, String> env)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(javaCommand, "-cp", String.join(java.io.File.pathSeparator, classPath),
                ColdStartRunner.class.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().putAll(env);
        if (!extraOptions.isBlank()) {
            builder.environment().merge("JAVA_TOOL_OPTIONS", extraOptions, (a, b) -> a + " " + b);
        }
        long launched = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        String line = output.lines().filter(l -> l.startsWith("COLDSTART ") || l.startsWith("PRIMED ")).findFirst()
                .orElse(null);
        if (line == null) {
            String tail = output.length() > 600 ? output.substring(output.length() - 600) : output;
            throw new IllegalStateException("no cold start measured for " + args + ":\n" + tail);
        }
        String[] parts = line.split(" ", 5);
        if (parts[0].equals("PRIMED")) {
            return new Run(Long.parseLong(parts[1]) / 1e6, Long.parseLong(parts[2]) / 1e6,
                    Long.parseLong(parts[3]) / 1e6, parts[4]);
        }
        return new Run((Long.parseLong(parts[1]) - launched) / 1e6, (Long.parseLong(parts[2]) - launched) / 1e6,
                Long.parseLong(parts[3]) / 1e6, parts[4]);
    }

    /**
     * The fixture with its placeholders filled (an S3 event's object as it is stored: its size and ETag, as S3 tells
     * them); "sqs:" wraps it as the body of one SQS record.
     */
    private String event(String fixture, String s3Key) throws IOException {
        String size = "0";
        String etag = "0";
        if (!s3Key.equals(ABSENT_CONTACT_FILE)) {
            var head = cloud.s3().headObject(r -> r.bucket(cloud.physicalName("ContactBucket")).key(s3Key));
            size = Long.toString(head.contentLength());
            etag = head.eTag().replace("\"", "");
        }
        boolean sqs = fixture.startsWith("sqs:");
        String json = Files.readString(root.resolve(sqs ? fixture.substring(4) : fixture), StandardCharsets.UTF_8);
        Map<String, String> values = Map.ofEntries(Map.entry("scheduledTime", Instant.now().toString()),
                Map.entry("bucket", cloud.physicalName("ContactBucket")), Map.entry("key", s3Key),
                Map.entry("size", size), Map.entry("etag", etag), Map.entry("clientId", "cold"),
                Map.entry("campaignId", "start"), Map.entry("contactId", "ct-cold"), Map.entry("number", "+33612345678"),
                Map.entry("token", "cold-start"), Map.entry("body", "{}"), Map.entry("method", "GET"),
                Map.entry("proxy", "campaigns"), Map.entry("email", "cold@example.com"), Map.entry("reason", "cold"),
                Map.entry("role", "OPERATOR"), Map.entry("userArn", "arn:aws:iam::000000000000:user/cold"));
        for (Map.Entry<String, String> v : values.entrySet()) {
            json = json.replace("${" + v.getKey() + "}", v.getValue());
        }
        if (!sqs) {
            return json;
        }
        com.fasterxml.jackson.databind.ObjectMapper mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.node.ObjectNode record = mapper.createObjectNode();
        // As Lambda hands an SQS record: its attributes, no message attribute, its body's MD5, its queue's ARN.
        String md5;
        try {
            md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                    .digest(json.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        record.put("messageId", "cold-start").put("receiptHandle", "cold-start").put("body", json);
        record.putObject("attributes").put("ApproximateReceiveCount", "1")
                .put("SentTimestamp", Long.toString(Instant.now().toEpochMilli()));
        record.putObject("messageAttributes");
        record.put("md5OfBody", md5).put("eventSource", "aws:sqs")
                .put("eventSourceARN", "arn:aws:sqs:eu-west-3:000000000000:cold-start").put("awsRegion", "eu-west-3");
        com.fasterxml.jackson.databind.node.ObjectNode sqsEvent = mapper.createObjectNode();
        sqsEvent.putArray("Records").add(record);
        return sqsEvent.toString();
    }

    private static double median(List<Run> runs, java.util.function.ToDoubleFunction<Run> figure) {
        double[] values = runs.stream().mapToDouble(figure).sorted().toArray();
        return values.length % 2 == 1 ? values[values.length / 2]
                : (values[values.length / 2 - 1] + values[values.length / 2]) / 2;
    }
}
