package com.outboundcalls.invoice;

import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.testing.InMemoryBilling;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The month's journal and accounting entries written in steps of two documents, with parts of 256 bytes: the same
 * files as written at once, whatever the deliveries.
 */
class FinanceExportsTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final LocalDate FIRST_OF_NOVEMBER = LocalDate.of(2026, 11, 1);
    private static final int PART = 256;

    private final InMemoryBilling.Directory billing = new InMemoryBilling.Directory();
    private final InMemoryBilling.Invoices invoices = new InMemoryBilling.Invoices();
    private final InMemoryPorts.Objects exports = new InMemoryPorts.Objects();
    private final Deque<FinanceExports.Step> queued = new ArrayDeque<>();
    private final FinanceExports files = new FinanceExports(invoices, exports, AccountingEntries.Accounts.parse(null),
            queued::add, com.outboundcalls.files.LatestRewrites.inMemory(), 2, PART);

    @BeforeEach
    void sevenClientsOfWhichTwoUnderReverseChargeAreInvoicedForOctoberOnTheFirstOfNovember() {
        exports.minPartSize = PART;
        for (int i = 1; i <= 7; i++) {
            LegalEntity identity = i <= 2
                    ? new LegalEntity("Bruxelles " + i + " SA", "Rue Royale " + i, "1000", "Bruxelles", "BE", null,
                            "BE040317070" + i)
                    : InMemoryBilling.client("Client " + i + " SAS");
            billing.with(new BillingAccount("c" + i, new BillingAccount.Plan("Essentiel", new BigDecimal(100 + i)),
                    null, null, null, LocalDate.of(2026, 1, 1), null, identity, 30));
        }
        new InvoiceRun(billing, new InMemoryPorts.RatedCalls(), invoices, InvoiceDocuments.NONE,
                new InMemoryPorts.Objects(), InvoiceCalculatorTest.RATES).run(Instant.parse("2026-11-01T05:00:00Z"));
        List<Receivable> issued = invoices.ofPeriod(OCTOBER);
        assertEquals(7, issued.size());
        invoices.recordPayment(new Payment(issued.get(2).invoice().number(), issued.get(2).invoice().totalInclVat(),
                LocalDate.of(2026, 11, 20), "VIR-3"));
        invoices.recordPayment(new Payment(issued.get(0).invoice().number(), new BigDecimal("50.00"),
                LocalDate.of(2026, 11, 12), "VIR-1"));
    }

    /** Takes the queued steps in order until none is left; their outcomes. */
    private List<FinanceExports.Outcome> takeAll() {
        List<FinanceExports.Outcome> outcomes = new java.util.ArrayList<>();
        while (!queued.isEmpty()) {
            outcomes.add(files.take(queued.poll()));
        }
        return outcomes;
    }

    private byte[] fecAtOnce(YearMonth month) {
        List<Invoice> documents = invoices.all().stream().filter(i -> YearMonth.from(i.issueDate()).equals(month))
                .toList();
        List<AccountingEntries.PaymentOf> payments = invoices.paymentsReceivedIn(month).stream()
                .map(p -> new AccountingEntries.PaymentOf(p, invoices.receivable(p.invoiceNumber()).orElseThrow()
                        .invoice())).toList();
        return AccountingEntries.fec(documents, payments, AccountingEntries.Accounts.parse(null));
    }

    @Test
    void theJournalWrittenTwoDocumentsAStepIsTheJournalWrittenAtOnceWithItsDeclaration() {
        files.rewriteJournal(OCTOBER, LocalDate.of(2026, 11, 25));
        List<FinanceExports.Outcome> outcomes = takeAll();

        assertEquals(4, outcomes.size(), "seven documents, two a step");
        assertEquals(FinanceExports.Outcome.FINISHED, outcomes.get(3));
        assertArrayEquals(FinanceJournal.csv(invoices.ofPeriod(OCTOBER), LocalDate.of(2026, 11, 25)),
                exports.objects.get(InvoiceExports.journalKey(OCTOBER)));
        assertTrue(exports.text(InvoiceExports.journalKey(OCTOBER)).contains(";PAID;"), "the paid invoice's status");
        assertArrayEquals(EuropeanServicesDeclaration.csv(invoices.ofPeriod(OCTOBER)),
                exports.objects.get(InvoiceExports.desKey(OCTOBER)));
        assertTrue(exports.uploads.isEmpty(), "the upload is completed");
    }

    @Test
    void theAccountingEntriesWrittenInStepsAreNumberedOnFromStepToStepAsIfWrittenAtOnce() {
        files.rewriteAccounting(NOVEMBER);
        List<FinanceExports.Outcome> outcomes = takeAll();

        assertEquals(5, outcomes.size(), "seven invoices and two payments, two a step");
        byte[] written = exports.objects.get(InvoiceExports.fecKey(NOVEMBER));
        assertArrayEquals(fecAtOnce(NOVEMBER), written);
        assertTrue(written.length > 2 * PART, "the file went up in parts");
        List<String> numbers = new String(written, java.nio.charset.StandardCharsets.UTF_8).lines().skip(1)
                .map(l -> l.split("\\|")[2]).distinct().toList();
        assertEquals(List.of("VE000001", "VE000002", "VE000003", "VE000004", "VE000005", "VE000006", "VE000007",
                "BQ000008", "BQ000009"), numbers);
    }

    @Test
    void aRewriteStartedWhileAnotherIsUnderWayStopsTheOlderOneAndItsPartsAreAbandoned() {
        files.rewriteJournal(OCTOBER, FIRST_OF_NOVEMBER);
        files.take(queued.poll());
        files.take(queued.poll());
        FinanceExports.Step older = queued.poll();
        assertFalse(older.written().tags().isEmpty(), "the older rewrite has a part uploaded");

        // A payment changes a status: the journal is rewritten again, from the start.
        Receivable second = invoices.ofPeriod(OCTOBER).get(1);
        invoices.recordPayment(new Payment(second.invoice().number(), second.invoice().totalInclVat(),
                LocalDate.of(2026, 11, 26), "VIR-2"));
        files.rewriteJournal(OCTOBER, LocalDate.of(2026, 11, 26));

        assertEquals(FinanceExports.Outcome.SUPERSEDED, files.take(older));
        assertTrue(exports.uploads.isEmpty(), "the older rewrite's upload is abandoned");
        takeAll();
        assertArrayEquals(FinanceJournal.csv(invoices.ofPeriod(OCTOBER), LocalDate.of(2026, 11, 26)),
                exports.objects.get(InvoiceExports.journalKey(OCTOBER)));
    }

    @Test
    void everyStepDeliveredTwiceLeavesTheSameFileAndNoUploadBehind() {
        files.rewriteAccounting(NOVEMBER);
        List<FinanceExports.Outcome> outcomes = new java.util.ArrayList<>();
        while (!queued.isEmpty()) {
            FinanceExports.Step step = queued.poll();
            outcomes.add(files.take(step));
            outcomes.add(files.take(step));
        }

        assertArrayEquals(fecAtOnce(NOVEMBER), exports.objects.get(InvoiceExports.fecKey(NOVEMBER)));
        Map<FinanceExports.Outcome, Long> counts = outcomes.stream().collect(Collectors.groupingBy(o -> o,
                Collectors.counting()));
        // A step delivered again after it handed the next on finds the tail it read gone: it changes nothing. The
        // step that started the upload, delivered twice, started two: the second, which no step goes on with, is
        // left to the bucket's rule for uploads never finished.
        assertEquals(1L, counts.get(FinanceExports.Outcome.FINISHED));
        assertTrue(counts.get(FinanceExports.Outcome.DONE_BEFORE) >= 4);
        assertTrue(exports.uploads.size() <= 1, exports.uploads.keySet().toString());
        assertFalse(counts.containsKey(FinanceExports.Outcome.SUPERSEDED));
    }

    @Test
    void aStepHoldsAtMostAPartAndItsPageWhateverTheFilesSize() {
        files.rewriteAccounting(NOVEMBER);
        int largestTail = 0;
        while (!queued.isEmpty()) {
            FinanceExports.Step step = queued.poll();
            if (step.written().tailKey() != null) {
                largestTail = Math.max(largestTail, exports.objects.get(step.written().tailKey()).length);
            }
            files.take(step);
        }
        assertTrue(largestTail < PART, "what waits for the next step never fills a part: " + largestTail);
        assertTrue(exports.objects.get(InvoiceExports.fecKey(NOVEMBER)).length > 4 * PART);
    }
}
