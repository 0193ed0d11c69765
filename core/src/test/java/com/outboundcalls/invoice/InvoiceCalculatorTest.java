package com.outboundcalls.invoice;

import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.rate.RatedCall;
import com.outboundcalls.testing.InMemoryBilling;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Invoices computed by hand, figure by figure, and compared with the calculator's. */
class InvoiceCalculatorTest {

    static final LegalInterestRates RATES = LegalInterestRates.parse("2025-H2=2.76,2026-H1=2.62");
    private static final InvoiceCalculator CALCULATOR = new InvoiceCalculator(RATES);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final YearMonth NOVEMBER = YearMonth.of(2026, 11);

    static BillingAccount account(LocalDate subscribedOn) {
        return new BillingAccount("c1", new BillingAccount.Plan("Essentiel", new BigDecimal("49.00")),
                new BillingAccount.Units(3, new BigDecimal("5.00")), new BillingAccount.Units(2, new BigDecimal("12.50")),
                new BillingAccount.Units(1, new BigDecimal("39.90")), subscribedOn, null,
                InMemoryBilling.client("Client SA"), 30);
    }

    private static RatedCall call(String id, String dest, String type, long seconds, String price) {
        Instant answered = Instant.parse("2026-10-25T09:00:00Z");
        return new RatedCall(id, "c1", "camp", "ct-" + id, 1, "FR", dest, type, answered.minusSeconds(5), answered,
                answered.plusSeconds(seconds), seconds, new BigDecimal(price), null, "v1", RatedCall.Status.RATED, null);
    }

    private static Invoice draft(BillingAccount account, YearMonth period, UsageTotals usage) {
        return CALCULATOR.draft(account, InMemoryBilling.PROVIDER, period, period.plusMonths(1).atDay(1), usage)
                .orElseThrow();
    }

    @Test
    void theFirstMonthIsProratedFromTheSubscriptionDayLineByLine() {
        // Subscribed on 19 October: 13 of October's 31 days.
        UsageTotals usage = new UsageTotals();
        Invoice invoice = draft(account(LocalDate.of(2026, 10, 19)), OCTOBER, usage);

        List<InvoiceLine> lines = invoice.lines();
        assertEquals(4, lines.size());
        assertEquals(new BigDecimal("20.55"), lines.get(0).amount()); // 49.00 x 13 / 31 = 20.548...
        assertEquals(new BigDecimal("6.29"), lines.get(1).amount());  // 3 x 5.00 x 13 / 31 = 6.290...
        assertEquals(new BigDecimal("10.48"), lines.get(2).amount()); // 2 x 12.50 x 13 / 31 = 10.483...
        assertEquals(new BigDecimal("16.73"), lines.get(3).amount()); // 39.90 x 13 / 31 = 16.732...
        assertEquals(new InvoiceLine.Prorata(13, 31), lines.get(0).prorata());
        assertTrue(lines.get(0).description().contains("du 19 au 31 (13/31 jours)"), lines.get(0).description());
        assertEquals(LocalDate.of(2026, 10, 19), invoice.servicePeriodStart());
        assertEquals(new BigDecimal("54.05"), invoice.totalExclVat());
        assertEquals(new BigDecimal("10.81"), invoice.vatAmount()); // 10.810
        assertEquals(new BigDecimal("64.86"), invoice.totalInclVat());
    }

    @Test
    void usageLinesSumSecondsPerRateAndRoundOnceHalfUp() {
        UsageTotals usage = new UsageTotals();
        // 200 calls of 1 s at 0.0450: 200 s = 0.15 exactly; rounding each call would have made 0.00.
        for (int i = 0; i < 200; i++) {
            usage.add(call("m" + i, "FR", "MOBILE", 1, "0.0450"));
        }
        usage.add(call("f1", "FR", "FIXED_LINE", 61, "0.0120"));
        usage.add(call("f2", "FR", "FIXED_LINE", 62, "0.0120"));
        usage.add(call("b1", "BE", "MOBILE", 2, "0.1500")); // 2 x 0.15 / 60 = 0.005: half a cent, rounds up
        Invoice invoice = draft(account(LocalDate.of(2026, 1, 1)), OCTOBER, usage);

        List<InvoiceLine> usageLines = invoice.lines().stream().filter(l -> l.kind() == InvoiceLine.Kind.USAGE).toList();
        assertEquals(3, usageLines.size());
        assertEquals("BE", usageLines.get(0).destinationCountry());
        assertEquals(new BigDecimal("0.01"), usageLines.get(0).amount());
        assertEquals(123L, usageLines.get(1).billedSeconds());
        assertEquals(new BigDecimal("0.02"), usageLines.get(1).amount()); // 123 x 0.012 / 60 = 0.0246
        assertTrue(usageLines.get(1).description().endsWith("2 min 03 s"), usageLines.get(1).description());
        assertEquals(new BigDecimal("0.15"), usageLines.get(2).amount());
        // Fixed 49.00 + 15.00 + 25.00 + 39.90 = 128.90, usage 0.18.
        assertEquals(new BigDecimal("129.08"), invoice.totalExclVat());
        assertEquals(new BigDecimal("25.82"), invoice.vatAmount()); // 25.816
        assertEquals(new BigDecimal("154.90"), invoice.totalInclVat());
        assertEquals(LocalDate.of(2026, 12, 1), invoice.dueDate());
    }

