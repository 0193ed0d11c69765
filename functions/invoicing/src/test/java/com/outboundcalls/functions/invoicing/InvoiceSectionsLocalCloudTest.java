package com.outboundcalls.functions.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A sub-account invoiced in a section of its parent's invoice, through the run's tasks: the parent's task finds
 * its sections in the accounts table's SubAccountsByParent index, and the page that holds the sub-account does not
 * report it as a client without a billing account.
 */
class InvoiceSectionsLocalCloudTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant RUN = Instant.parse("2026-11-01T05:00:00Z");
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(RUN)).start();
        String accounts = cloud.physicalName("AccountsTable");
        DynamoBillingDirectory billing = new DynamoBillingDirectory(cloud.dynamoDb(), accounts);
        billing.putProvider(FacturXTest.PROVIDER);
        billing.putAccount(InvoiceGeneratorLocalCloudTest.account("umbrella", "49.00", LocalDate.of(2026, 1, 1)));
        for (String[] sub : List.of(new String[] {"umbrella-lyon", "PARENT_SECTION"},
                new String[] {"umbrella-nice", "OWN"})) {
            cloud.dynamoDb().putItem(r -> r.tableName(accounts).item(Map.of("pk", AttributeValue.fromS("CLIENT#" + sub[0]),
                    "sk", AttributeValue.fromS("PROFILE"), "clientId", AttributeValue.fromS(sub[0]),
                    "name", AttributeValue.fromS("Lyon"), "parentClientId", AttributeValue.fromS("umbrella"),
                    "invoicing", AttributeValue.fromS(sub[1]))));
        }
        Instant answered = Instant.parse("2026-10-12T09:00:00Z");
        new DynamoRatedCallStore(cloud.dynamoDb(), cloud.physicalName("RatedCallsTable")).saveIfAbsent(new RatedCall(
                "lyon-1", "umbrella-lyon", "spring", "ct-lyon-1", 1, "FR", "FR", "FIXED_LINE", answered.minusSeconds(5),
                answered, answered.plusSeconds(600), 600, new BigDecimal("0.0120"),
                Money.ratedCallAmount(600, new BigDecimal("0.0120")), "v1", RatedCall.Status.RATED, null));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void aSectionIsReadFromTheIndexAndItsSubAccountIsNeitherInvoicedAloneNorReportedUnbilled() throws Exception {
        cloud.function("InvoiceGeneratorFunction").invoke(EventFixtures.json("scheduled-first-of-month.json",
                "scheduledTime", RUN.toString()));
        cloud.drain();

        JsonNode invoice = JSON.readTree(cloud.s3().getObjectAsBytes(r -> r
                .bucket(cloud.physicalName("ContactBucket")).key("exports/invoices/2026-10/2026-000001_umbrella.json"))
                .asByteArray());
        List<String> lines = new java.util.ArrayList<>();
        invoice.path("lines").forEach(l -> lines.add(l.path("description").asText() + " = " + l.path("amount").asText()));
        assertEquals("Sous-compte Lyon : Appels sortants FR vers FR (FIXED_LINE), 10 min 00 s = 0.12",
                lines.get(lines.size() - 1), lines.toString());
        assertFalse(cloud.s3().listObjectsV2(r -> r.bucket(cloud.physicalName("ContactBucket"))
                .prefix("exports/invoices/2026-10/2026-000002")).hasContents(), "no invoice of the section's own");
        // umbrella-nice has its own invoicing but no billing account: reported; umbrella-lyon is covered.
        assertEquals(1L, cloud.metrics().get("ClientsWithoutBillingAccount (Function=invoice-run)"),
                cloud.metrics().toString());
        assertEquals(1L, cloud.metrics().get("InvoicesIssued (Function=invoice-run)"));
    }
}
