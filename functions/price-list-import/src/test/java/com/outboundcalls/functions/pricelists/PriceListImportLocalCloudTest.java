package com.outboundcalls.functions.pricelists;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoPriceCatalog;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.rate.PriceListFile;
import com.outboundcalls.rate.RatedCall;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** price-list-import in the local cloud: a file put under config/price-lists/ is imported by its S3 event. */
class PriceListImportLocalCloudTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalCloud cloud;
    private static String bucket;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(Instant.parse("2026-10-15T08:00:00Z"))).start();
        bucket = cloud.physicalName("ContactBucket");
        new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable")).putClient(new Client("acme",
                "ACME", "FR", new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE,
                null));
        // The provider, who signs the notices, and the client's billing address, where they are mailed.
        new com.outboundcalls.aws.DynamoBillingDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"))
                .putProvider(new com.outboundcalls.invoice.Provider(new com.outboundcalls.account.LegalEntity(
                        "Appels Sortants SAS", "10 rue de la Paix", "75002", "Paris", "FR", "732829320",
                        com.outboundcalls.account.LegalEntity.frenchVatNumber("732829320")), "SAS", "RCS Paris 732 829 320",
                        "FR7630006000011234567890189", "AGRIFRPP", "facturation@appels-sortants.example"));
        cloud.dynamoDb().updateItem(r -> r.tableName(cloud.physicalName("AccountsTable"))
                .key(java.util.Map.of("pk", AttributeValue.fromS("CLIENT#acme"), "sk", AttributeValue.fromS("PROFILE")))
                .updateExpression("SET billingEmail = :e")
                .expressionAttributeValues(java.util.Map.of(":e", AttributeValue.fromS("compta@acme.example"))));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static void upload(String key, String csv) {
        cloud.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromString(csv));
        cloud.drain();
    }

    private static JsonNode report(String key) throws java.io.IOException {
        return JSON.readTree(cloud.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray());
    }

    @Test
    void aVersionIsImportedThenARaiseWithNoticeIsMailedToTheClientOnce() throws Exception {
        upload("config/price-lists/default/2026-01.csv", PriceListFile.HEADER + "\nFR,FR,MOBILE,0.0450,2026-01-01\n");
        assertTrue(report("reports/price-lists/default/2026-01.summary.json").path("accepted").asBoolean());
        upload("config/price-lists/default/2026-12.csv", PriceListFile.HEADER + "\nFR,FR,MOBILE,0.0500,2026-12-01\n");
        assertTrue(report("reports/price-lists/default/2026-12.summary.json").path("accepted").asBoolean());

        DynamoPriceCatalog prices = new DynamoPriceCatalog(cloud.dynamoDb(), cloud.physicalName("PriceListsTable"));
        assertEquals(new BigDecimal("0.0450"), prices.priceAt("default", "FR", "FR", "MOBILE",
                Instant.parse("2026-11-30T22:59:59Z")).orElseThrow().pricePerMinute());
        assertEquals(new BigDecimal("0.0500"), prices.priceAt("default", "FR", "FR", "MOBILE",
                Instant.parse("2026-11-30T23:00:00Z")).orElseThrow().pricePerMinute(), "midnight in Paris");

        // The notice went through the notifications queue to ClientNoticesFunction, which mailed it once.
        var mails = cloud.ses().sent().stream().filter(m -> m.to().contains("compta@acme.example")).toList();
        assertEquals(1, mails.size(), "one mail: " + mails);
        assertTrue(mails.get(0).subject().startsWith("Évolution de vos tarifs au 1 décembre 2026"), mails.get(0).subject());
        assertTrue(mails.get(0).text().contains("FR vers FR, numéros mobiles : 0.0500 EUR HT la minute à partir du "
                + "1 décembre 2026"), mails.get(0).text());
        assertEquals(0, cloud.queueDepth("NotificationsQueue"));
        assertTrue(cloud.s3().getObjectAsBytes(r -> r.bucket(bucket)
                .key("reports/acme/notices/price-list-default-2026-12.json")).asUtf8String().contains("PRICE_INCREASE"));
        // The same notice delivered again (a redelivery) mails nothing more.
        String notice = cloud.s3().getObjectAsBytes(r -> r.bucket(bucket)
                .key("reports/acme/notices/price-list-default-2026-12.json")).asUtf8String();
        cloud.sqs().sendMessage(r -> r.queueUrl(cloud.physicalName("NotificationsQueue")).messageBody(notice));
        cloud.drain();
        assertEquals(1, cloud.ses().sent().stream().filter(m -> m.to().contains("compta@acme.example")).count());
    }

    @Test
    void aCallLeftUnratedIsRatedByTheRatingSideOnceAVersionPricesItsRoute() throws Exception {
        var rated = new com.outboundcalls.aws.DynamoRatedCallStore(cloud.dynamoDb(),
                cloud.physicalName("RatedCallsTable"));
        Instant answered = Instant.parse("2026-10-10T09:00:00Z");
        rated.saveIfAbsent(new RatedCall("far-1", "acme", "spring", "ct-far", 1, "FR", "JP", "MOBILE",
                answered.minusSeconds(9), answered, answered.plusSeconds(120), 120, null, null, null,
                RatedCall.Status.UNRATED, "no price for FR to JP MOBILE"));
        assertEquals(1, rated.unratedOn("FR", "JP", "MOBILE").size());

        upload("config/price-lists/default/asia-1.csv", PriceListFile.HEADER + "\nFR,JP,MOBILE,0.3000,2026-10-01\n");

        assertEquals(1, report("reports/price-lists/default/asia-1.summary.json").path("routesToRerate").asInt());
        assertTrue(rated.unratedOn("FR", "JP", "MOBILE").isEmpty(), "no longer waiting for a price");
        java.util.List<RatedCall> october = new java.util.ArrayList<>();
        rated.forEachInMonth("acme", java.time.YearMonth.of(2026, 10), october::add);
        RatedCall call = october.stream().filter(c -> c.connectContactId().equals("far-1")).findFirst().orElseThrow();
        assertEquals(RatedCall.Status.RATED, call.status());
        assertEquals(new BigDecimal("0.600000"), call.amount());
        assertEquals(0, cloud.queueDepth("RerateQueue"));
        assertTrue(cloud.accessDenials().isEmpty(), "the import changes no rated call: " + cloud.accessDenials());
    }

    @Test
    void aRaiseWithoutNoticeIsRefusedAndItsReportSaysWhy() throws Exception {
        upload("config/price-lists/default/2026-10a.csv", PriceListFile.HEADER + "\nFR,BE,MOBILE,0.0900,2026-01-01\n");
        upload("config/price-lists/default/2026-10b.csv", PriceListFile.HEADER + "\nFR,BE,MOBILE,0.0950,2026-11-01\n");
        JsonNode refused = report("reports/price-lists/default/2026-10b.summary.json");
        assertFalse(refused.path("accepted").asBoolean());
        assertTrue(refused.path("reasons").get(0).asText().contains("less than one month after publication"),
                refused.toString());
    }
}