    @Test
    void aMonthWithoutCallsIsTheFixedPartAlone() {
        Invoice invoice = draft(account(LocalDate.of(2026, 1, 1)), NOVEMBER, new UsageTotals());
        assertEquals(4, invoice.lines().size());
        assertTrue(invoice.lines().stream().allMatch(l -> l.kind() == InvoiceLine.Kind.FIXED && l.prorata() == null));
        assertEquals(new BigDecimal("128.90"), invoice.totalExclVat());
        assertEquals(new BigDecimal("25.78"), invoice.vatAmount());
        assertEquals(new BigDecimal("154.68"), invoice.totalInclVat());
    }

    @Test
    void theMonthOfTerminationIsDueInFullAndNothingAfter() {
        BillingAccount ended = account(LocalDate.of(2026, 1, 1)).terminatedOn(LocalDate.of(2026, 11, 3));
        assertEquals(new BigDecimal("128.90"), draft(ended, NOVEMBER, new UsageTotals()).totalExclVat());
        assertTrue(CALCULATOR.draft(ended, InMemoryBilling.PROVIDER, YearMonth.of(2026, 12),
                LocalDate.of(2027, 1, 1), new UsageTotals()).isEmpty());
    }

    @Test
    void aMonthBeforeTheSubscriptionIsNotInvoiced() {
        assertTrue(CALCULATOR.draft(account(LocalDate.of(2026, 11, 2)), InMemoryBilling.PROVIDER, OCTOBER,
                LocalDate.of(2026, 11, 1), new UsageTotals()).isEmpty());
    }

    @Test
    void thePenaltyRatePrintedIsThreeTimesTheLegalRateOfTheIssueDate() {
        Invoice h1 = CALCULATOR.draft(account(LocalDate.of(2026, 1, 1)), InMemoryBilling.PROVIDER,
                YearMonth.of(2026, 4), LocalDate.of(2026, 5, 1), new UsageTotals()).orElseThrow();
        assertEquals(new BigDecimal("7.86"), h1.latePenaltyRate());
        Invoice unpublished = draft(account(LocalDate.of(2026, 1, 1)), NOVEMBER, new UsageTotals());
        assertNull(unpublished.latePenaltyRate()); // H2 2026 not configured: the mention states the rule alone
        assertTrue(InvoiceMentions.of(h1).get(1).contains("soit 7,86 % l'an"));
        assertTrue(InvoiceMentions.of(h1).get(2).contains("40 EUR"));
    }

    @Test
    void unansweredAndUnratedCallsAddNoUsageLine() {
        UsageTotals usage = new UsageTotals();
        usage.add(call("zero", "FR", "MOBILE", 0, "0.0450"));
        Instant t = Instant.parse("2026-10-05T09:00:00Z");
        usage.add(new RatedCall("u", "c1", "camp", "ct-u", 1, "FR", "ZZ", "UNKNOWN", t, t, t.plusSeconds(30), 30,
                null, null, null, RatedCall.Status.UNRATED, "no price"));
        Invoice invoice = draft(account(LocalDate.of(2026, 1, 1)), OCTOBER, usage);
        assertEquals(4, invoice.lines().size());
        assertEquals(1, usage.unrated());
        assertEquals(2, usage.calls());
    }

    private static BillingAccount accountIn(com.outboundcalls.account.LegalEntity identity) {
        BillingAccount base = account(LocalDate.of(2026, 10, 19));
        return new BillingAccount("c1", base.plan(), base.numbers(), base.users(), base.licences(), base.subscribedOn(),
                null, identity, 30);
    }

    @Test
    void aClientInReunionPaysEightAndAHalfPercent() {
        Invoice invoice = draft(accountIn(new com.outboundcalls.account.LegalEntity("Océan SARL", "5 rue de Paris",
                "97400", "Saint-Denis", "FR", "542107651", "FR13542107651")), OCTOBER, new UsageTotals());
        assertEquals(new BigDecimal("54.05"), invoice.totalExclVat());
        assertEquals(new BigDecimal("4.59"), invoice.vatAmount()); // 54.05 x 0.085 = 4.59425
        assertEquals(new BigDecimal("58.64"), invoice.totalInclVat());
        assertEquals(List.of(new Invoice.VatBreakdown(VatTreatment.Category.S, new BigDecimal("0.085"),
                new BigDecimal("54.05"), new BigDecimal("4.59"), null, null)), invoice.vatBreakdown());
    }

