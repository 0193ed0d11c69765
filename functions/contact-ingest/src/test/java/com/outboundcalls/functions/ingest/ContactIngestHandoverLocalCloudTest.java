package com.outboundcalls.functions.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.DynamoUploads;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.ingest.Upload;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A file longer than one invocation allows: the template's IngestRowsPerInvocation is set to 2 rows, so the
 * Excel export takes five invocations handing over through the handover queue; the outcome is the one a
 * single invocation gives, row for row.
 */
class ContactIngestHandoverLocalCloudTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalCloud cloud;
    private static String bucket;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(Instant.parse("2026-10-05T08:00:00Z")))
                .parameter("IngestRowsPerInvocation", "2").start();
        DynamoAccountDirectory accounts = new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"));
        accounts.putClient(new Client("acme", "ACME", "FR",
                new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE, null));
        accounts.putCampaign(new Campaign("acme", "spring", Campaign.Status.ACTIVE, null, null, 1));
        bucket = cloud.physicalName("ContactBucket");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void aFileHandedOverBetweenInvocationsLosesAndRepeatsNoRow() throws Exception {
        byte[] file = ContactIngestLocalCloudTest.file("excel-fr-windows1252.csv");
        // The upload granted as the accounts API grants it, then the object.
        new DynamoUploads(cloud.dynamoDb(), cloud.physicalName("ContactsTable")).record(new Upload(
                "incoming/acme/spring/export excel.csv", "acme", "spring", "export excel.csv", file.length, "test",
                cloud.clock().instant(), cloud.clock().instant().plusSeconds(900)));
        cloud.s3().putObject(r -> r.bucket(bucket).key("incoming/acme/spring/export excel.csv"),
                RequestBody.fromBytes(file));
        cloud.drain();

        JsonNode summary = JSON.readTree(cloud.s3().getObjectAsBytes(r -> r.bucket(bucket)
                .key("reports/acme/spring/export excel.csv.summary.json")).asByteArray());
        assertEquals("PROCESSED", summary.path("status").asText());
        assertEquals(5, summary.path("invocations").asInt(), "8 rows, 2 per invocation, then the end of the file");
        assertEquals(8, summary.path("rowsRead").asLong());
        assertEquals(3, summary.path("accepted").asLong());
        assertEquals(1, summary.path("skipped").asLong());
        assertEquals(Map.of("PREMIUM_RATE", 1, "DUPLICATE", 1, "MALFORMED_ROW", 1, "NOT_A_NUMBER", 1),
                JSON.convertValue(summary.path("rejectedByReason"),
                        new com.fasterxml.jackson.core.type.TypeReference<Map<String, Integer>>() { }));
        String rejects = new String(cloud.s3().getObjectAsBytes(r -> r.bucket(bucket)
                .key("reports/acme/spring/export excel.csv.rejects.csv")).asByteArray(), Charset.forName("windows-1252"));
        assertEquals(ContactIngestLocalCloudTest.EXCEL_REJECTS, rejects);
        assertFalse(cloud.s3().listObjectsV2(r -> r.bucket(bucket).prefix("reports/acme/spring/export excel.csv.rejects.part"))
                .hasContents(), "the parts are gone once assembled");
        assertEquals(Map.of(ContactStatus.CALLABLE, 3L),
                new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable")).countByStatus("acme#spring"));
        assertEquals(0, cloud.queueDepth("IngestHandoverQueue"));
    }
}
