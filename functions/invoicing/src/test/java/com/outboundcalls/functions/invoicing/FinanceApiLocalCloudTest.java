package com.outboundcalls.functions.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoBillingDirectory;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.invoice.InvoiceExports;
import com.outboundcalls.lambda.EventFixtures;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Finance's HTTP API in the local cloud, spoken to as a finance tool would: SigV4-signed HTTP requests to the
 * loopback API, presigned links followed with plain GETs. One invoice of 58.80 EUR (issued 1 November 2026,
 * due 1 December) goes through dunning, suspension, payment and a credit note, in order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FinanceApiLocalCloudTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    static final Instant ISSUE_RUN = Instant.parse("2026-11-01T05:00:00Z");
    private static final String NUMBER = "2026-000001";
    private static LocalCloud cloud;
    private static URI api;

    @BeforeAll
    static void start() throws IOException {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(ISSUE_RUN)).start();
        acmeInvoicedForOctober(cloud);
        api = cloud.httpApiEndpoint("FinanceApi");
    }

    /**
     * The client acme (49.00 EUR a month since 1 January 2025) and the provider, invoiced for October 2026 by the
     * run of 1 November ({@link #ISSUE_RUN}: the cloud's clock is there): invoice {@link #NUMBER}, due 1 December.
     */
    static void acmeInvoicedForOctober(LocalCloud cloud) throws IOException {
        String accountsTable = cloud.physicalName("AccountsTable");
        new DynamoAccountDirectory(cloud.dynamoDb(), accountsTable).putClient(new Client("acme", "ACME", "FR",
                new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE, null));
        DynamoBillingDirectory billing = new DynamoBillingDirectory(cloud.dynamoDb(), accountsTable);
        billing.putProvider(FacturXTest.PROVIDER);
        billing.putAccount(InvoiceGeneratorLocalCloudTest.account("acme", "49.00", LocalDate.of(2025, 1, 1)));
        cloud.function("InvoiceGeneratorFunction").invoke(event("scheduled-first-of-month.json", ISSUE_RUN));
        cloud.drain();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String event(String fixture, Instant at) throws IOException {
        return EventFixtures.json(fixture, "scheduledTime", at.toString());
    }

    /** A request signed with SigV4 for execute-api, as any AWS SDK or {@code curl --aws-sigv4} signs it. */
    private static HttpResponse<String> call(String method, String path, String body, String secret) throws Exception {
        URI uri = api.resolve(path);
        SdkHttpFullRequest.Builder request = SdkHttpFullRequest.builder().method(SdkHttpMethod.fromValue(method))
                .uri(uri);
        if (body != null) {
            request.putHeader("Content-Type", "application/json");
        }
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(LocalCloud.ACCESS_KEY, secret))
                .request(request.build())
                .payload(body == null ? null : ContentStreamProvider.fromUtf8String(body))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "execute-api")
                .putProperty(AwsV4HttpSigner.REGION_NAME, LocalCloud.REGION)).request();
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        signed.headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> http.header(name, v));
            }
        });
        return HTTP.send(http.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> call(String method, String path, String body) throws Exception {
        return call(method, path, body, LocalCloud.SECRET_KEY);
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private static byte[] download(String url) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), url);
        return response.body();
    }

    private static Client.AccountStatus status() {
        return new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable")).client("acme")
                .orElseThrow().status();
    }

    @Test
    @Order(1)
    void requestsWithoutAValidSignatureAreRefusedBeforeReachingTheFunction() throws Exception {
        long before = cloud.function("FinanceApiFunction").invocations();
        HttpResponse<String> unsigned = HTTP.send(HttpRequest.newBuilder(api.resolve("/invoices?month=2026-10"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(403, unsigned.statusCode());
        assertEquals(403, call("GET", "/invoices?month=2026-10", null, "not-the-secret").statusCode());
        assertEquals(before, cloud.function("FinanceApiFunction").invocations());
    }

    @Test
    @Order(2)
    void financeListsTheMonthAndFollowsShortLivedLinksToTheExports() throws Exception {
        HttpResponse<String> list = call("GET", "/invoices?month=2026-10", null);
        assertEquals(200, list.statusCode(), list.body());
        JsonNode documents = json(list).path("documents");
        assertEquals(1, documents.size());
        assertEquals(NUMBER, documents.get(0).path("number").asText());
        assertEquals("58.80", documents.get(0).path("total_incl_vat").asText());
        assertEquals("ISSUED", documents.get(0).path("status").asText());

        JsonNode exports = json(call("GET", "/invoices/" + NUMBER + "/exports", null));
        assertEquals(300, exports.path("expires_in_seconds").asInt());
        assertTrue(new String(download(exports.path("facturx").asText()), StandardCharsets.ISO_8859_1)
                .startsWith("%PDF-"));
        assertTrue(new String(download(exports.path("usage").asText()), StandardCharsets.UTF_8)
                .startsWith(InvoiceExports.USAGE_HEADER));
        JsonNode exported = JSON.readTree(download(exports.path("json").asText()));
        assertEquals("58.80", exported.path("total_incl_vat").asText());

        assertEquals(400, call("GET", "/invoices?month=October", null).statusCode());
        assertEquals(404, call("GET", "/invoices/2026-999999", null).statusCode());
    }

    @Test
    @Order(3)
    void pastTheGracePeriodTheAccountIsSuspendedAndAMissingLegalRateIsNotReadAsZero() throws Exception {
        Instant morning = Instant.parse("2026-12-20T06:00:00Z"); // 19 days late, past the 15 days of grace
        cloud.clock().advanceTo(morning);
        cloud.function("DunningFunction").invoke(event("scheduled-every-morning.json", morning));

        assertEquals(Client.AccountStatus.SUSPENDED, status());
        // The morning's first step handed the lifting step on to DunningQueue, whose function takes it from there.
        assertEquals(1, cloud.queueDepth("DunningQueue"), "the day's next step waits on its queue");
        cloud.messagesSent();
        cloud.drain();
        assertEquals(0, cloud.queueDepth("DunningQueue"), "the last step hands nothing on");
        assertEquals(0, cloud.queueDepth("DunningDeadLetterQueue"));
        assertEquals(Client.AccountStatus.SUSPENDED, status(), "nothing paid, nothing lifted");
        JsonNode invoice = json(call("GET", "/invoices/" + NUMBER, null));
        assertEquals("OVERDUE", invoice.path("status").asText());
        assertEquals(19, invoice.path("late_penalty").path("days_late").asInt());
        assertEquals("40.00", invoice.path("late_penalty").path("recovery_indemnity").asText());
        // The template configures rates through H1 2026 only: December 2026 has none, so the penalty is
        // flagged incomplete (and the LegalRateMissing alarm counts it) rather than computed at 0 %.
        assertFalse(invoice.path("late_penalty").path("complete").asBoolean());
    }

    @Test
    @Order(4)
    void aPaymentIsRecordedOnceByBankReferenceAndLiftsTheSuspension() throws Exception {
        String payment = "{\"amount\":\"58.80\",\"received_on\":\"2026-12-20\",\"bank_reference\":\"VIR-20261220-001\"}";
        assertEquals(400, call("POST", "/invoices/" + NUMBER + "/payments",
                payment.replace("58.80", "58,80")).statusCode());
        HttpResponse<String> huge = call("POST", "/invoices/" + NUMBER + "/payments",
                payment.replace("\"58.80\"", "\"1E+999999999\""));
        assertEquals(400, huge.statusCode(), "an amount no invoice can owe is refused before any arithmetic");
        assertTrue(huge.body().contains("at most 12 digits"), huge.body());
        HttpResponse<String> first = call("POST", "/invoices/" + NUMBER + "/payments", payment);
        assertEquals(201, first.statusCode(), first.body());
        assertEquals("PAID", json(first).path("status").asText());
        assertEquals("0.00", json(first).path("outstanding").asText());
        assertEquals(Client.AccountStatus.ACTIVE, status());

        assertEquals(200, call("POST", "/invoices/" + NUMBER + "/payments", payment).statusCode());
        assertEquals(409, call("POST", "/invoices/" + NUMBER + "/payments",
                payment.replace("58.80", "10.00")).statusCode());
        assertEquals("58.80", json(call("GET", "/invoices/" + NUMBER, null)).path("paid").asText());
        // Both changes of the account are in its audit trail, made by dunning.
        var trail = new com.outboundcalls.aws.DynamoAccountRecords(cloud.dynamoDb(), cloud.physicalName("AccountsTable"),
                cloud.physicalName("OppositionsTable")).audit("acme");
        assertEquals(java.util.List.of("client.suspended by system:dunning", "client.reactivated by system:dunning"),
                trail.stream().map(e -> e.action() + " by " + e.actor()).toList());
        assertEquals("NON_PAYMENT: unpaid invoice " + NUMBER, trail.get(0).changes().get("suspension").after());
    }

    @Test
    @Order(5)
    void aDisputeFiledMoreThanThirtyDaysAfterIssueIsRefused() throws Exception {
        HttpResponse<String> late = call("POST", "/invoices/" + NUMBER + "/disputes", "{\"reason\":\"minutes\"}");
        assertEquals(422, late.statusCode(), late.body());
    }

    @Test
    @Order(6)
    void aCreditNoteIsIssuedOnceAndTheJournalListsBothDocuments() throws Exception {
        String request = "{\"reference\":\"RMA-1\",\"reason\":\"geste commercial\",\"amount_excl_vat\":\"5.00\"}";
        HttpResponse<String> credit = call("POST", "/invoices/" + NUMBER + "/credit-notes", request);
        assertEquals(201, credit.statusCode(), credit.body());
        assertEquals("AV-2026-000001", json(credit).path("number").asText());
        assertEquals("6.00", json(credit).path("total_incl_vat").asText());
        assertEquals("AV-2026-000001", json(call("POST", "/invoices/" + NUMBER + "/credit-notes", request))
                .path("number").asText());
        assertEquals(422, call("POST", "/invoices/" + NUMBER + "/credit-notes",
                "{\"reference\":\"RMA-2\",\"reason\":\"trop\",\"amount_excl_vat\":\"45.00\"}").statusCode());

        List<CsvRecord> rows = journal("2026-10");
        assertEquals(2, rows.size());
        assertEquals(List.of(NUMBER, "facture", "2026-11-01", "acme", "542107651", "49,00", "9,80", "58,80",
                "2026-12-01", "", "PAID", "S", "20", "FR13542107651"), rows.get(1).getFields());
        // Issued on 20 December, the credit note is in December's journal, after the claim of the penalties of the
        // invoice paid late in December.
        rows = journal("2026-12");
        assertEquals(3, rows.size());
        assertEquals(List.of("PEN-2026-000001", "penalites", NUMBER), List.of(rows.get(2).getField(0),
                rows.get(2).getField(1), rows.get(2).getField(9)));
        assertEquals(List.of("AV-2026-000001", "avoir", "2026-12-20", "acme", "542107651", "-5,00", "-1,00", "-6,00",
                "2026-12-20", NUMBER, "CREDIT_NOTE", "S", "20", "FR13542107651"), rows.get(1).getFields());
        assertEquals(new BigDecimal("-6.00"), new BigDecimal(rows.get(1).getField(7).replace(',', '.')));
    }

    @Test
    @Order(7)
    void aCallIsCreditedByItsContactIdOnlyWhenTheInvoiceBilledIt() throws Exception {
        // A call of acme's, rated in November: not on the October invoice, which bills no call.
        Instant answered = Instant.parse("2026-11-03T09:00:00Z");
        new com.outboundcalls.aws.DynamoRatedCallStore(cloud.dynamoDb(), cloud.physicalName("RatedCallsTable"))
                .saveIfAbsent(new com.outboundcalls.rate.RatedCall("ct-disputed", "acme", "spring", "c-1", 1, "FR",
                        "FR", "MOBILE", answered.minusSeconds(5), answered, answered.plusSeconds(90), 90,
                        new BigDecimal("0.0450"), new BigDecimal("0.067500"), "v1",
                        com.outboundcalls.rate.RatedCall.Status.RATED, null));
        HttpResponse<String> refused = call("POST", "/invoices/" + NUMBER + "/credit-notes",
                "{\"connect_contact_id\":\"ct-disputed\",\"reason\":\"appel contesté\"}");
        assertEquals(422, refused.statusCode(), refused.body());
        assertTrue(refused.body().contains("is not billed on " + NUMBER), refused.body());
        HttpResponse<String> unknown = call("POST", "/invoices/" + NUMBER + "/credit-notes",
                "{\"connect_contact_id\":\"ct-unknown\",\"reason\":\"appel contesté\"}");
        assertEquals(404, unknown.statusCode(), unknown.body());
        assertTrue(cloud.accessDenials().isEmpty(), "the finance API may read the call: " + cloud.accessDenials());
    }

    /** The month's journal once the rewrites its changes started (on the invoice run's queue) have finished. */
    private static List<CsvRecord> journal(String month) throws Exception {
        cloud.drain();
        JsonNode journal = json(call("GET", "/journals/" + month, null));
        byte[] csv = download(journal.path("journal").asText());
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';')
                .ofCsvRecord(new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8))) {
            return reader.stream().toList();
        }
    }
}
