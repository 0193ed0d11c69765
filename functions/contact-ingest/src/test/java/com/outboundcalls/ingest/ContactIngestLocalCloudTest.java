package com.outboundcalls.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.localcloud.LocalClock;
import com.outboundcalls.localcloud.LocalCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** contact-ingest in the local cloud: a file put in the bucket is ingested through its S3 notification. */
class ContactIngestLocalCloudTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalCloud cloud;
    private static DynamoContactBook contacts;
    private static String bucket;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(Instant.parse("2026-10-05T08:00:00Z"))).start();
        DynamoAccountDirectory accounts = new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"));
        accounts.putClient(new Client("acme", "ACME", "FR", new BigDecimal("10.00"),
                new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE, null));
        accounts.putCampaign(new Campaign("acme", "spring", Campaign.Status.ACTIVE, null, null, 1));
        accounts.putCampaign(new Campaign("acme", "autumn", Campaign.Status.ACTIVE, null, null, 1));
        contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
        bucket = cloud.physicalName("ContactBucket");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static byte[] file(String name) throws IOException {
        try (InputStream in = ContactIngestLocalCloudTest.class.getResourceAsStream("/files/" + name)) {
            return in.readAllBytes();
        }
    }

    private static String text(String key) {
        return new String(cloud.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray(),
                StandardCharsets.UTF_8);
    }

    private static String upload(String key, byte[] content) {
        String etag = cloud.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(content)).eTag();
        cloud.drain();
        return etag.replace("\"", "");
    }

    @Test
    void anUploadedFileIsValidatedStoredAndReported() throws IOException {
        upload("incoming/acme/spring/contacts fr.csv", file("contacts-fr.csv"));

        JsonNode summary = JSON.readTree(text("reports/acme/spring/contacts fr.csv.summary.json"));
        assertEquals("PROCESSED", summary.path("status").asText());
        assertEquals(9, summary.path("rowsRead").asLong());
        assertEquals(3, summary.path("accepted").asLong());
        assertEquals(1, summary.path("skipped").asLong());
        assertEquals(5, summary.path("rejected").asLong());
        assertEquals(1, summary.path("rejectedByReason").path("NOT_A_NUMBER").asLong());
        assertEquals(1, summary.path("rejectedByReason").path("DUPLICATE").asLong());
        assertEquals(1, summary.path("rejectedByReason").path("MISSING_PHONE").asLong());
        assertEquals(1, summary.path("rejectedByReason").path("PREMIUM_RATE").asLong());
        assertEquals(1, summary.path("rejectedByReason").path("MALFORMED_ROW").asLong());
        assertEquals(";", summary.path("delimiter").asText());
        // "=1+1" has digits but no valid number: rejected, and neutralized in the report.
        String rejects = text("reports/acme/spring/contacts fr.csv.rejects.csv");
        assertTrue(rejects.startsWith("row;reason;message;Nom;"), rejects);
        assertTrue(rejects.contains("4;DUPLICATE;"), rejects);
        assertTrue(rejects.contains("'=1+1"), "formula neutralized: " + rejects);
        assertFalse(rejects.contains(";=1+1"), rejects);
        Map<ContactStatus, Long> stored = contacts.countByStatus("acme#spring");
        assertEquals(Map.of(ContactStatus.CALLABLE, 3L), stored);
    }

    @Test
    void aRepeatedS3EventChangesNothing() throws IOException {
        String key = "incoming/acme/autumn/contacts.csv";
        String etag = upload(key, file("contacts-fr.csv"));
        String firstSummary = text("reports/acme/autumn/contacts.csv.summary.json");
        Map<ContactStatus, Long> before = contacts.countByStatus("acme#autumn");

        String event;
        try (InputStream in = getClass().getResourceAsStream("/events/s3-object-created.json")) {
            event = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("${bucket}", bucket)
                    .replace("${key}", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"))
                    .replace("${etag}", etag);
        }
        cloud.function("ContactIngestFunction").invoke(event);
        cloud.function("ContactIngestFunction").invoke(event);

        assertEquals(before, contacts.countByStatus("acme#autumn"));
        assertEquals(firstSummary, text("reports/acme/autumn/contacts.csv.summary.json"),
                "the same report, not one that calls every row a duplicate");
    }

    @Test
    void aKeyNamingAnotherClientsCampaignIsRefusedAndStoresNothing() throws IOException {
        upload("incoming/acme/not-a-campaign/contacts.csv", file("contacts-fr.csv"));
        JsonNode summary = JSON.readTree(text("reports/acme/not-a-campaign/contacts.csv.summary.json"));
        assertEquals("REFUSED", summary.path("status").asText());
        assertTrue(summary.path("refusal").asText().contains("does not exist"));
        assertTrue(contacts.countByStatus("acme#not-a-campaign").isEmpty());
    }

    @Test
    void aBinaryFileIsRefusedInOneSentence() throws IOException {
        upload("incoming/acme/spring/photo.csv", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 10});
        JsonNode summary = JSON.readTree(text("reports/acme/spring/photo.csv.summary.json"));
        assertEquals("REFUSED", summary.path("status").asText());
        assertEquals("The file is neither a text file (CSV) nor XLSX.", summary.path("refusal").asText());
    }
}