    @Test
    void aCompanyInBelgiumIsInvoicedWithoutVatUnderReverseCharge() {
        Invoice invoice = draft(accountIn(new com.outboundcalls.account.LegalEntity("Bruxelles SA", "Rue Royale 12",
                "1000", "Bruxelles", "BE", null, "BE0403170701")), OCTOBER, new UsageTotals());
        assertEquals(new BigDecimal("54.05"), invoice.totalExclVat());
        assertEquals(new BigDecimal("0.00"), invoice.vatAmount());
        assertEquals(new BigDecimal("54.05"), invoice.totalInclVat());
        Invoice.VatBreakdown row = invoice.vatBreakdown().get(0);
        assertEquals(VatTreatment.Category.AE, row.category());
        assertEquals("Autoliquidation", row.exemptionReason());
        assertEquals("VATEX-EU-AE", row.exemptionCode());
        assertTrue(invoice.vatTreatment().mention().contains("FR44732829320")
                && invoice.vatTreatment().mention().contains("BE0403170701"), "both VAT numbers");
    }

    @Test
    void aCompanyOutsideTheUnionOrInGuyaneIsInvoicedWithoutFrenchVatWithItsReason() {
        Invoice swiss = draft(accountIn(new com.outboundcalls.account.LegalEntity("Genève SA", "Rue du Rhône 8",
                "1204", "Genève", "CH", null, null)), OCTOBER, new UsageTotals());
        assertEquals(VatTreatment.Category.G, swiss.vatTreatment().category());
        assertEquals(new BigDecimal("54.05"), swiss.totalInclVat());
        assertTrue(swiss.vatTreatment().mention().contains("article 259-1 du CGI"));
        Invoice guyane = draft(accountIn(new com.outboundcalls.account.LegalEntity("Cayenne SAS", "3 av. de Gaulle",
                "97300", "Cayenne", "FR", "542107651", null)), OCTOBER, new UsageTotals());
        assertEquals(VatTreatment.Category.O, guyane.vatTreatment().category());
        assertEquals(new BigDecimal("0.00"), guyane.vatAmount());
        assertTrue(guyane.vatTreatment().mention().contains("article 294 du CGI"));
    }

    @Test
    void aDocumentStoredBeforeTreatmentsWereRecordedReadsAsTheStandardRate() {
        Invoice invoice = draft(account(LocalDate.of(2026, 10, 19)), OCTOBER, new UsageTotals());
        Invoice legacy = new Invoice(invoice.type(), "2025-000001", invoice.clientId(), invoice.period(),
                invoice.servicePeriodStart(), invoice.servicePeriodEnd(), invoice.issueDate(), invoice.dueDate(),
                invoice.seller(), invoice.buyer(), invoice.lines(), invoice.totalExclVat(), invoice.vatRate(),
                invoice.vatAmount(), invoice.totalInclVat(), invoice.currency(), invoice.latePenaltyRate(), null, null,
                null, null);
        assertEquals(VatTreatment.Category.S, legacy.vatTreatment().category());
        assertEquals(new BigDecimal("0.20"), legacy.vatTreatment().rate());
    }

    @Test
    void aChangeOfTheFixedPartMidMonthIsProratedByDayOnEachSide() {
        // From 20 October: 5 numbers instead of 3 and the plan at 59.00. October has 31 days: 19 before, 12 after.
        BillingAccount base = account(LocalDate.of(2026, 1, 1));
        BillingAccount changed = base.withChange(new BillingAccount.Terms(LocalDate.of(2026, 10, 20),
                new BillingAccount.Plan("Essentiel", new BigDecimal("59.00")),
                new BillingAccount.Units(5, new BigDecimal("5.00")), base.users(), base.licences()));
        Invoice october = draft(changed, OCTOBER, new UsageTotals());

        List<InvoiceLine> lines = october.lines();
        assertEquals(8, lines.size(), lines.toString());
        assertEquals(new BigDecimal("30.03"), lines.get(0).amount()); // 49.00 x 19 / 31 = 30.032
        assertTrue(lines.get(0).description().endsWith("du 1 au 19 (19/31 jours)"), lines.get(0).description());
        assertEquals(new BigDecimal("9.19"), lines.get(1).amount()); // 3 x 5.00 x 19 / 31 = 9.193
        assertEquals(new BigDecimal("22.84"), lines.get(4).amount()); // 59.00 x 12 / 31 = 22.838
        assertTrue(lines.get(4).description().endsWith("du 20 au 31 (12/31 jours)"), lines.get(4).description());
        assertEquals(new BigDecimal("9.68"), lines.get(5).amount()); // 5 x 5.00 x 12 / 31 = 9.677
        // November runs under the new terms, in full.
        Invoice november = draft(changed, NOVEMBER, new UsageTotals());
        assertEquals(new BigDecimal("59.00"), november.lines().get(0).amount());
        assertEquals(new BigDecimal("25.00"), november.lines().get(1).amount());
    }
}
