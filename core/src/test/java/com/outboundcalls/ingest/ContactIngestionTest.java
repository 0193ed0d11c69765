package com.outboundcalls.ingest;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.phone.RejectReason;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContactIngestionTest {

    private final InMemoryPorts.Accounts accounts = new InMemoryPorts.Accounts().with(
            new Client("acme", "ACME", "FR", new Client.Tariff(3, Duration.ofHours(1)),
                    Client.AccountStatus.ACTIVE, null),
            new Campaign("acme", "spring", Campaign.Status.ACTIVE, null, null, 1));
    private final InMemoryPorts.Contacts contacts = new InMemoryPorts.Contacts();
    private final InMemoryPorts.Ledger ledger = new InMemoryPorts.Ledger();
    private final InMemoryPorts.Objects reports = new InMemoryPorts.Objects();
    private final InMemoryPorts.Oppositions oppositions = new InMemoryPorts.Oppositions();
    private final InMemoryPorts.Handovers handovers = new InMemoryPorts.Handovers();
    private final InMemoryPorts.Uploads uploads = new InMemoryPorts.Uploads();
    private final Clock clock = Clock.fixed(Instant.parse("2026-10-05T08:00:00Z"), ZoneOffset.UTC);
    private final ContactIngestion ingestion = ingestion(ContactIngestion.Limits.DEFAULT);

    private ContactIngestion ingestion(ContactIngestion.Limits limits) {
        return new ContactIngestion(accounts, contacts, oppositions, ledger, reports, handovers, uploads, clock, limits,
                InMemoryPorts.CONTACT_IDS);
    }

    /** A file uploaded through a link of the client space, then ingested. */
    private IngestSummary ingest(String key, String version, String csv) {
        uploads.grant(key, csv.length());
        return ingestion.ingest(new ContactIngestion.UploadedFile("bucket", key, null, version, csv.length()),
                () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aNumberAlreadyInTheCampaignFromAnotherFileIsADuplicate() {
        ingest("incoming/acme/spring/a.csv", "v1", "tel\n0612345678\n0612345679\n");
        IngestSummary second = ingest("incoming/acme/spring/b.csv", "v1", "tel\n+33612345678\n0612345670\n");
        assertEquals(1, second.accepted());
        assertEquals(1L, second.rejectedByReason().get(RejectReason.DUPLICATE));
        assertEquals(3, contacts.all().size());
        assertTrue(reports.text("reports/acme/spring/b.csv.rejects.csv").contains("2,DUPLICATE,"));
    }

    @Test
    void theSameFileVersionTwiceIsIngestedOnceAndANewVersionIsANewFile() {
        IngestSummary first = ingest("incoming/acme/spring/a.csv", "v1", "tel\n0612345678\n");
        IngestSummary again = ingest("incoming/acme/spring/a.csv", "v1", "tel\n0612345678\n");
        assertEquals(first, again);
        IngestSummary changed = ingest("incoming/acme/spring/a.csv", "v2", "tel\n0612345678\n0612345671\n");
        assertEquals(1, changed.accepted());
        assertEquals(1L, changed.rejectedByReason().get(RejectReason.DUPLICATE));
        assertEquals(2, contacts.all().size());
    }

    @Test
    void aResumedRunCountsTheRowsItHadAlreadyStoredAsAccepted() {
        // A first run stored the row, then died before its summary.
        contacts.addIfAbsent(new com.outboundcalls.contact.NewContact("acme", "spring",
                InMemoryPorts.CONTACT_IDS.of("acme", "spring", "+33612345678"), "+33612345678", "FR", "MOBILE", null, null, null,
                java.util.Map.of(), "bucket/incoming/acme/spring/a.csv#v1", Instant.EPOCH, 2, null));
        IngestSummary summary = ingest("incoming/acme/spring/a.csv", "v1", "tel\n0612345678\n");
        assertEquals(1, summary.accepted());
        assertEquals(0, summary.rejected());
    }

    @Test
    void aKeyOutsideTheLayoutOrNamingAnUnknownCampaignIsRefused() {
        IngestSummary outside = ingest("uploads/acme/spring/a.csv", "v1", "tel\n0612345678\n");
        assertEquals(IngestSummary.REFUSED, outside.status());
        IngestSummary unknown = ingest("incoming/acme/winter/a.csv", "v1", "tel\n0612345678\n");
        assertEquals(IngestSummary.REFUSED, unknown.status());
        assertTrue(contacts.all().isEmpty());
        assertTrue(reports.objects.keySet().stream().noneMatch(k -> k.startsWith("reports/acme/spring")));
    }

    @Test
    void anObjectWrittenWithoutAnUploadLinkIsNotReadAndOnlyOperatorsAreTold() {
        String csv = "tel\n0612345678\n";
        IngestSummary forged = ingestion.ingest(new ContactIngestion.UploadedFile("bucket", "incoming/acme/spring/x.csv",
                null, "v1", csv.length()), () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));

        assertEquals(IngestSummary.UNGRANTED, forged.status());
        assertTrue(contacts.all().isEmpty(), "nothing of it is stored");
        assertTrue(reports.objects.keySet().stream().noneMatch(k -> k.startsWith("reports/acme/")),
                "the client the key names is not written to");
        assertTrue(reports.objects.keySet().stream().anyMatch(k -> k.startsWith(ContactIngestion.UNGRANTED_PREFIX)));
    }

    @Test
    void anObjectOfAnotherSizeThanItsLinkWasGrantedForIsNotRead() {
        uploads.grant("incoming/acme/spring/y.csv", 5);
        String csv = "tel\n0612345678\n";
        IngestSummary other = ingestion.ingest(new ContactIngestion.UploadedFile("bucket", "incoming/acme/spring/y.csv",
                null, "v1", csv.length()), () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(IngestSummary.UNGRANTED, other.status());
        assertTrue(contacts.all().isEmpty());
    }

    @Test
    void aFileHandedOverEveryTwoRowsEndsExactlyAsInOneRun() {
        String csv = "tel;nom\n0612345678;A\n0612345679;B\nabc;C\n0612345678;D\n;\n0612345670;E\n0899123456;F\n";
        IngestSummary single = ingest("incoming/acme/spring/one.csv", "v1", csv);
        String singleRejects = reports.text("reports/acme/spring/one.csv.rejects.csv");

        InMemoryPorts.Contacts otherStore = new InMemoryPorts.Contacts();
        InMemoryPorts.Objects otherReports = new InMemoryPorts.Objects();
        accounts.campaigns.put("acme#summer", new Campaign("acme", "summer", Campaign.Status.ACTIVE, null, null, 1));
        ContactIngestion legs = new ContactIngestion(accounts, otherStore, oppositions, ledger, otherReports, handovers,
                uploads, clock, new ContactIngestion.Limits(1 << 20, 1000, 2, java.time.Duration.ZERO),
                InMemoryPorts.CONTACT_IDS);
        uploads.grant("incoming/acme/summer/one.csv", csv.length());
        ContactIngestion.UploadedFile file = new ContactIngestion.UploadedFile("bucket", "incoming/acme/summer/one.csv",
                null, "v1", csv.length());
        IngestSummary last = legs.ingest(file, 1, () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                () -> Long.MAX_VALUE);
        while (!handovers.asked.isEmpty()) {
            var next = handovers.asked.remove(0);
            last = legs.ingest(next.getKey(), next.getValue(),
                    () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), () -> Long.MAX_VALUE);
        }
        assertEquals(IngestSummary.PROCESSED, last.status());
        assertEquals(4, last.invocations());
        assertEquals(single.rowsRead(), last.rowsRead());
        assertEquals(single.accepted(), last.accepted());
        assertEquals(single.skipped(), last.skipped());
        assertEquals(single.rejectedByReason(), last.rejectedByReason());
        assertEquals(singleRejects, otherReports.text("reports/acme/summer/one.csv.rejects.csv"));
        assertTrue(otherReports.objects.keySet().stream().noneMatch(k -> k.contains(".part")));
        assertEquals(3, otherStore.all().size());
    }

    @Test
    void aRedeliveredHandoverOfALegAlreadyDoneDoesNothing() {
        String csv = "tel\n0612345678\n0612345679\n0612345670\n";
        ContactIngestion legs = ingestion(new ContactIngestion.Limits(1 << 20, 1000, 1, java.time.Duration.ZERO));
        ContactIngestion.UploadedFile file = new ContactIngestion.UploadedFile("bucket", "incoming/acme/spring/l.csv",
                null, "v1", csv.length());
        uploads.grant(file.key(), csv.length());
        legs.ingest(file, 1, () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), () -> Long.MAX_VALUE);
        legs.ingest(file, 2, () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), () -> Long.MAX_VALUE);
        IngestSummary again = legs.ingest(file, 2, () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)),
                () -> Long.MAX_VALUE);
        assertEquals(IngestSummary.IN_PROGRESS, again.status());
        assertEquals(2, handovers.asked.size(), "legs 2 and 3 asked for once each");
        assertEquals(2, contacts.all().size());
    }

    @Test
    void aLegThatCrashedBetweenItsCheckpointAndItsHandOverAsksForTheNextLegWhenRetried() {
        String csv = "tel\n0612345678\n0612345679\n0612345670\n";
        int[] sendsToFail = {1};
        IngestHandover flaky = (file, leg) -> {
            if (sendsToFail[0]-- > 0) {
                throw new IllegalStateException("SQS unavailable");
            }
            handovers.resumeLater(file, leg);
        };
        ContactIngestion legs = new ContactIngestion(accounts, contacts, oppositions, ledger, reports, flaky, uploads,
                clock, new ContactIngestion.Limits(1 << 20, 1000, 1, java.time.Duration.ZERO), InMemoryPorts.CONTACT_IDS);
        ContactIngestion.UploadedFile file = new ContactIngestion.UploadedFile("bucket", "incoming/acme/spring/c.csv",
                null, "v1", csv.length());
        uploads.grant(file.key(), csv.length());
        java.util.function.Supplier<java.io.InputStream> content =
                () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));

        // Leg 1 stores a row, writes its checkpoint, and fails to ask for leg 2: the invocation fails.
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> legs.ingest(file, 1, content, () -> Long.MAX_VALUE));
        assertEquals(1, ledger.checkpoints.get(file.fileId()).leg());
        assertEquals(List.of(), handovers.asked);
        // Its retry (the S3 event again) finds its own checkpoint not handed over, and asks now.
        legs.ingest(file, 1, content, () -> Long.MAX_VALUE);
        assertEquals(List.of(Map.entry(file, 2)), handovers.asked);
        // The legs go on, each as it is asked for, to the end: every row stored, the file processed.
        IngestSummary last = null;
        for (int i = 0; i < handovers.asked.size() && i < 10; i++) {
            last = legs.ingest(file, handovers.asked.get(i).getValue(), content, () -> Long.MAX_VALUE);
        }
        assertEquals(IngestSummary.PROCESSED, last.status());
        assertEquals(3, last.accepted());
        assertEquals(3, contacts.all().size());
        // A second retry of leg 1, now handed over, asks for nothing more.
        int asked = handovers.asked.size();
        legs.ingest(file, 1, content, () -> Long.MAX_VALUE);
        assertEquals(asked, handovers.asked.size());
        assertEquals(handovers.asked.stream().map(Map.Entry::getValue).distinct().count(), asked,
                "each leg asked for once: " + handovers.asked);
    }

    private void markCallColumns(String... columns) {
        Client acme = accounts.clients.get("acme");
        accounts.clients.put("acme", acme.withCalleeData(new com.outboundcalls.account.CalleeDataTerms(
                java.util.Set.of(columns), null)));
    }

    @Test
    void aLenientFileKeepsOnlyTheColumnsTheClientMarkedForTheCallAndNamesTheOthers() {
        markCallColumns("Date RDV");
        IngestSummary summary = ingest("incoming/acme/spring/extra.csv", "v1",
                "tel;nom;date_rdv;date de naissance;note\n0612345678;Durand;2026-12-03;1970-01-01;client difficile\n");
        assertEquals(1, summary.accepted());
        com.outboundcalls.contact.Contact durand = contacts.get("acme#spring",
                InMemoryPorts.CONTACT_IDS.of("acme", "spring", "+33612345678")).orElseThrow();
        assertEquals(Map.of("date_rdv", "2026-12-03"), durand.attributes(), "only the marked column is kept");
        assertEquals(List.of("date de naissance", "note"), summary.columnsLeftOut());
    }

    @Test
    void anAgreedFormatKeepsItsOwnAttributesWhateverIsMarked() {
        Client acme = accounts.clients.get("acme");
        accounts.clients.put("acme", acme.withContactFileFormat(new com.outboundcalls.account.ContactFileFormat(
                ';', null, true, "tel", null, null, null, null, null, Map.of("note", "note"))));
        IngestSummary summary = ingest("incoming/acme/spring/agreed.csv", "v1", "tel;note\n0612345678;rappeler\n");
        assertEquals(1, summary.accepted());
        assertEquals(Map.of("note", "rappeler"), contacts.get("acme#spring",
                InMemoryPorts.CONTACT_IDS.of("acme", "spring", "+33612345678")).orElseThrow().attributes());
        assertEquals(null, summary.columnsLeftOut());
    }

    @Test
    void aRowWhoseColumnsWouldNotFitOnItsCallsIsRejectedWhenTheFileIsRead() {
        markCallColumns("note");
        IngestSummary summary = ingest("incoming/acme/spring/big.csv", "v1",
                "tel;note\n0612345678;" + "x".repeat(9_000) + "\n0612345679;court\n");
        assertEquals(1, summary.accepted());
        assertEquals(1L, summary.rejectedByReason().get(RejectReason.MALFORMED_ROW));
        String rejects = reports.text("reports/acme/spring/big.csv.rejects.csv");
        assertTrue(rejects.contains("2;MALFORMED_ROW;the row's extra columns take 9006 bytes, and a call carries at most "
                + "8192 for them;"), rejects.substring(0, 200));
    }

    @Test
    void aHeaderWiderThanTheColumnLimitRefusesTheFileWithItsReasonAndStoresNothing() {
        // 9,002 columns, about 260 KB of header: the file an upload once failed on, three times, with no report.
        StringBuilder header = new StringBuilder("tel");
        for (int i = 1; i <= 9_001; i++) {
            header.append(";colonne_").append(i).append("_abcdefghijklm");
        }
        IngestSummary summary = ingest("incoming/acme/spring/wide.csv", "v1", header + "\n0612345678\n");
        assertEquals(IngestSummary.REFUSED, summary.status());
        assertTrue(summary.refusal().contains("The header line cannot be read: the row has more than 500 columns"),
                summary.refusal());
        assertEquals(List.of(), contacts.all());
        assertTrue(reports.text("reports/acme/spring/wide.csv.summary.json").contains("REFUSED"));
    }

    @Test
    void aHeaderLongerThanTheSniffedStartIsReadWhole() {
        // 40 columns of 2,000-character names: 80,000 characters before the first newline, under every limit.
        StringBuilder header = new StringBuilder("tel");
        for (int i = 1; i < 40; i++) {
            header.append(';').append(String.valueOf((char) ('a' + i % 26)).repeat(2_000)).append(i);
        }
        String row = "0612345678" + ";x".repeat(39);
        IngestSummary summary = ingest("incoming/acme/spring/long-header.csv", "v1", header + "\n" + row + "\n");
        assertEquals(IngestSummary.PROCESSED, summary.status(), String.valueOf(summary.refusal()));
        assertEquals(1, summary.accepted());
    }

    @Test
    void aRowOfMillionsOfCellsIsRejectedWithoutKeepingThemAndTheNextRowsAreRead() {
        String huge = "0612345678" + ",".repeat(3_000_000);
        IngestSummary summary = ingest("incoming/acme/spring/cells.csv", "v1", "tel\n" + huge + "\n0612345679\n");
        assertEquals(IngestSummary.PROCESSED, summary.status());
        assertEquals(1, summary.accepted());
        assertEquals(1L, summary.rejectedByReason().get(RejectReason.MALFORMED_ROW));
        String rejects = reports.text("reports/acme/spring/cells.csv.rejects.csv");
        assertTrue(rejects.contains("2,MALFORMED_ROW,the row is longer than 1048576 characters")
                || rejects.contains("2,MALFORMED_ROW,the row has more than 500 columns"), rejects.substring(0, 120));
    }

    @Test
    void theColumnAndCellLimitsAreTheConfiguredOnes() {
        ContactIngestion narrow = ingestion(new ContactIngestion.Limits(1 << 20, 1000, 0, java.time.Duration.ZERO,
                new CsvRows.Bounds(3, 64, 1_000)));
        String csv = "tel;a;b\n0612345678;x;y\n0612345679;x;y;z\n0612345670;" + "w".repeat(65) + ";y\n";
        uploads.grant("incoming/acme/spring/narrow.csv", csv.length());
        IngestSummary summary = narrow.ingest(new ContactIngestion.UploadedFile("bucket", "incoming/acme/spring/narrow.csv",
                null, "v1", csv.length()), () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        assertEquals(1, summary.accepted());
        assertEquals(2L, summary.rejectedByReason().get(RejectReason.MALFORMED_ROW));
        String rejects = reports.text("reports/acme/spring/narrow.csv.rejects.csv");
        assertTrue(rejects.contains("3;MALFORMED_ROW;the row has more than 3 columns"), rejects);
        assertTrue(rejects.contains("4;MALFORMED_ROW;cell 2 is longer than 64 characters"), rejects);
    }
}
