package com.outboundcalls.ingest;

import com.outboundcalls.account.Client;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OppositionImportTest {

    private final InMemoryPorts.Accounts accounts = new InMemoryPorts.Accounts().with(new Client("acme", "ACME", "FR",
            new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE, null));
    private final InMemoryPorts.Oppositions oppositions = new InMemoryPorts.Oppositions();
    private final InMemoryPorts.Objects reports = new InMemoryPorts.Objects();
    private final InMemoryPorts.Ledger ledger = new InMemoryPorts.Ledger();
    private final InMemoryPorts.Handovers handovers = new InMemoryPorts.Handovers();
    private final Clock clock = Clock.fixed(Instant.parse("2026-10-05T08:00:00Z"), ZoneOffset.UTC);

    private static final String CSV = "telephone\n0612000001\n0612000002\n0612000003\n0612000004\n0612000005\n";

    private OppositionImport importer(long maxRows, long rowsPerInvocation, IngestHandover handover) {
        return new OppositionImport(accounts, oppositions, reports, ledger, handover,
                new ContactIngestion.Limits(1 << 20, maxRows, rowsPerInvocation, Duration.ZERO), clock);
    }

    private static ContactIngestion.UploadedFile file(String csv) {
        return new ContactIngestion.UploadedFile("bucket", "config/opposition/acme/stop.csv", null, "v1", csv.length());
    }

    private static Supplier<InputStream> content(String csv) {
        return () -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8));
    }

    private long listed() {
        long n = 0;
        for (int i = 1; i <= 5; i++) {
            n += oppositions.isOpposed("acme", "+3361200000" + i) ? 1 : 0;
        }
        return n;
    }

    @Test
    void aFileHandedOverEveryTwoRowsListsEveryNumberAndSaysInProgressUntilItsLastLeg() {
        OppositionImport legs = importer(1000, 2, handovers);
        OppositionImport.Summary first = legs.importFile(file(CSV), content(CSV), () -> Long.MAX_VALUE);
        assertEquals(IngestSummary.IN_PROGRESS, first.status());
        assertTrue(reports.text("reports/acme/opposition/stop.csv.summary.json").contains("IN_PROGRESS"),
                "the report says the file is not done yet");
        OppositionImport.Summary last = first;
        for (int i = 0; i < handovers.asked.size() && i < 10; i++) {
            last = legs.importFile(file(CSV), handovers.asked.get(i).getValue(), content(CSV), () -> Long.MAX_VALUE);
        }
        assertEquals(IngestSummary.PROCESSED, last.status());
        assertEquals(5, last.listed());
        assertEquals(5, last.rowsRead());
        assertEquals(5, listed());
        assertEquals(3, last.invocations());
    }

    @Test
    void aFilePastTheRowLimitSaysWhereItWasCut() {
        OppositionImport.Summary summary = importer(3, 0, handovers).importFile(file(CSV), content(CSV), () -> Long.MAX_VALUE);
        assertEquals(IngestSummary.PROCESSED, summary.status());
        assertEquals(3, summary.listed());
        assertTrue(summary.limit().contains("only the first 3 rows were read"), summary.limit());
        assertTrue(reports.text("reports/acme/opposition/stop.csv.summary.json").contains("only the first 3 rows"));
    }

    @Test
    void aFileAboveTheSizeLimitIsRefusedWithNothingListed() {
        OppositionImport small = new OppositionImport(accounts, oppositions, reports, ledger, handovers,
                new ContactIngestion.Limits(10, 1000, 0, Duration.ZERO), clock);
        OppositionImport.Summary summary = small.importFile(file(CSV), content(CSV), () -> Long.MAX_VALUE);
        assertEquals(IngestSummary.REFUSED, summary.status());
        assertEquals(0, listed());
    }

    @Test
    void aLegThatCrashedBeforeItsHandOverAsksForTheNextOneWhenRetried() {
        int[] failures = {1};
        IngestHandover flaky = (f, leg) -> {
            if (failures[0]-- > 0) {
                throw new IllegalStateException("SQS unavailable");
            }
            handovers.resumeLater(f, leg);
        };
        OppositionImport legs = importer(1000, 2, flaky);
        assertThrows(IllegalStateException.class, () -> legs.importFile(file(CSV), content(CSV), () -> Long.MAX_VALUE));
        legs.importFile(file(CSV), content(CSV), () -> Long.MAX_VALUE);
        assertEquals(1, handovers.asked.size());
        OppositionImport.Summary last = null;
        for (int i = 0; i < handovers.asked.size() && i < 10; i++) {
            last = legs.importFile(file(CSV), handovers.asked.get(i).getValue(), content(CSV), () -> Long.MAX_VALUE);
        }
        assertEquals(IngestSummary.PROCESSED, last.status());
        assertEquals(5, listed(), "no number left out");
        assertEquals(Map.of(), last.rejectedByReason());
    }

    @Test
    void aStoredSummaryReadsBackAsTheSummaryThatWasWritten() {
        OppositionImport.Summary summary = new OppositionImport.Summary("list.csv", "c1", IngestSummary.PROCESSED, null,
                4, 2, 1, 1, Map.of(com.outboundcalls.phone.RejectReason.NOT_A_NUMBER, 1L), "row 4", 2);

        assertEquals(summary, OppositionImport.readSummary(OppositionImport.write(summary)));
    }

    @Test
    void aFileImportedAlreadyIsAnsweredWithItsStoredSummaryAndListsNothingMore() {
        OppositionImport importer = importer(1000, 0, handovers);
        OppositionImport.Summary first = importer.importFile(file(CSV), content(CSV), () -> Long.MAX_VALUE);
        long listedOnce = listed();

        OppositionImport.Summary again = importer.importFile(file(CSV), () -> {
            throw new AssertionError("a file imported already is not read again");
        }, () -> Long.MAX_VALUE);

        assertEquals(first, again);
        assertEquals(listedOnce, listed());
    }
}
