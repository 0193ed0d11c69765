package com.outboundcalls.ingest;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A corpus of hostile contact files, each ingested end to end: every one gets its summary report, which either
 * accounts for every row read (accepted + rejected + skipped = read) or says in one sentence why the file was
 * refused. None is silent, none throws.
 */
class HostileFilesTest {

    static Stream<Arguments> corpus() {
        StringBuilder wide = new StringBuilder("tel");
        for (int i = 0; i < 9_001; i++) {
            wide.append(";c").append(i);
        }
        return Stream.of(
                Arguments.of("wide header", bytes(wide + "\n0612345678\n")),
                Arguments.of("huge cell", bytes("tel;note\n0612345678;" + "x".repeat(8 << 20) + "\n0612345679;ok\n")),
                Arguments.of("unterminated quote", bytes("tel;nom\n0612345678;\"Dupont\n0612345679;Martin\n")),
                Arguments.of("UTF-16", "tel\n0612345678\n".getBytes(StandardCharsets.UTF_16)),
                Arguments.of("NUL bytes", bytes("tel\n06123\u000045678\n0612345679\n")),
                Arguments.of("binary", random(200_000)),
                Arguments.of("zip bomb", zipBomb()),
                Arguments.of("empty", new byte[0]),
                Arguments.of("header only", bytes("tel;nom\n")),
                Arguments.of("millions of cells", bytes("tel\n0612345678" + ",".repeat(3_000_000) + "\n0612345679\n")),
                Arguments.of("no newline at all", bytes("0612345678;" + "y".repeat(200_000))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void aHostileFileGetsAReportThatAccountsForEveryRowOrSaysWhyItWasRefused(String name, byte[] content) {
        InMemoryPorts.Objects reports = new InMemoryPorts.Objects();
        InMemoryPorts.Uploads uploads = new InMemoryPorts.Uploads();
        ContactIngestion ingestion = new ContactIngestion(new InMemoryPorts.Accounts().with(
                new Client("acme", "ACME", "FR", new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE,
                        null),
                new Campaign("acme", "spring", Campaign.Status.ACTIVE, null, null, 1)),
                new InMemoryPorts.Contacts(), new InMemoryPorts.Oppositions(), new InMemoryPorts.Ledger(), reports,
                new InMemoryPorts.Handovers(), uploads, Clock.fixed(Instant.parse("2026-10-05T08:00:00Z"), ZoneOffset.UTC),
                ContactIngestion.Limits.DEFAULT, InMemoryPorts.CONTACT_IDS);
        String key = "incoming/acme/spring/hostile.csv";
        uploads.grant(key, content.length);

        IngestSummary summary = ingestion.ingest(new ContactIngestion.UploadedFile("bucket", key, null, "v1",
                content.length), () -> new ByteArrayInputStream(content));

        assertTrue(reports.objects.containsKey("reports/acme/spring/hostile.csv.summary.json"), name + ": a report");
        if (IngestSummary.REFUSED.equals(summary.status())) {
            assertFalse(summary.refusal() == null || summary.refusal().isBlank(), name + ": says why");
        } else {
            assertEquals(IngestSummary.PROCESSED, summary.status(), name);
            assertEquals(summary.rowsRead(), summary.accepted() + summary.rejected() + summary.skipped(),
                    name + ": every row read is accounted for: " + summary);
            long byReason = summary.rejectedByReason().values().stream().mapToLong(Long::longValue).sum();
            assertEquals(summary.rejected(), byReason, name + ": each rejection has its reason");
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(7).nextBytes(b);
        return b;
    }

    private static byte[] zipBomb() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(bytes("<workbook/>"));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write(new byte[64 << 20]);
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
