package com.outboundcalls.functions.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.aws.DynamoBillingDirectory;
import com.outboundcalls.aws.DynamoRatedCallStore;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.invoice.InvoiceExports;
import com.outboundcalls.lambda.EventFixtures;
import com.outboundcalls.money.Money;
import com.outboundcalls.rate.RatedCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The monthly run in the local cloud: the schedule's invoice-generator opens it, invoice-run's tasks (one per
 * billing account, from InvoiceRunQueue) invoice; rated calls in DynamoDB Local, exports in the S3 stand-in.
 */
class InvoiceGeneratorLocalCloudTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RUN = Instant.parse("2026-11-01T05:00:00Z"); // 06:00 Paris
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(RUN)).start();
        DynamoBillingDirectory billing = new DynamoBillingDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"));
        billing.putProvider(FacturXTest.PROVIDER);
        billing.putAccount(account("acme", "49.00", LocalDate.of(2025, 3, 1)));
        // Subscribed on 15 October: 17 of 31 days, 19.90 x 17 / 31 = 10.9129 -> 10.91.
        billing.putAccount(account("globex", "19.90", LocalDate.of(2026, 10, 15)));
        // A client set up to call but never given a billing account: the run says so rather than skip it silently.
        new com.outboundcalls.aws.DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"))
                .putClient(new com.outboundcalls.account.Client("initech", "Initech", "FR",
                        new com.outboundcalls.account.Client.Tariff(3, Duration.ofHours(1)),
                        com.outboundcalls.account.Client.AccountStatus.ACTIVE, null));
        DynamoRatedCallStore rated = new DynamoRatedCallStore(cloud.dynamoDb(), cloud.physicalName("RatedCallsTable"));
        rated.saveIfAbsent(call("c1", "FR", "MOBILE", 62, "0.0450", "2026-10-05T09:00:00.250Z"));
        rated.saveIfAbsent(call("c2", "FR", "MOBILE", 61, "0.0450", "2026-10-20T14:00:00Z"));
        rated.saveIfAbsent(call("c3", "FR", "FIXED_LINE", 600, "0.0120", "2026-10-31T22:59:59Z")); // 23:59:59 Paris
        rated.saveIfAbsent(call("c4", "FR", "FIXED_LINE", 600, "0.0120", "2026-10-31T23:00:00Z")); // November in Paris
        rated.saveIfAbsent(unanswered("c5", "2026-10-06T09:00:00Z"));
    }

    static BillingAccount account(String clientId, String monthly, LocalDate subscribedOn) {
        return new BillingAccount(clientId, new BillingAccount.Plan("Essentiel", new BigDecimal(monthly)), null, null,
                null, subscribedOn, null, FacturXTest.BUYER, 30);
    }

    private static RatedCall call(String id, String dest, String type, long seconds, String price, String answered) {
        Instant a = Instant.parse(answered);
        return new RatedCall(id, "acme", "spring", "ct-" + id, 1, "FR", dest, type, a.minusSeconds(8), a,
                a.plusSeconds(seconds), seconds, new BigDecimal(price),
                Money.ratedCallAmount(seconds, new BigDecimal(price)), "v2026", RatedCall.Status.RATED, null);
    }

    private static RatedCall unanswered(String id, String initiated) {
        Instant i = Instant.parse(initiated);
        return new RatedCall(id, "acme", "spring", "ct-" + id, 1, "FR", "FR", "MOBILE", i, null, i.plusSeconds(30), 0,
                new BigDecimal("0.0450"), new BigDecimal("0.000000"), "v2026", RatedCall.Status.RATED, null);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String run(Instant at) throws IOException {
        return EventFixtures.json("scheduled-first-of-month.json", "scheduledTime", at.toString());
    }

    private static String text(String key) {
        return new String(cloud.s3().getObjectAsBytes(r -> r.bucket(cloud.physicalName("ContactBucket")).key(key))
                .asByteArray(), StandardCharsets.UTF_8);
    }

    @Test
    void theMonthlyRunInvoicesEachClientOnceWithContinuousNumbersAndExportsIt() throws IOException {
        assertEquals("invoice run for 2026-10 started", cloud.function("InvoiceGeneratorFunction").invoke(run(RUN)));
        cloud.drain();
        assertEquals(1L, cloud.metrics().get("ClientsWithoutBillingAccount (Function=invoice-run)"),
                "initech has no billing account: " + cloud.metrics());
        assertEquals(2L, cloud.metrics().get("InvoicesIssued (Function=invoice-run)"));
        // A retry of the same occurrence, then a second run later that morning.
        cloud.function("InvoiceGeneratorFunction").invoke(run(RUN));
        cloud.function("InvoiceGeneratorFunction").invoke(run(RUN.plus(Duration.ofHours(2))));
        cloud.drain();
        assertEquals(0, cloud.queueDepth("InvoiceRunDeadLetterQueue"));
        var record = cloud.dynamoDb().getItem(r -> r.tableName(cloud.physicalName("InvoicesTable"))
                .key(java.util.Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                        .fromS("RUN#2026-10")))).item();
        int accounts = new DynamoBillingDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable")).accounts().size();
        assertEquals(String.valueOf(accounts), record.get("expected").n(), "each account counted once: " + record);
        assertEquals(String.valueOf(accounts), record.get("done").n());
        assertTrue(record.containsKey("finishedAt"));

        JsonNode acme = JSON.readTree(text("exports/invoices/2026-10/2026-000001_acme.json"));
        JsonNode globex = JSON.readTree(text("exports/invoices/2026-10/2026-000002_globex.json"));
        assertEquals("2026-10", acme.path("period").asText());
        assertEquals("2026-11-01", acme.path("issue_date").asText());
        assertEquals("2026-12-01", acme.path("due_date").asText());
        // FR FIXED_LINE 600 s x 0.012 / 60 = 0.12 (the call answered at 00:00 Paris on 1 November is not October's)
        // FR MOBILE (62 + 61) s x 0.045 / 60 = 0.09225 -> 0.09
        assertEquals(3, acme.path("lines").size());
        assertEquals("732829320", acme.path("seller").path("siren").asText());
        assertEquals("FR13542107651", acme.path("buyer").path("vat_number").asText());
        assertEquals("fixed", acme.path("lines").get(0).path("kind").asText());
        assertEquals("49.00", acme.path("lines").get(0).path("unit_price").asText(), "prices keep their cents");
        assertEquals("0.12", acme.path("lines").get(1).path("amount").asText());
        assertEquals("0.09", acme.path("lines").get(2).path("amount").asText());
        assertEquals("49.21", acme.path("total_excl_vat").asText());
        assertEquals("9.84", acme.path("vat_amount").asText());
        assertEquals("59.05", acme.path("total_incl_vat").asText());
        assertEquals("10.91", globex.path("total_excl_vat").asText());
        assertEquals("17/31", globex.path("lines").get(0).path("prorata").asText());
        assertEquals("2026-10-15", globex.path("service_period_start").asText());
        for (String file : List.of("2026-000001_acme.pdf", "2026-000001_acme_facturx.pdf", "2026-000002_globex.pdf",
                "journal-2026-10.csv")) {
            assertTrue(text("exports/invoices/2026-10/" + file).length() > 0, file);
        }
        assertTrue(text("exports/invoices/2026-10/2026-000001_acme_facturx.pdf").startsWith("%PDF-"));

        long invoices = cloud.dynamoDb().scan(r -> r.tableName(cloud.physicalName("InvoicesTable"))
                .filterExpression("begins_with(pk, :p) AND #period = :m")
                .expressionAttributeNames(java.util.Map.of("#period", "period"))
                .expressionAttributeValues(java.util.Map.of(
                        ":p", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("INVOICE#"),
                        ":m", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("2026-10")))).count();
        assertEquals(2, invoices, "no second invoice for a client and month");

        String usage = text("exports/invoices/2026-10/acme_usage.csv");
        String[] lines = usage.split("\n");
        assertEquals(InvoiceExports.USAGE_HEADER, lines[0]);
        assertEquals(5, lines.length, "header and four October calls");
        assertEquals(true, usage.contains("c1,spring,ct-c1,FR,FR,MOBILE,2026-10-05T09:00:00.250Z,"
                + "2026-10-05T09:01:02.250Z,62,0.0450,0.046500,v2026,2026-10"), usage);
        assertEquals(true, usage.contains("c5,spring,ct-c5,FR,FR,MOBILE,,2026-10-06T09:00:30.000Z,0,"), usage);
    }

    @Test
    void concurrentWorkersIssueOneInvoicePerClientWithoutGapOrDuplicateNumbers() throws Exception {
        DynamoBillingDirectory billing = new DynamoBillingDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"));
        for (int i = 0; i < 12; i++) {
            // Subscribed in December: nothing for them in October's run, whichever test runs first.
            billing.putAccount(account(String.format("concurrent-%02d", i), "10.00", LocalDate.of(2026, 12, 1)));
        }
        // December's invoices are issued in 2027: their own sequence, starting at 1.
        Instant firstOfJanuary = Instant.parse("2027-01-01T05:00:00Z");
        FunctionRuntime runtime = new FunctionRuntime(cloud.function("InvoiceRunFunction").environment(),
                java.time.Clock.fixed(firstOfJanuary, java.time.ZoneOffset.UTC), d -> { });
        // Two schedule deliveries, then four containers taking the tasks from the queue at once, each message
        // possibly twice (a worker takes back what it received, as an expired visibility would).
        new InvoiceGeneratorHandler(runtime).handleRequest(JSON.readValue(run(firstOfJanuary), java.util.Map.class),
                null);
        new InvoiceGeneratorHandler(runtime).handleRequest(JSON.readValue(run(firstOfJanuary), java.util.Map.class),
                null);
        String queueUrl = cloud.physicalName("InvoiceRunQueue");
        java.util.concurrent.atomic.AtomicInteger failures = new java.util.concurrent.atomic.AtomicInteger();
        Callable<Void> worker = () -> {
            InvoiceRunHandler handler = new InvoiceRunHandler(runtime);
            int idle = 0;
            int delivered = 0;
            while (idle < 3) {
                var messages = cloud.sqs().receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(1)
                        .waitTimeSeconds(1).visibilityTimeout(30)).messages();
                if (messages.isEmpty()) {
                    idle++;
                    continue;
                }
                idle = 0;
                var message = messages.get(0);
                com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage record =
                        new com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage();
                record.setMessageId(message.messageId());
                record.setBody(message.body());
                com.amazonaws.services.lambda.runtime.events.SQSEvent event =
                        new com.amazonaws.services.lambda.runtime.events.SQSEvent();
                event.setRecords(List.of(record));
                int times = ++delivered % 3 == 0 ? 2 : 1;
                for (int t = 0; t < times; t++) {
                    failures.addAndGet(handler.handleRequest(event, null).getBatchItemFailures().size());
                }
                cloud.sqs().deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
            return null;
        };
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            for (Future<Void> f : pool.invokeAll(List.of(worker, worker, worker, worker))) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(0, failures.get());
        List<String> numbers = new ArrayList<>();
        cloud.dynamoDb().scanPaginator(r -> r.tableName(cloud.physicalName("InvoicesTable"))
                        .filterExpression("begins_with(pk, :p) AND #period = :m")
                        .expressionAttributeNames(java.util.Map.of("#period", "period"))
                        .expressionAttributeValues(java.util.Map.of(
                                ":p", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("INVOICE#"),
                                ":m", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("2026-12"))))
                .items().forEach(item -> numbers.add(item.get("number").s()));
        // acme, globex and the twelve accounts: fourteen invoices numbered 1 to 14, each once.
        assertEquals(14, numbers.size());
        TreeSet<String> expected = new TreeSet<>();
        for (int n = 1; n <= 14; n++) {
            expected.add(String.format("2027-%06d", n));
        }
        assertEquals(expected, new TreeSet<>(numbers));
        assertTrue(cloud.s3().listObjectsV2(r -> r.bucket(cloud.physicalName("ContactBucket"))
                .prefix("exports/invoices/2026-12/journal-")).keyCount() == 1, "the journal, once all are done");
    }

    @Test
    void aGarbledOrForgedTaskIsRefusedAndChangesNoRun() throws Exception {
        FunctionRuntime runtime = new FunctionRuntime(cloud.function("InvoiceRunFunction").environment(),
                java.time.Clock.fixed(RUN, java.time.ZoneOffset.UTC), d -> { });
        InvoiceRunHandler handler = new InvoiceRunHandler(runtime);
        List<String> bodies = List.of("\u0000\u00ff binary", "{\"invoice\":{\"clientId\":\"acme\"}}",
                "{\"export\":{\"chain\":\"c\",\"file\":\"LEDGER\",\"month\":\"2025-02\"}}",
                "{\"export\":{\"chain\":\"c\",\"file\":\"JOURNAL\",\"month\":\"February\"}}",
                "{\"plan\":{\"scheduledTime\":\"not a time\"}}", "[" + "[".repeat(5000));
        for (String body : bodies) {
            com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage record =
                    new com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage();
            record.setMessageId("forged");
            record.setBody(body);
            com.amazonaws.services.lambda.runtime.events.SQSEvent event =
                    new com.amazonaws.services.lambda.runtime.events.SQSEvent();
            event.setRecords(List.of(record));
            assertEquals(1, handler.handleRequest(event, null).getBatchItemFailures().size(), body);
        }
        // A well-formed task for a client without a billing account, in a month no schedule opened: nothing counted.
        com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage record =
                new com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage();
        record.setMessageId("forged-account");
        record.setBody("{\"invoice\":{\"scheduledTime\":\"2025-03-01T05:00:00Z\",\"clientId\":\"nobody\"}}");
        com.amazonaws.services.lambda.runtime.events.SQSEvent event =
                new com.amazonaws.services.lambda.runtime.events.SQSEvent();
        event.setRecords(List.of(record));
        assertEquals(0, handler.handleRequest(event, null).getBatchItemFailures().size());
        var item = cloud.dynamoDb().getItem(r -> r.tableName(cloud.physicalName("InvoicesTable"))
                .key(java.util.Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue
                        .fromS("RUN#2025-02")))).item();
        assertTrue(item == null || item.isEmpty(), "no run record made up: " + item);
        // A well-formed step of a rewrite nobody started: it stops at once and writes no file.
        record.setMessageId("forged-step");
        record.setBody("{\"export\":{\"chain\":\"made-up\",\"file\":\"JOURNAL\",\"month\":\"2025-02\","
                + "\"index\":3,\"asOf\":\"2025-03-01\"}}");
        assertEquals(0, handler.handleRequest(event, null).getBatchItemFailures().size());
        assertEquals(0, cloud.s3().listObjectsV2(r -> r.bucket(cloud.physicalName("ContactBucket"))
                .prefix("exports/invoices/2025-02/")).keyCount(), "no journal made up");
    }
}
