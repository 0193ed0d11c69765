package com.outboundcalls.invoice;

import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.testing.InMemoryBilling;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * November 2026's accounting entries, read back: invoices issued on 1 November (October's, one French, one Belgian
 * under reverse charge), a credit note, two payments (one late, with its penalty) and one October payment left out.
 */
class AccountingEntriesTest {

    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);
    private static final LegalInterestRates RATES = LegalInterestRates.parse("2026-H2=3.00");
    private final InMemoryBilling.Directory billing = new InMemoryBilling.Directory();
    private final InMemoryBilling.Invoices invoices = new InMemoryBilling.Invoices();
    private final InMemoryPorts.Objects exports = new InMemoryPorts.Objects();
    private final InvoicePublisher publisher = new InvoicePublisher(invoices, InvoiceDocuments.NONE, exports);
    private final FinanceDesk desk = new FinanceDesk(invoices, publisher,
            new Dunning(invoices, billing, RATES, 15, publisher), RATES);
    private Invoice paris;
    private Invoice brussels;

    private static BillingAccount account(String clientId, String monthly, LegalEntity identity, int termDays) {
        return new BillingAccount(clientId, new BillingAccount.Plan("Essentiel", new BigDecimal(monthly)), null, null,
                null, LocalDate.of(2026, 1, 1), null, identity, termDays);
    }

    @BeforeEach
    void octoberIsInvoicedOnTheFirstOfNovember() {
        billing.with(account("paris", "100.00", InMemoryBilling.client("Paris SA"), 10))
                .with(account("bruxelles", "250.00", new LegalEntity("Bruxelles SA", "Rue Royale 12", "1000",
                        "Bruxelles", "BE", null, "BE0403170701"), 30));
        new InvoiceRun(billing, new InMemoryPorts.RatedCalls(), invoices, InvoiceDocuments.NONE, exports, RATES)
                .run(Instant.parse("2026-11-01T05:00:00Z"));
        brussels = invoices.find("bruxelles", YearMonth.of(2026, 10)).orElseThrow();
        paris = invoices.find("paris", YearMonth.of(2026, 10)).orElseThrow();
    }

    private List<String[]> fec() {
        publisher.publishAccounting(NOVEMBER);
        String text = new String(exports.objects.get("exports/invoices/2026-11/fec-2026-11.txt"), StandardCharsets.UTF_8);
        return text.lines().map(l -> l.split("\\|", -1)).toList();
    }

    private static BigDecimal amount(String cell) {
        return new BigDecimal(cell.replace(',', '.'));
    }

    @Test
    void everyEntryBalancesAndTheTotalsAreTheMonthsInvoicesCreditNotesPaymentsAndPenalties() {
        // Paris: 120.00 incl. VAT due 11 November, paid 21 November (10 days late: 120 x 10 x 9 % / 365 = 0.30,
        // plus 40.00); Brussels: 250.00 under reverse charge, 50.00 credited on 5 November, 100.00 paid on 20th.
        desk.creditNote(brussels.number(), new CreditNotes.Request("R1", "geste commercial", new BigDecimal("50.00")),
                LocalDate.of(2026, 11, 5));
        desk.pay(new Payment(paris.number(), new BigDecimal("120.00"), LocalDate.of(2026, 11, 21), "VIR-P"),
                LocalDate.of(2026, 11, 21));
        desk.pay(new Payment(brussels.number(), new BigDecimal("100.00"), LocalDate.of(2026, 11, 20), "VIR-B"),
                LocalDate.of(2026, 11, 20));

        List<String[]> rows = fec();

        assertEquals(AccountingEntries.HEADER, String.join("|", rows.get(0)));
        List<String[]> entries = rows.subList(1, rows.size());
        entries.forEach(r -> assertEquals(18, r.length, String.join("|", r)));
        Map<String, List<String[]>> byEntry = entries.stream().collect(Collectors.groupingBy(r -> r[2], TreeMap::new,
                Collectors.toList()));
        assertEquals(6, byEntry.size(), "two invoices, a credit note, a penalty claim and two payments: "
                + byEntry.keySet());
        byEntry.forEach((number, lines) -> assertEquals(
                lines.stream().map(r -> amount(r[11])).reduce(BigDecimal.ZERO, BigDecimal::add),
                lines.stream().map(r -> amount(r[12])).reduce(BigDecimal.ZERO, BigDecimal::add),
                "entry " + number + " balances"));
        BigDecimal sales = sum(entries, "VE", "411000", 11).subtract(sum(entries, "VE", "411000", 12));
        // The invoices, less the credit note, plus the claim of Paris's penalties (0.30 + 40.00).
        assertEquals(paris.totalInclVat().add(brussels.totalInclVat()).subtract(new BigDecimal("50.00"))
                .add(new BigDecimal("40.30")), sales);
        assertEquals(new BigDecimal("220.00"), sum(entries, "BQ", "512000", 11));
        assertEquals(new BigDecimal("40.30"), sum(entries, "VE", "763000", 12), "the penalty claim");
        assertEquals(new BigDecimal("250.00"), sum(entries, "VE", "706110", 12), "reverse charge on its own account");
        assertEquals(new BigDecimal("50.00"), sum(entries, "VE", "709010", 11), "its credit too");
        assertEquals(new BigDecimal("100.00"), sum(entries, "VE", "706100", 12));
        assertEquals(new BigDecimal("20.00"), sum(entries, "VE", "445712", 12), "VAT at 20 % on its account");
        String[] receivable = entries.stream().filter(r -> r[0].equals("VE") && r[4].equals("411000")
                && r[8].equals(paris.number())).findFirst().orElseThrow();
        assertEquals("paris", receivable[6], "the client as auxiliary account");
        assertEquals("20261101", receivable[3]);
    }

    private static BigDecimal sum(List<String[]> entries, String journal, String account, int column) {
        return entries.stream().filter(r -> r[0].equals(journal) && r[4].equals(account)).map(r -> amount(r[column]))
                .reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2);
    }

    @Test
    void aPaymentOfAnotherMonthIsInThatMonthsEntries() {
        desk.pay(new Payment(paris.number(), new BigDecimal("120.00"), LocalDate.of(2026, 12, 2), "VIR-D"),
                LocalDate.of(2026, 12, 2));
        List<String[]> rows = fec();
        assertTrue(rows.stream().noneMatch(r -> r[0].equals("BQ")), "December's payment is not November's");
        String december = new String(exports.objects.get("exports/invoices/2026-12/fec-2026-12.txt"),
                StandardCharsets.UTF_8);
        assertTrue(december.contains("|VIR-D|"), december);
    }

    @Test
    void accountsCanBeSetAndAnUnknownKeyIsRefused() {
        AccountingEntries.Accounts accounts = AccountingEntries.Accounts.parse("customers=411100, usage.AE=706215");
        assertEquals("411100", accounts.get("customers"));
        assertEquals("706215", accounts.get("usage.AE"));
        assertEquals("512000", accounts.get("bank"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> AccountingEntries.Accounts.parse("client=411"))
                .getMessage().contains("unknown account key 'client'"));
    }
}
