package com.outboundcalls.invoice;

import com.outboundcalls.account.Client;
import com.outboundcalls.mail.Mail;
import com.outboundcalls.testing.InMemoryBilling;
import com.outboundcalls.testing.InMemoryPorts;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

import com.outboundcalls.mail.Mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Payments, disputes, credit notes and the daily dunning, over an invoice of 154.68 EUR due 1 December 2026. */
class FinanceDeskTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final LocalDate ISSUED = LocalDate.of(2026, 11, 1);
    private static final LocalDate DUE = LocalDate.of(2026, 12, 1);
    private static final int GRACE_DAYS = 15;
    /** Rates through H1 2027 so late days in December and January all count. */
    private static final LegalInterestRates RATES =
            LegalInterestRates.parse("2026-H1=2.62,2026-H2=3.00,2027-H1=3.50");

    private final InMemoryBilling.Directory billing = new InMemoryBilling.Directory();
    private final InMemoryBilling.Invoices invoices = new InMemoryBilling.Invoices();
    private final InMemoryPorts.Objects exports = new InMemoryPorts.Objects();
    private final InvoicePublisher publisher = new InvoicePublisher(invoices, InvoiceDocuments.NONE, exports);
    private final Dunning dunning = new Dunning(invoices, billing, RATES, GRACE_DAYS, publisher);
    private final FinanceDesk desk = new FinanceDesk(invoices, publisher, dunning, RATES);
    private Invoice invoice;

    @BeforeEach
    void anOctoberInvoiceWithoutCalls() {
        billing.with(InvoiceCalculatorTest.account(LocalDate.of(2026, 1, 1)));
        new InvoiceRun(billing, new InMemoryPorts.RatedCalls(), invoices, InvoiceDocuments.NONE, exports, RATES)
                .run(Instant.parse("2026-11-01T05:00:00Z"));
        invoice = invoices.find("c1", OCTOBER).orElseThrow();
        assertEquals(new BigDecimal("154.68"), invoice.totalInclVat());
        assertEquals(DUE, invoice.dueDate());
    }

    @Test
    void penaltiesAccrueDailyAfterTheDueDateAndTheAccountIsSuspendedAfterTheGracePeriod() {
        Dunning.Result onDueDate = dunning.run(DUE);
        assertEquals(0, onDueDate.overdue());

        Dunning.Result tenDaysLate = dunning.run(LocalDate.of(2026, 12, 11));
        assertEquals(1, tenDaysLate.overdue());
        LatePenalty penalty = invoices.receivable(invoice.number()).orElseThrow().penalty();
        // 154.68 x 10 days x 9.00 % / 36500 = 0.3814 -> 0.38, plus 40 EUR.
        assertEquals(10, penalty.daysLate());
        assertEquals(new BigDecimal("0.38"), penalty.interest());
        assertEquals(new BigDecimal("40.38"), penalty.total());
        assertEquals(Client.AccountStatus.ACTIVE, billing.statuses.get("c1"));

        Dunning.Result pastGrace = dunning.run(DUE.plusDays(GRACE_DAYS + 1));
        assertEquals(List.of("c1"), pastGrace.suspended());
        assertEquals(Client.AccountStatus.SUSPENDED, billing.statuses.get("c1"));
        assertEquals("unpaid invoice 2026-000001", billing.suspendedFor.get("c1"));
        // Running the same day again changes nothing more.
        assertEquals(List.of(), dunning.run(DUE.plusDays(GRACE_DAYS + 1)).suspended());
    }

    @Test
    void theDaysDunningLeavesInvoicesStillWithinTheirTermsAndTheirJournalAsTheyAre() {
        String journalKey = InvoiceExports.journalKey(OCTOBER);
        exports.objects.remove(journalKey);
        Dunning.Result withinTerms = dunning.run(DUE.minusDays(3));
        assertEquals(0, withinTerms.overdue());
        assertTrue(!exports.objects.containsKey(journalKey), "nothing of October changed: its journal is not rewritten");
        assertEquals(null, invoices.receivable(invoice.number()).orElseThrow().penalty(), "no penalty recorded");

        // The day after its due date it is overdue: it is read, accrues its penalty, and its journal says so.
        Dunning.Result dayAfter = dunning.run(DUE.plusDays(1));
        assertEquals(1, dayAfter.overdue());
        assertEquals(1, invoices.receivable(invoice.number()).orElseThrow().penalty().daysLate());
        assertTrue(exports.text(journalKey).contains("OVERDUE"), exports.text(journalKey));
    }

    @Test
    void theSubAccountsInvoicedOnAnUnpaidInvoiceAreSuspendedWithItsAccountAndLiftedWithIt() {
        billing.withSection("c1", "c1-outbound");
        LocalDate late = DUE.plusDays(GRACE_DAYS + 1);

        Dunning.Result pastGrace = dunning.run(late);

        assertEquals(List.of("c1", "c1-outbound"), pastGrace.suspended());
        assertEquals(Client.AccountStatus.SUSPENDED, billing.statuses.get("c1-outbound"));
        assertEquals("unpaid invoice 2026-000001 of c1, on which it is invoiced", billing.suspendedFor.get("c1-outbound"));
        assertEquals(List.of(), dunning.run(late.plusDays(1)).lifted(), "nothing lifted while the invoice is unpaid");

        desk.pay(new Payment(invoice.number(), new BigDecimal("154.68"), late.plusDays(2), "VIR-9"), late.plusDays(2));
        assertEquals(Client.AccountStatus.ACTIVE, billing.statuses.get("c1"), "the account at once");
        assertEquals(List.of("c1-outbound"), dunning.run(late.plusDays(3)).lifted(), "its sub-account the next morning");
        assertEquals(Client.AccountStatus.ACTIVE, billing.statuses.get("c1-outbound"));
    }

    @Test
    void anOverdueInvoiceWithinTheGracePeriodWarnsOfTheDayItsAccountIsSuspended() {
        assertEquals(List.of(), dunning.run(DUE).warnings(), "not overdue on its due date");
        Dunning.Result late = dunning.run(DUE.plusDays(1));
        assertEquals(1, late.warnings().size());
        Dunning.Warning warning = late.warnings().get(0);
        assertEquals(invoice.number(), warning.invoice().number());
        assertEquals(new BigDecimal("154.68"), warning.outstanding());
        // Suspended the first day past the grace period: the warning names that day.
        assertEquals(DUE.plusDays(GRACE_DAYS + 1), warning.suspendsOn());
        assertEquals(List.of("c1"), dunning.run(warning.suspendsOn()).suspended());
        assertEquals(List.of(), dunning.run(warning.suspendsOn()).warnings(), "suspended: nothing left to warn of");

        Mail mail = InvoiceNotices.suspensionWarning(warning, "compta@c1.example");
        assertEquals("suspension-warning#" + invoice.number(), mail.id(), "one mail per invoice, whatever the days");
        assertEquals(List.of("compta@c1.example"), mail.to());
        assertTrue(mail.text().contains("reste due : 154.68 EUR TTC"), mail.text());
        assertTrue(mail.text().contains("le compte sera suspendu le 17 décembre 2026"), mail.text());
    }

    @Test
    void aDisputedInvoiceWarnsOfNothingAndItsDisputeIsAcknowledgedOncePerFiling() {
        desk.dispute(invoice.number(), "minutes <contestées>", ISSUED.plusDays(3));
        assertEquals(List.of(), dunning.run(DUE.plusDays(2)).warnings());
        Receivable disputed = invoices.receivable(invoice.number()).orElseThrow();
        Mail mail = InvoiceNotices.disputeAcknowledged(disputed.invoice(), disputed.dispute(), "compta@c1.example");
        assertEquals("dispute-acknowledged#" + invoice.number() + "#2026-11-04", mail.id());
        assertTrue(mail.text().contains("le 4 novembre 2026, la contestation de la facture " + invoice.number()),
                mail.text());
        assertTrue(mail.text().contains("Motif enregistré : minutes <contestées>"));
        assertTrue(mail.html().contains("minutes &lt;contestées&gt;"), "the client's words are escaped: " + mail.html());
    }

    @Test
    void paymentOfWhatIsDueLiftsTheSuspensionAndFixesThePenaltyAtThePaymentDate() {
        LocalDate late = DUE.plusDays(GRACE_DAYS + 5);
        dunning.run(late);
        assertEquals(Client.AccountStatus.SUSPENDED, billing.statuses.get("c1"));

        Payment.Outcome partial = desk.pay(new Payment(invoice.number(), new BigDecimal("100.00"), late, "VIR-1"), late);
        assertEquals(Payment.Outcome.RECORDED, partial);
        assertEquals(Client.AccountStatus.SUSPENDED, billing.statuses.get("c1"));

        desk.pay(new Payment(invoice.number(), new BigDecimal("54.68"), late, "VIR-2"), late);
        Receivable paid = invoices.receivable(invoice.number()).orElseThrow();
        assertEquals(Client.AccountStatus.ACTIVE, billing.statuses.get("c1"));
        assertEquals(Receivable.Status.PAID, paid.status(late));
        assertEquals(late, paid.settledOn());
        assertEquals(20, paid.penalty().daysLate());
        // The penalties and the indemnity are claimed in a numbered document the client pays, outside VAT.
        List<Receivable> unpaid = invoices.unpaid();
        assertEquals(1, unpaid.size());
        Invoice claim = unpaid.get(0).invoice();
        assertEquals(Invoice.Type.PENALTY_CLAIM, claim.type());
        assertEquals("PEN-2026-000001", claim.number());
        assertEquals(invoice.number(), claim.corrects());
        assertEquals(paid.penalty().total(), claim.totalInclVat());
        assertEquals(new BigDecimal("0.00"), claim.vatAmount());
        assertEquals(List.of(InvoiceLine.Kind.PENALTY, InvoiceLine.Kind.PENALTY),
                claim.lines().stream().map(InvoiceLine::kind).toList());
        assertEquals(new BigDecimal("40.00"), claim.lines().get(1).amount());
        // Asked again (a retried payment), the same claim; paying it settles it without a claim of its own.
        desk.pay(new Payment(invoice.number(), new BigDecimal("54.68"), late, "VIR-2"), late);
        assertEquals(1, invoices.unpaid().size());
        desk.pay(new Payment(claim.number(), claim.totalInclVat(), late.plusDays(40), "VIR-3"), late.plusDays(40));
        assertTrue(invoices.unpaid().isEmpty());
        assertEquals(Client.AccountStatus.ACTIVE, billing.statuses.get("c1"), "a claim never suspends");
    }

    @Test
    void aPaymentOfAClientInGoodStandingReadsNoOneElsesOverdueInvoices() {
        LocalDate late = DUE.plusDays(GRACE_DAYS - 5); // late, but within the grace period: not suspended
        int before = invoices.overdueReads;

        desk.pay(new Payment(invoice.number(), new BigDecimal("154.68"), late, "VIR-ON-TIME"), late);

        assertEquals(Receivable.Status.PAID, invoices.receivable(invoice.number()).orElseThrow().status(late));
        assertEquals(before, invoices.overdueReads, "its account says it is not suspended: nothing else is read");
        assertEquals(Client.AccountStatus.ACTIVE, billing.statuses.get("c1"));
    }

    @Test
    void aSuspendedClientsPaymentReadsItsOwnMonthsNotEveryClientsOverdueInvoices() {
        LocalDate late = DUE.plusDays(GRACE_DAYS + 5);
        dunning.run(late);
        assertEquals(Client.AccountStatus.SUSPENDED, billing.statuses.get("c1"));
        int before = invoices.overdueReads;

        desk.pay(new Payment(invoice.number(), new BigDecimal("154.68"), late, "VIR-LATE"), late);

        assertEquals(Client.AccountStatus.ACTIVE, billing.statuses.get("c1"));
        assertEquals(before, invoices.overdueReads, "no other client's overdue invoice is read");
        assertEquals(12, invoices.monthsReadByKey, "its months from January 2026, when it began, to December");
    }

    @Test
    void paidForOneMonthASuspendedClientStaysSuspendedWhileAnOlderMonthIsStillOverdue() {
        new InvoiceRun(billing, new InMemoryPorts.RatedCalls(), invoices, InvoiceDocuments.NONE, exports, RATES)
                .run(Instant.parse("2026-12-01T05:00:00Z"));
        Invoice november = invoices.find("c1", OCTOBER.plusMonths(1)).orElseThrow();
        LocalDate late = november.dueDate().plusDays(GRACE_DAYS + 3); // both months past the grace period
        dunning.run(late);
        assertEquals(Client.AccountStatus.SUSPENDED, billing.statuses.get("c1"));

        desk.pay(new Payment(november.number(), november.totalInclVat(), late, "VIR-NOV"), late);
        assertEquals(Client.AccountStatus.SUSPENDED, billing.statuses.get("c1"), "October is still owed");

        desk.pay(new Payment(invoice.number(), invoice.totalInclVat(), late, "VIR-OCT"), late);
        assertEquals(Client.AccountStatus.ACTIVE, billing.statuses.get("c1"));
    }

    @Test
    void aPaymentRecordedBeforeACrashGetsItsFollowUpsWhenTheRequestIsRetried() {
        LocalDate late = DUE.plusDays(GRACE_DAYS + 5);
        dunning.run(late);
        assertEquals(Client.AccountStatus.SUSPENDED, billing.statuses.get("c1"));
        Payment payment = new Payment(invoice.number(), new BigDecimal("154.68"), late, "VIR-CRASH");
        // The crash: the payment is written, nothing after it.
        assertEquals(Payment.Outcome.RECORDED, invoices.recordPayment(payment));
        assertEquals(Client.AccountStatus.SUSPENDED, billing.statuses.get("c1"));

        assertEquals(Payment.Outcome.ALREADY_RECORDED, desk.pay(payment, late));
        assertEquals(Client.AccountStatus.ACTIVE, billing.statuses.get("c1"), "the suspension is lifted on the retry");
        Receivable paid = invoices.receivable(invoice.number()).orElseThrow();
        assertEquals(20, paid.penalty().daysLate(), "the penalty is fixed at the payment's date");
        // 154.68 x 20 days x 9.00 % / 36500: on what was owed before the payment, not on zero.
        assertEquals(new BigDecimal("0.76"), paid.penalty().interest());
        String journal = exports.text(InvoiceExports.journalKey(OCTOBER));
        assertTrue(journal.contains(";PAID"), "the journal is rewritten with the invoice paid: " + journal);
        // A third try changes nothing more.
        LatePenalty fixed = paid.penalty();
        assertEquals(Payment.Outcome.ALREADY_RECORDED, desk.pay(payment, late.plusDays(3)));
        assertEquals(fixed, invoices.receivable(invoice.number()).orElseThrow().penalty());
    }

    @Test
    void anAmountNoInvoiceCanOweIsRefusedBeforeAnythingComputesWithIt() {
        assertThrows(IllegalArgumentException.class, () -> new Payment(invoice.number(),
                new BigDecimal("1E+999999999"), ISSUED, "VIR-HUGE"));
        assertThrows(IllegalArgumentException.class, () -> new Payment(invoice.number(),
                new BigDecimal("1000000000000.00"), ISSUED, "VIR-HUGE"));
        assertEquals(new BigDecimal("999999999999.99"), new Payment(invoice.number(),
                new BigDecimal("999999999999.99"), ISSUED, "VIR-MAX").amount());
    }

    @Test
    void aPaymentIsRecordedOncePerBankReference() {
        Payment payment = new Payment(invoice.number(), new BigDecimal("10.00"), ISSUED.plusDays(3), "VIR-42");
        assertEquals(Payment.Outcome.RECORDED, desk.pay(payment, ISSUED.plusDays(3)));
        assertEquals(Payment.Outcome.ALREADY_RECORDED, desk.pay(payment, ISSUED.plusDays(4)));
        assertEquals(Payment.Outcome.CONFLICT, desk.pay(new Payment(invoice.number(), new BigDecimal("11.00"),
                ISSUED.plusDays(3), "VIR-42"), ISSUED.plusDays(4)));
        assertEquals(new BigDecimal("10.00"), invoices.receivable(invoice.number()).orElseThrow().paid());
        assertEquals(Payment.Outcome.UNKNOWN_INVOICE, desk.pay(new Payment("2026-999999", BigDecimal.ONE,
                ISSUED, "VIR-43"), ISSUED));
    }

    @Test
    void aDisputeWithinThirtyDaysFreezesDunningUntilResolved() {
        assertEquals(Dispute.Outcome.RECORDED, desk.dispute(invoice.number(), "minutes contestées", ISSUED.plusDays(30)));
        assertEquals(Dispute.Outcome.ALREADY_OPEN, desk.dispute(invoice.number(), "encore", ISSUED.plusDays(30)));
        LocalDate wellPastGrace = DUE.plusDays(GRACE_DAYS + 10);
        Dunning.Result frozen = dunning.run(wellPastGrace);
        assertEquals(1, frozen.frozenByDispute());
        assertEquals(Client.AccountStatus.ACTIVE, billing.statuses.get("c1"));
        assertEquals(null, invoices.receivable(invoice.number()).orElseThrow().penalty());

        assertTrue(desk.resolveDispute(invoice.number(), wellPastGrace));
        assertEquals(List.of("c1"), dunning.run(wellPastGrace).suspended());
    }

    @Test
    void aDisputeFiledAfterThirtyDaysIsRefused() {
        assertEquals(Dispute.Outcome.TOO_LATE, desk.dispute(invoice.number(), "trop tard", ISSUED.plusDays(31)));
    }

    @Test
    void aCreditNoteHasItsOwnNumberingRefersToTheInvoiceAndIsIssuedOncePerReference() {
        CreditNotes.Request request = new CreditNotes.Request("RMA-7", "geste commercial", new BigDecimal("20.00"));
        Invoice credit = desk.creditNote(invoice.number(), request, ISSUED.plusDays(5));
        Invoice again = desk.creditNote(invoice.number(), request, ISSUED.plusDays(6));

        assertEquals(credit, again);
        assertEquals("AV-2026-000001", credit.number());
        assertEquals(Invoice.Type.CREDIT_NOTE, credit.type());
        assertEquals(invoice.number(), credit.corrects());
        assertEquals(new BigDecimal("20.00"), credit.totalExclVat());
        assertEquals(new BigDecimal("4.00"), credit.vatAmount());
        Receivable corrected = invoices.receivable(invoice.number()).orElseThrow();
        assertEquals(new BigDecimal("130.68"), corrected.outstanding()); // 154.68 - 24.00
        // The invoice itself is unchanged.
        assertEquals(invoice, corrected.invoice());

        IllegalArgumentException tooMuch = assertThrows(IllegalArgumentException.class, () -> desk.creditNote(
                invoice.number(), new CreditNotes.Request("RMA-8", "erreur", new BigDecimal("108.91")), ISSUED));
        assertTrue(tooMuch.getMessage().contains("108.90 EUR excluding VAT that remain"), tooMuch.getMessage());

        Invoice rest = desk.creditNote(invoice.number(), new CreditNotes.Request("RMA-9", "résiliation", null),
                ISSUED.plusDays(7));
        assertEquals("AV-2026-000002", rest.number());
        assertEquals(new BigDecimal("108.90"), rest.totalExclVat());
        assertEquals(Receivable.Status.CREDITED,
                invoices.receivable(invoice.number()).orElseThrow().status(ISSUED.plusDays(7)));
        // Issued in November: filed under November, its invoice's service period named in it.
        assertTrue(exports.objects.containsKey("exports/invoices/2026-11/AV-2026-000002_c1.json"));
        assertEquals(YearMonth.of(2026, 11), rest.period());
        assertEquals(invoice.servicePeriodStart(), rest.servicePeriodStart());
    }

    @Test
    void creditNotesNeverCreditMoreVatThanTheInvoiceCharged() {
        // 128.90 excl. VAT, 25.78 VAT. Each credit of 0.03 rounds its VAT up (0.006 -> 0.01): three of them credit
        // 0.03 of VAT for 0.018 owed; the rest, 128.81, would give 25.76 and 25.79 in all. It credits 25.75.
        BigDecimal vatCredited = BigDecimal.ZERO;
        for (int i = 1; i <= 3; i++) {
            Invoice small = desk.creditNote(invoice.number(), new CreditNotes.Request("RMA-" + i, "appel contesté",
                    new BigDecimal("0.03")), ISSUED.plusDays(2));
            assertEquals(new BigDecimal("0.01"), small.vatAmount());
            vatCredited = vatCredited.add(small.vatAmount());
        }
        Invoice rest = desk.creditNote(invoice.number(), new CreditNotes.Request("RMA-4", "résiliation", null),
                ISSUED.plusDays(3));
        assertEquals(new BigDecimal("128.81"), rest.totalExclVat());
        assertEquals(new BigDecimal("25.75"), rest.vatAmount());
        assertEquals(new BigDecimal("154.56"), rest.totalInclVat());
        assertEquals(invoice.vatAmount(), vatCredited.add(rest.vatAmount()));
        Receivable credited = invoices.receivable(invoice.number()).orElseThrow();
        assertEquals(new BigDecimal("0.00"), credited.outstanding());
        assertEquals(Receivable.Status.CREDITED, credited.status(ISSUED.plusDays(3)));
    }

    @Test
    void twoHalvesOfAnInvoiceCreditItsVatToTheCent() {
        // 20.06 excl. VAT gives 4.01 of VAT (4.012); each half, 10.03, would give 2.01 (2.006): the second gets 2.00.
        Invoice small = CreditNotes.draft(invoice, new BigDecimal("108.84"), new BigDecimal("21.77"),
                new CreditNotes.Request("H1", "moitié", new BigDecimal("10.03")), ISSUED);
        assertEquals(new BigDecimal("2.01"), small.vatAmount());
        Invoice last = CreditNotes.draft(invoice, new BigDecimal("118.87"), new BigDecimal("23.78"),
                new CreditNotes.Request("H2", "moitié", null), ISSUED);
        assertEquals(new BigDecimal("10.03"), last.totalExclVat());
        assertEquals(new BigDecimal("2.00"), last.vatAmount(), "25.78 - 23.78 left to credit");
    }

    private static List<CsvRecord> rows(byte[] bytes) throws java.io.IOException {
        String text = new String(Arrays.copyOfRange(bytes, 3, bytes.length), StandardCharsets.UTF_8);
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';').ofCsvRecord(text)) {
            return reader.stream().toList();
        }
    }

    @Test
    void theJournalReadsBackAsAFrenchSpreadsheetCsvAndACreditNoteIsInTheJournalOfItsMonth() throws Exception {
        desk.creditNote(invoice.number(), new CreditNotes.Request("RMA-1", "geste; commercial", new BigDecimal("10.00")),
                ISSUED.plusDays(2));
        byte[] bytes = exports.objects.get("exports/invoices/2026-10/journal-2026-10.csv");
        List<CsvRecord> november = rows(exports.objects.get("exports/invoices/2026-11/journal-2026-11.csv"));
        assertEquals(List.of((byte) 0xEF, (byte) 0xBB, (byte) 0xBF),
                List.of(bytes[0], bytes[1], bytes[2]), "UTF-8 byte order mark");

        String text = new String(Arrays.copyOfRange(bytes, 3, bytes.length), StandardCharsets.UTF_8);
        List<CsvRecord> rows;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';').ofCsvRecord(text)) {
            rows = reader.stream().toList();
        }
        assertEquals(FinanceJournal.HEADER, String.join(";", rows.get(0).getFields()));
        assertEquals(List.of("2026-000001", "facture", "2026-11-01", "c1", "542107651", "128,90", "25,78", "154,68",
                "2026-12-01", "", "ISSUED", "S", "20", "FR13542107651"), rows.get(1).getFields());
        assertEquals(2, rows.size(), "October's journal has the invoice only");
        // The credit note, issued on 3 November, is in November's journal.
        assertEquals(List.of("AV-2026-000001", "avoir", "2026-11-03", "c1", "542107651", "-10,00", "-2,00", "-12,00",
                "2026-11-03", "2026-000001", "CREDIT_NOTE", "S", "20", "FR13542107651"), november.get(1).getFields());
    }

    @Test
    void textCellsInTheJournalCannotStartAFormula() {
        assertEquals("'=HYPERLINK(\"x\")".replace("\"", "\"\""),
                FinanceJournal.text("=HYPERLINK(\"x\")").substring(1, FinanceJournal.text("=HYPERLINK(\"x\")").length() - 1));
        assertEquals("\"a;b\"", FinanceJournal.text("a;b"));
    }
}
