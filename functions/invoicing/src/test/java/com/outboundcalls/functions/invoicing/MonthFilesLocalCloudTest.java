package com.outboundcalls.functions.invoicing;

import com.outboundcalls.aws.DynamoBillingDirectory;
import com.outboundcalls.aws.DynamoLatestRewrites;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.files.FileInParts;
import com.outboundcalls.files.ObjectSink;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.invoice.AccountingEntries;
import com.outboundcalls.invoice.FinanceExports;
import com.outboundcalls.invoice.InvoiceExports;
import com.outboundcalls.invoice.Payment;
import com.outboundcalls.invoice.Receivable;
import com.outboundcalls.lambda.EventFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The month's journal and accounting entries written in steps with the invoice run function's identity: pages read
 * from DynamoDB Local's indexes by cursor, parts uploaded to the S3 stand-in.
 */
class MonthFilesLocalCloudTest {

    private static final Instant RUN = Instant.parse("2026-11-01T05:00:00Z");
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static LocalCloud cloud;
    private static Wiring wiring;
    private static String bucket;

    @BeforeAll
    static void fiveClientsAreInvoicedForOctoberAndTwoPay() throws Exception {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(RUN)).start();
        DynamoBillingDirectory billing = new DynamoBillingDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"));
        billing.putProvider(FacturXTest.PROVIDER);
        for (int i = 1; i <= 5; i++) {
            billing.putAccount(InvoiceGeneratorLocalCloudTest.account("client-" + i, (40 + i) + ".00",
                    LocalDate.of(2026, 1, 1)));
        }
        cloud.function("InvoiceGeneratorFunction").invoke(EventFixtures.json("scheduled-first-of-month.json",
                "scheduledTime", RUN.toString()));
        cloud.drain();
        wiring = new Wiring(new FunctionRuntime(cloud.function("InvoiceRunFunction").environment(),
                Clock.fixed(RUN, ZoneOffset.UTC), d -> { }));
        bucket = cloud.physicalName("ContactBucket");
        List<Receivable> issued = wiring.invoiceStore().ofPeriod(OCTOBER);
        assertEquals(5, issued.size());
        wiring.invoiceStore().recordPayment(new Payment(issued.get(3).invoice().number(),
                issued.get(3).invoice().totalInclVat(), LocalDate.of(2026, 11, 18), "VIR-4"));
        wiring.invoiceStore().recordPayment(new Payment(issued.get(1).invoice().number(),
                new java.math.BigDecimal("10.00"), LocalDate.of(2026, 11, 9), "VIR-2"));
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    /** Rewrites the file to its end, {@code pageSize} documents a step; the file's bytes and the steps taken. */
    private static byte[] rewrite(FinanceExports.File file, YearMonth month, int pageSize, int[] steps) {
        Deque<FinanceExports.Step> queued = new ArrayDeque<>();
        FinanceExports files = new FinanceExports(wiring.invoiceStore(), wiring.objectSink(bucket),
                AccountingEntries.Accounts.parse(null), queued::add,
                new DynamoLatestRewrites(wiring.dynamoDb(), cloud.physicalName("InvoicesTable"), Clock.systemUTC()),
                pageSize, ObjectSink.MIN_PART_SIZE);
        if (file == FinanceExports.File.JOURNAL) {
            files.rewriteJournal(month, LocalDate.of(2026, 11, 20));
        } else {
            files.rewriteAccounting(month);
        }
        while (!queued.isEmpty()) {
            files.take(queued.poll());
            steps[0]++;
        }
        return cloud.s3().getObjectAsBytes(r -> r.bucket(bucket).key(FinanceExports.key(file, month))).asByteArray();
    }

