package com.outboundcalls.functions.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.aws.DynamoBillingDirectory;
import com.outboundcalls.aws.DynamoRatedCallStore;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.lambda.EventFixtures;
import com.outboundcalls.money.Money;
import com.outboundcalls.rate.RatedCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A call rated after its month was invoiced, in the local cloud: the rating's instant is kept on the item and the
 * RecordedByClient index finds it for the next invoice, which bills it once under its own month.
 */
class LateCallsLocalCloudTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOVEMBER_RUN = Instant.parse("2026-11-01T05:00:00Z");
    private static final Instant DECEMBER_RUN = Instant.parse("2026-12-01T05:00:00Z");
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(NOVEMBER_RUN)).start();
        DynamoBillingDirectory billing = new DynamoBillingDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"));
        billing.putProvider(FacturXTest.PROVIDER);
        billing.putAccount(new BillingAccount("acme", new BillingAccount.Plan("Essentiel", new BigDecimal("49.00")),
                null, null, null, LocalDate.of(2025, 3, 1), null, FacturXTest.BUYER, 30));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static DynamoRatedCallStore ratedAt(String instant) {
        return new DynamoRatedCallStore(cloud.dynamoDb(), cloud.physicalName("RatedCallsTable"),
                cloud.physicalName("CampaignStatsTable"), Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    private static RatedCall call(String id, String answered, long seconds) {
        Instant a = Instant.parse(answered);
        return new RatedCall(id, "acme", "spring", "ct-" + id, 1, "FR", "FR", "MOBILE", a.minusSeconds(8), a,
                a.plusSeconds(seconds), seconds, new BigDecimal("0.0450"),
                Money.ratedCallAmount(seconds, new BigDecimal("0.0450")), "v2026", RatedCall.Status.RATED, null);
    }

    private static JsonNode invoice(String key) throws Exception {
        return JSON.readTree(cloud.s3().getObjectAsBytes(r -> r.bucket(cloud.physicalName("ContactBucket")).key(key))
                .asByteArray());
    }

    @Test
    void anOctoberCallRatedInNovemberIsBilledOnceOnTheNovemberInvoiceMarkedWithItsMonth() throws Exception {
        ratedAt("2026-10-05T09:02:00Z").saveIfAbsent(call("on-time", "2026-10-05T09:00:00Z", 62));
        cloud.function("InvoiceGeneratorFunction").invoke(EventFixtures.json("scheduled-first-of-month.json",
                "scheduledTime", NOVEMBER_RUN.toString()));
        cloud.drain();
        // Its DISCONNECTED event replayed from the dead-letter queue on 4 November.
        ratedAt("2026-11-04T10:00:00Z").saveIfAbsent(call("late", "2026-10-30T16:00:00Z", 600));
        ratedAt("2026-11-12T10:00:00Z").saveIfAbsent(call("november", "2026-11-12T09:00:00Z", 60));
        cloud.skipTo(DECEMBER_RUN);
        for (int run = 0; run < 2; run++) {
            cloud.function("InvoiceGeneratorFunction").invoke(EventFixtures.json("scheduled-first-of-month.json",
                    "scheduledTime", DECEMBER_RUN.toString()));
            cloud.drain();
        }

        JsonNode october = invoice("exports/invoices/2026-10/2026-000001_acme.json");
        JsonNode november = invoice("exports/invoices/2026-11/2026-000002_acme.json");
        assertEquals(2, october.path("lines").size(), "the plan and the on-time call: " + october);
        assertEquals(3, november.path("lines").size(), november.toString());
        JsonNode late = november.path("lines").get(2);
        assertEquals("2026-10", late.path("calls_month").asText());
        assertEquals(600, late.path("billed_seconds").asInt());
        assertEquals("0.45", late.path("amount").asText()); // 600 s x 0.045 / 60
        assertTrue(late.path("description").asText().startsWith("Appels d'octobre 2026 facturés en retard"));
        String detail = new String(cloud.s3().getObjectAsBytes(r -> r.bucket(cloud.physicalName("ContactBucket"))
                .key("exports/invoices/2026-11/acme_usage.csv")).asByteArray(), StandardCharsets.UTF_8);
        String lateRow = detail.lines().filter(row -> row.startsWith("late,")).findFirst().orElseThrow();
        assertTrue(lateRow.endsWith(",2026-10"), "the usage detail lists it under its month: " + lateRow);
        assertTrue(cloud.accessDenials().isEmpty(), cloud.accessDenials().toString());
    }
}
