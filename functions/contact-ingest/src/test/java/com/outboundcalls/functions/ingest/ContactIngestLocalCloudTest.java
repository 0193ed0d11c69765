package com.outboundcalls.functions.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.account.ContactFileFormat;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.DynamoUploads;
import com.outboundcalls.contact.Contact;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.ingest.ContactIngestion;
import com.outboundcalls.ingest.Upload;
import com.outboundcalls.lambda.EventFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * contact-ingest in the local cloud: each committed hand-made file is put in the bucket, ingested through its
 * S3 notification, and its exact summary and rejects report are checked.
 */
class ContactIngestLocalCloudTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static LocalCloud cloud;
    private static DynamoContactBook contacts;
    private static String bucket;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(Instant.parse("2026-10-05T08:00:00Z"))).start();
        DynamoAccountDirectory accounts = new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"));
        // ACME's files are read leniently; these are the columns it marked as needed for its calls.
        accounts.putClient(new Client("acme", "ACME", "FR",
                new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE, null)
                .withCalleeData(new com.outboundcalls.account.CalleeDataTerms(
                        java.util.Set.of("reference", "note", "Date RDV"), null)));
        accounts.putClient(new Client("globex", "Globex", "FR",
                new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE, null));
        accounts.putClient(new Client("fixed", "Fixed Layout SA", "FR",
                new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE, null)
                .withContactFileFormat(new ContactFileFormat('|', "windows-1252", false, "2", null, "1", null, null,
                        null, Map.of("dossier", "3"))));
        for (String campaign : new String[]{"spring", "autumn", "winter", "repeat", "redelivered", "mailed"}) {
            accounts.putCampaign(new Campaign("acme", campaign, Campaign.Status.ACTIVE, null, null, 1));
        }
        accounts.putCampaign(new Campaign("acme", "prospects", Campaign.Status.ACTIVE, null, null, 1,
                Campaign.Purpose.CONSUMER_PROSPECTING));
        accounts.putCampaign(new Campaign("globex", "globex-campaign", Campaign.Status.ACTIVE, null, null, 1));
        accounts.putCampaign(new Campaign("fixed", "relance", Campaign.Status.ACTIVE, null, null, 1));
        contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
        bucket = cloud.physicalName("ContactBucket");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    static byte[] file(String name) throws IOException {
        try (InputStream in = ContactIngestLocalCloudTest.class.getResourceAsStream("/files/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(String key) {
        return cloud.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key)).asByteArray();
    }

    private static String text(String key, Charset charset) {
        return new String(bytes(key), charset);
    }

    private static JsonNode summary(String key) throws IOException {
        return JSON.readTree(text(key, StandardCharsets.UTF_8));
    }

    /** A file uploaded as the client space lets a client upload one: the upload granted first, then the object. */
    private static String upload(String key, byte[] content) {
        grant(key, content.length);
        String etag = cloud.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(content)).eTag();
        cloud.drain();
        return etag.replace("\"", "");
    }

    /** The grant the accounts API records when it hands out an upload link for this key and size. */
    static void grant(String key, long size) {
        String[] parts = key.split("/");
        new DynamoUploads(cloud.dynamoDb(), cloud.physicalName("ContactsTable")).record(new Upload(key,
                parts.length > 1 ? parts[1] : null, parts.length > 2 ? parts[2] : null, parts[parts.length - 1], size,
                "test", cloud.clock().instant(), cloud.clock().instant().plusSeconds(900)));
    }

    private static void assertCounts(JsonNode summary, long rowsRead, long accepted, long skipped,
                                     Map<String, Long> rejectedByReason) {
        assertEquals("PROCESSED", summary.path("status").asText(), summary.toString());
        assertEquals(rowsRead, summary.path("rowsRead").asLong(), "rowsRead");
        assertEquals(accepted, summary.path("accepted").asLong(), "accepted");
        assertEquals(skipped, summary.path("skipped").asLong(), "skipped");
        assertEquals(rejectedByReason.values().stream().mapToLong(Long::longValue).sum(),
                summary.path("rejected").asLong(), "rejected");
        assertEquals(rejectedByReason, JSON.convertValue(summary.path("rejectedByReason"),
                new com.fasterxml.jackson.core.type.TypeReference<Map<String, Long>>() { }));
    }

    static final String EXCEL_REJECTS = String.join("\r\n",
            "row;reason;message;Nom;Prénom;Téléphone;Société;Référence",
            "4;PREMIUM_RATE;premium-rate numbers are not allowed by the contract;Bénard;Chloé;0899 12 34 56;Voyance Étoile;R-003",
            "5;DUPLICATE;the number appears on row 2 of this file;Lefèvre;Hélène;'+33 6 12 34 56 78;Boulangerie À l'Épi;R-004",
            "7;MALFORMED_ROW;the row has 6 cells where the header has 5;Gaël;Noël;01 44 55 66 77;Café Crème;R-005;en trop",
            "8;NOT_A_NUMBER;the phone cell holds no digit;Çelik;Zoé;\"'=HYPERLINK(\"\"http://x\"\")\";SARL Zoé;R-006",
            "");

    @Test
    void aWindows1252SemicolonExcelExportWithAccentsIsReadAndReportedInItsOwnEncoding() throws IOException {
        upload("incoming/acme/spring/export excel.csv", file("excel-fr-windows1252.csv"));

        JsonNode summary = summary("reports/acme/spring/export excel.csv.summary.json");
        assertCounts(summary, 8, 3, 1, Map.of("PREMIUM_RATE", 1L, "DUPLICATE", 1L, "MALFORMED_ROW", 1L,
                "NOT_A_NUMBER", 1L));
        assertEquals("CSV", summary.path("format").asText());
        assertEquals(";", summary.path("delimiter").asText());
        assertEquals("windows-1252", summary.path("encoding").asText());
        assertEquals(EXCEL_REJECTS, text("reports/acme/spring/export excel.csv.rejects.csv", WINDOWS_1252));

        // The dropped leading zero was restored, the accents kept, the extra column became an attribute.
        Contact dupre = contacts.get("acme#spring", cloud.contactIds().of("acme", "spring", "+33612345679")).orElseThrow();
        assertEquals("MOBILE", dupre.numberType());
        Contact faure = contacts.get("acme#spring", cloud.contactIds().of("acme", "spring", "+33299887766")).orElseThrow();
        assertEquals("FIXED_LINE", faure.numberType());
        assertEquals("@note", faure.attributes().get("reference"));
        assertEquals(Map.of(ContactStatus.CALLABLE, 3L), contacts.countByStatus("acme#spring"));
    }

    @Test
    void aUtf8FileWithBomQuotedNewlinesAndABrokenQuoteLosesNoOtherRow() throws IOException {
        upload("incoming/acme/winter/quoted.csv", file("utf8-bom-quoted.csv"));

        JsonNode summary = summary("reports/acme/winter/quoted.csv.summary.json");
        assertCounts(summary, 6, 4, 0, Map.of("TOO_SHORT", 1L, "MALFORMED_ROW", 1L));
        assertEquals(",", summary.path("delimiter").asText());
        assertEquals("UTF-8 (BOM)", summary.path("encoding").asText());
        assertEquals(String.join("\r\n",
                "\uFEFFrow,reason,message,phone,name,company,note",
                "4,TOO_SHORT,too few digits for a number of region FR,12345,Short,Nowhere,x",
                "6,MALFORMED_ROW,a quote opened in this row is never closed,\"\"\"0612345678 ,Broken,Quote,never closed\"",
                ""), text("reports/acme/winter/quoted.csv.rejects.csv", StandardCharsets.UTF_8));

        Contact peeters = contacts.get("acme#winter", cloud.contactIds().of("acme", "winter", "+32470123456")).orElseThrow();
        assertEquals("BE", peeters.region());
        assertEquals("line one\nline two", peeters.attributes().get("note"));
        assertTrue(contacts.get("acme#winter", cloud.contactIds().of("acme", "winter", "+33611223344")).isPresent(),
                "the row after the broken quote is read again");
    }

    @Test
    void anXlsxWorkbookIsReadAsAStreamWithNumbersDatesAndPerRowCountries() throws IOException {
        upload("incoming/acme/autumn/contacts.xlsx", file("contacts.xlsx"));

        JsonNode summary = summary("reports/acme/autumn/contacts.xlsx.summary.json");
        assertCounts(summary, 6, 3, 1, Map.of("PREMIUM_RATE", 1L, "MISSING_PHONE", 1L));
        assertEquals("XLSX", summary.path("format").asText());
        assertEquals(String.join("\r\n",
                "\uFEFFrow;reason;message;Téléphone;Nom;Prénom;Pays;Date RDV",
                "5;PREMIUM_RATE;premium-rate numbers are not allowed by the contract;0899123456;Voyance;;;",
                "6;MISSING_PHONE;the phone cell is empty;;Lemoine;Inès;;",
                ""), text("reports/acme/autumn/contacts.xlsx.rejects.csv", StandardCharsets.UTF_8));

        Contact durand = contacts.get("acme#autumn", cloud.contactIds().of("acme", "autumn", "+33612345678")).orElseThrow();
        assertEquals("2026-12-03", durand.attributes().get("date_rdv"), "a date cell reads as a date");
        Contact janssens = contacts.get("acme#autumn", cloud.contactIds().of("acme", "autumn", "+32470123457")).orElseThrow();
        assertEquals("BE", janssens.region(), "the row's country column is its default region");
    }

    @Test
    void consumerProspectingNeedsPriorConsentAndSkipsOpposedNumbers() throws IOException {
        upload("config/opposition/acme/suppression-list.csv", file("suppression-list.csv"));
        JsonNode opposition = summary("reports/acme/opposition/suppression-list.csv.summary.json");
        assertEquals(1, opposition.path("listed").asLong());
        assertEquals(1, opposition.path("rejectedByReason").path("NOT_A_NUMBER").asLong());

        upload("incoming/acme/prospects/consent.csv", file("prospecting-consent.csv"));
        JsonNode summary = summary("reports/acme/prospects/consent.csv.summary.json");
        assertCounts(summary, 6, 2, 0, Map.of("NO_CONSENT", 3L, "OPPOSED", 1L));
        assertEquals(String.join("\r\n",
                "row;reason;message;telephone;nom;consentement",
                "3;NO_CONSENT;no consent is recorded for this person, which prospecting of consumers requires;0612000002;Bernard;",
                "5;NO_CONSENT;the consent date 15/01/2027 is after today: consent must come before the call;0612000004;Petit;15/01/2027",
                "6;NO_CONSENT;the consent date 31/02/2026 is not a date;0612000005;Robert;31/02/2026",
                "7;OPPOSED;the number is on the opposition list;0612000006;Richard;01/09/2025",
                ""), text("reports/acme/prospects/consent.csv.rejects.csv", StandardCharsets.UTF_8));

        upload("incoming/acme/prospects/no-consent-column.csv", file("second-upload.csv"));
        JsonNode refused = summary("reports/acme/prospects/no-consent-column.csv.summary.json");
        assertEquals("REFUSED", refused.path("status").asText());
        assertEquals("This campaign prospects consumers and needs a consent column (consentement: a date or a proof "
                + "reference); the file has none.", refused.path("refusal").asText());
        assertEquals(Map.of(ContactStatus.CALLABLE, 2L), contacts.countByStatus("acme#prospects"));
    }

    @Test
    void aNumberAlreadyInTheCampaignFromAnEarlierFileIsADuplicate() throws IOException {
        upload("incoming/acme/repeat/first.csv", file("second-upload.csv"));
        upload("incoming/acme/repeat/second.csv", "tel;nom\n0611111111;Nouveau\n0622222222;Autre\n"
                .getBytes(StandardCharsets.UTF_8));

        assertCounts(summary("reports/acme/repeat/second.csv.summary.json"), 2, 1, 0, Map.of("DUPLICATE", 1L));
        assertEquals(String.join("\r\n",
                "row;reason;message;tel;nom",
                "2;DUPLICATE;the number is already a contact of this campaign;0611111111;Nouveau",
                ""), text("reports/acme/repeat/second.csv.rejects.csv", StandardCharsets.UTF_8));
        assertEquals(Map.of(ContactStatus.CALLABLE, 3L), contacts.countByStatus("acme#repeat"));
    }

    @Test
    void theAgreedFormatOfAClientBindsItsFiles() throws IOException {
        // No header, '|' separated, Windows-1252, name in column 1, phone in column 2, file number in column 3.
        upload("incoming/fixed/relance/lot-1.txt", "Hervé|06 98 76 54 32|D-17\nJoëlle|0698\n"
                .getBytes(WINDOWS_1252));

        JsonNode summary = summary("reports/fixed/relance/lot-1.txt.summary.json");
        assertCounts(summary, 2, 1, 0, Map.of("MALFORMED_ROW", 1L));
        assertEquals("|", summary.path("delimiter").asText());
        assertEquals(String.join("\r\n",
                "row|reason|message|column1|column2|column3",
                "2|MALFORMED_ROW|the row has 2 cells where the agreed format reads column 3|Joëlle|0698",
                ""), text("reports/fixed/relance/lot-1.txt.rejects.csv", WINDOWS_1252));
        Contact herve = contacts.get("fixed#relance", cloud.contactIds().of("fixed", "relance", "+33698765432")).orElseThrow();
        assertEquals("D-17", herve.attributes().get("dossier"));
    }

    @Test
    void aRepeatedS3EventChangesNothing() throws IOException {
        String key = "incoming/acme/redelivered/again.csv";
        String etag = upload(key, file("contacts-fr.csv"));
        String firstSummary = text("reports/acme/redelivered/again.csv.summary.json", StandardCharsets.UTF_8);
        Map<ContactStatus, Long> before = contacts.countByStatus("acme#redelivered");

        String event = EventFixtures.json("s3-object-created.json", "bucket", bucket,
                "key", URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/"),
                "etag", etag, "size", Integer.toString(file("contacts-fr.csv").length));
        cloud.function("ContactIngestFunction").invoke(event);
        cloud.function("ContactIngestFunction").invoke(event);

        assertEquals(before, contacts.countByStatus("acme#redelivered"));
        assertEquals(firstSummary, text("reports/acme/redelivered/again.csv.summary.json", StandardCharsets.UTF_8),
                "the same report, not one that calls every row a duplicate");
    }

    @Test
    void unreadableFilesAreRefusedInOneSentenceAndStoreNothing() throws IOException {
        upload("incoming/acme/winter/empty.csv", file("empty.csv"));
        upload("incoming/acme/winter/photo.csv", file("photo.png"));
        upload("incoming/acme/winter/no-phone.csv", "nom;prénom\nDurand;Hugo\n".getBytes(StandardCharsets.UTF_8));

        assertEquals("The file is empty.", summary("reports/acme/winter/empty.csv.summary.json").path("refusal").asText());
        assertEquals("The file is neither a text file (CSV) nor XLSX.",
                summary("reports/acme/winter/photo.csv.summary.json").path("refusal").asText());
        assertEquals("No phone column was found in the header (expected one of: téléphone, telephone, tel, phone, "
                + "mobile, portable).", summary("reports/acme/winter/no-phone.csv.summary.json").path("refusal").asText());
        for (String name : new String[]{"empty.csv", "photo.csv", "no-phone.csv"}) {
            assertThrows(NoSuchKeyException.class, () -> bytes("reports/acme/winter/" + name + ".rejects.csv"));
        }
    }

    @Test
    void aKeyOutsideTheClientsOwnCampaignsIsRefusedAndStoresNothing() throws IOException {
        upload("incoming/acme/globex-campaign/contacts.csv", file("contacts-fr.csv"));
        JsonNode foreign = summary("reports/acme/globex-campaign/contacts.csv.summary.json");
        assertEquals("REFUSED", foreign.path("status").asText());
        assertEquals("The key names a client or campaign that does not exist or do not belong together.",
                foreign.path("refusal").asText());
        assertTrue(contacts.countByStatus("acme#globex-campaign").isEmpty());
        assertTrue(contacts.countByStatus("globex#globex-campaign").isEmpty());

        upload("incoming/acme/spring/nested/contacts.csv", file("contacts-fr.csv"));
        JsonNode nested = summary("reports/acme/_refused/spring_nested_contacts.csv.summary.json");
        assertEquals("The key is not of the form incoming/{clientId}/{campaignId}/{file}.", nested.path("refusal").asText());
        assertFalse(cloud.s3().listObjectsV2(r -> r.bucket(bucket).prefix("reports/globex/")).hasContents());
    }

    @Test
    void anObjectWrittenWithoutAnUploadLinkIsNotReadAndRaisesTheAlarmOnceWhateverItsNotifications() throws IOException {
        long before = cloud.metrics().getOrDefault("UngrantedUploads (Function=contact-ingest)", 0L);
        Map<ContactStatus, Long> stored = contacts.countByStatus("acme#spring");
        String etag = cloud.s3().putObject(r -> r.bucket(bucket).key("incoming/acme/spring/slipped-in.csv"),
                RequestBody.fromBytes(file("contacts-fr.csv"))).eTag();
        cloud.drain();
        // S3 notifies at least once: the same event again raises no second alarm.
        cloud.function("ContactIngestFunction").invoke(EventFixtures.json("s3-object-created.json", "bucket", bucket,
                "key", "incoming/acme/spring/slipped-in.csv", "etag", etag.replace("\"", ""),
                "size", Integer.toString(file("contacts-fr.csv").length)));

        assertFalse(cloud.s3().listObjectsV2(r -> r.bucket(bucket).prefix("reports/acme/spring/slipped-in")).hasContents(),
                "nothing is written to the client the key names");
        var refusals = cloud.s3().listObjectsV2(r -> r.bucket(bucket).prefix(ContactIngestion.UNGRANTED_PREFIX)).contents();
        assertTrue(refusals.stream().anyMatch(o -> o.key().contains("slipped-in.csv")), "the operators are told");
        JsonNode refusal = JSON.readTree(bytes(refusals.stream().filter(o -> o.key().contains("slipped-in.csv"))
                .findFirst().orElseThrow().key()));
        assertEquals("UNGRANTED", refusal.path("status").asText());
        assertEquals(before + 1, cloud.metrics().get("UngrantedUploads (Function=contact-ingest)"));
        assertEquals(stored, contacts.countByStatus("acme#spring"), "no contact came from it");
    }

    @Test
    void theUserWhoUploadedAFileIsMailedItsCountsOnce() throws IOException {
        String key = "incoming/acme/mailed/contacts.csv";
        byte[] content = file("contacts-fr.csv");
        new DynamoUploads(cloud.dynamoDb(), cloud.physicalName("ContactsTable")).record(new Upload(key, "acme",
                "mailed", "contacts.csv", content.length, "user:marie@acme.example", cloud.clock().instant(),
                cloud.clock().instant().plusSeconds(900)));
        String etag = cloud.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(content)).eTag();
        cloud.drain();
        JsonNode summary = summary("reports/acme/mailed/contacts.csv.summary.json");

        var mails = cloud.ses().sent().stream().filter(m -> m.to().equals(java.util.List.of("marie@acme.example")))
                .toList();
        assertEquals(1, mails.size(), "one mail, to the person who asked for the upload link");
        var mail = mails.get(0);
        assertEquals("Fichier de contacts traité : contacts.csv", mail.subject());
        assertTrue(mail.text().contains(summary.path("accepted").asLong() + " contacts retenus"), mail.text());
        assertTrue(mail.html().startsWith("<p>Bonjour,</p>"), mail.html());

        // The same S3 event delivered again: the file is not ingested again, nor mailed about.
        cloud.function("ContactIngestFunction").invoke(EventFixtures.json("s3-object-created.json", "bucket", bucket,
                "key", key, "etag", etag.replace("\"", ""), "size", Integer.toString(content.length)));
        assertEquals(1, cloud.ses().sent().stream().filter(m -> m.to().equals(java.util.List.of("marie@acme.example")))
                .count());
    }
}