    @Test
    void filesReadOneDocumentAStepByCursorAreTheFilesReadInOneStep() {
        int[] steps = {0};
        byte[] journalAtOnce = rewrite(FinanceExports.File.JOURNAL, OCTOBER, 500, steps);
        byte[] fecAtOnce = rewrite(FinanceExports.File.ACCOUNTING, NOVEMBER, 500, steps);
        assertEquals(2, steps[0]);

        steps[0] = 0;
        assertArrayEquals(journalAtOnce, rewrite(FinanceExports.File.JOURNAL, OCTOBER, 1, steps));
        // DynamoDB tells the last page by an empty one after it, when the last fills its limit.
        assertEquals(6, steps[0], "five invoices, one a step, then the empty page");
        steps[0] = 0;
        byte[] fec = rewrite(FinanceExports.File.ACCOUNTING, NOVEMBER, 1, steps);
        assertArrayEquals(fecAtOnce, fec);
        assertEquals(8, steps[0], "five invoices and two payments, one a step, then the empty page");
        List<String> numbers = new String(fec, java.nio.charset.StandardCharsets.UTF_8).lines().skip(1)
                .map(l -> l.split("\\|")[2]).distinct().toList();
        assertEquals(List.of("VE000001", "VE000002", "VE000003", "VE000004", "VE000005", "BQ000006", "BQ000007"),
                numbers, "invoices by number, then payments by day");
        assertTrue(new String(fec, java.nio.charset.StandardCharsets.UTF_8).contains("|20261109|"),
                "the payment of 9 November before that of the 18th");
        assertTrue(cloud.accessDenials().isEmpty(), "the function may do all of it: " + cloud.accessDenials());
    }

    private static List<String> pendingUploads() {
        return cloud.s3().listMultipartUploads(r -> r.bucket(bucket)).uploads().stream()
                .map(software.amazon.awssdk.services.s3.model.MultipartUpload::uploadId).toList();
    }

    @Test
    void aFileLargerThanAPartGoesUpInFiveMebibytePartsAndAppearsWholeOnlyAtTheEnd() {
        ObjectSink sink = wiring.objectSink(bucket);
        FileInParts file = new FileInParts(sink);
        String key = "exports/invoices/2026-10/large-test.txt";
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        FileInParts.Written written = FileInParts.Written.NOTHING;
        int step = 0;
        for (int mib : new int[] {3, 6, 3}) {
            byte[] lines = new byte[mib << 20];
            Arrays.fill(lines, (byte) ('a' + step));
            expected.writeBytes(lines);
            written = file.append(key, "text/plain", written, lines, "exports/parts/large-test/" + step++);
            assertFalse(cloud.s3().listObjectsV2(r -> r.bucket(bucket).prefix(key)).hasContents()
                    && cloud.s3().listObjectsV2(r -> r.bucket(bucket).prefix(key)).keyCount() > 0,
                    "nothing at the key before the last step");
        }
        assertEquals(2, written.tags().size(), "two full parts of 5 MiB, 2 MiB left for the last");
        file.finish(key, "text/plain", written);

        assertArrayEquals(expected.toByteArray(), cloud.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key))
                .asByteArray());
        // The last step taken again: the upload is gone (or, as S3 may answer a retried completion, completed
        // again with the same parts); the file stays the same.
        try {
            file.finish(key, "text/plain", written);
        } catch (ObjectSink.GoneException e) {
            // what the step reports as done before
        }
        assertArrayEquals(expected.toByteArray(), cloud.s3().getObjectAsBytes(r -> r.bucket(bucket).key(key))
                .asByteArray());

        // A rewrite abandoned halfway leaves the file as it was.
        FileInParts.Written abandoned = file.append(key, "text/plain", FileInParts.Written.NOTHING, new byte[6 << 20],
                "exports/parts/large-test/abandoned");
        assertTrue(pendingUploads().contains(abandoned.uploadId()));
        file.abandon(key, abandoned);
        assertFalse(pendingUploads().contains(abandoned.uploadId()), "its parts are gone");
        assertEquals(expected.size(), cloud.s3().headObject(r -> r.bucket(bucket).key(key)).contentLength());
        assertTrue(cloud.accessDenials().isEmpty(), "the function may do all of it: " + cloud.accessDenials());
    }
}
