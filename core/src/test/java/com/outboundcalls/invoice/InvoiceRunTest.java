package com.outboundcalls.invoice;

import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.money.Money;
import com.outboundcalls.rate.RatedCall;
import com.outboundcalls.testing.InMemoryBilling;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InvoiceRunTest {

    @Test
    void aRerunOfTheMonthRewritesTheSameExportsAndIssuesNothingNew() {
        InMemoryBilling.Directory billing = new InMemoryBilling.Directory()
                .with(InvoiceCalculatorTest.account(LocalDate.of(2026, 1, 1)));
        InMemoryPorts.RatedCalls rated = new InMemoryPorts.RatedCalls();
        Instant answered = Instant.parse("2026-10-31T22:30:00Z"); // 23:30 in Paris, still October
        rated.saveIfAbsent(new RatedCall("c1", "c1", "spring", "ct-1", 1, "FR", "FR", "MOBILE",
                answered.minusSeconds(5), answered, answered.plusSeconds(90), 90, new BigDecimal("0.0450"),
                Money.ratedCallAmount(90, new BigDecimal("0.0450")), "v1", RatedCall.Status.RATED, null));
        InMemoryBilling.Invoices invoices = new InMemoryBilling.Invoices();
        InMemoryPorts.Objects exports = new InMemoryPorts.Objects();
        InvoiceRun run = new InvoiceRun(billing, rated, invoices, InvoiceDocuments.NONE, exports,
                InvoiceCalculatorTest.RATES);
        Instant firstOfNovember = Instant.parse("2026-11-01T05:00:00Z");

        Invoice first = run.run(firstOfNovember).invoices().get(0);
        String json = exports.text("exports/invoices/2026-10/2026-000001_c1.json");
        String journal = exports.text("exports/invoices/2026-10/journal-2026-10.csv");
        Invoice again = run.run(firstOfNovember.plusSeconds(60)).invoices().get(0);

        assertEquals(first, again);
        assertEquals(1, invoices.allocated);
        assertEquals(json, exports.text("exports/invoices/2026-10/2026-000001_c1.json"));
        assertEquals(journal, exports.text("exports/invoices/2026-10/journal-2026-10.csv"));
        assertEquals(YearMonth.of(2026, 10), first.period());
        // 128.90 fixed + 90 s x 0.045 / 60 = 0.0675 -> 0.07
        assertEquals(new BigDecimal("128.97"), first.totalExclVat());
        assertTrue(json.contains("\"total_incl_vat\" : \"154.76\""), json);
    }

    private static RatedCall call(String clientId, String id, long seconds, String type, String price) {
        Instant answered = Instant.parse("2026-10-12T09:00:00Z");
        return new RatedCall(id, clientId, "spring", "ct-" + id, 1, "FR", "FR", type, answered.minusSeconds(5),
                answered, answered.plusSeconds(seconds), seconds, new BigDecimal(price),
                Money.ratedCallAmount(seconds, new BigDecimal(price)), "v1", RatedCall.Status.RATED, null);
    }

    @Test
    void aSubAccountInvoicedOnItsParentsInvoiceHasASectionThereAndNoInvoiceOfItsOwn() {
        InMemoryBilling.Directory billing = new InMemoryBilling.Directory()
                .with(InvoiceCalculatorTest.account(LocalDate.of(2026, 1, 1)));
        String parent = InvoiceCalculatorTest.account(LocalDate.of(2026, 1, 1)).clientId();
        billing.sections.put(parent, List.of(new BillingDirectory.Section("c1-outbound", "Relances")));
        InMemoryPorts.RatedCalls rated = new InMemoryPorts.RatedCalls();
        rated.saveIfAbsent(call(parent, "p1", 120, "MOBILE", "0.0450"));        // 2 min x 0.045 = 0.09
        rated.saveIfAbsent(call("c1-outbound", "s1", 600, "FIXED_LINE", "0.0120")); // 10 min x 0.012 = 0.12
        rated.saveIfAbsent(call("c1-outbound", "s2", 61, "MOBILE", "0.0450"));   // 61 s x 0.045 / 60 = 0.04575
        InMemoryBilling.Invoices invoices = new InMemoryBilling.Invoices();
        InMemoryPorts.Objects exports = new InMemoryPorts.Objects();
        InvoiceRun run = new InvoiceRun(billing, rated, invoices, InvoiceDocuments.NONE, exports,
                InvoiceCalculatorTest.RATES);

        List<Invoice> issued = run.run(Instant.parse("2026-11-01T05:00:00Z")).invoices();

        assertEquals(1, issued.size(), "one invoice: the parent's");
        Invoice invoice = issued.get(0);
        assertEquals(parent, invoice.clientId());
        List<String> usage = invoice.lines().stream().filter(l -> l.kind() == InvoiceLine.Kind.USAGE)
                .map(l -> l.description() + " = " + l.amount()).toList();
        assertEquals(List.of("Appels sortants FR vers FR (MOBILE), 2 min 00 s = 0.09",
                "Sous-compte Relances : Appels sortants FR vers FR (FIXED_LINE), 10 min 00 s = 0.12",
                "Sous-compte Relances : Appels sortants FR vers FR (MOBILE), 1 min 01 s = 0.05"), usage);
        // 128.90 fixed + 0.09 + 0.12 + 0.05
        assertEquals(new BigDecimal("129.16"), invoice.totalExclVat());
        assertTrue(exports.text("exports/invoices/2026-10/c1-outbound_usage.csv").contains("ct-s2"),
                "the sub-account's calls in a usage detail of their own");
    }

    @Test
    void accountsSubscribedLaterAreSkippedAndNumbersStayContinuous() {
        InMemoryBilling.Directory billing = new InMemoryBilling.Directory();
        for (String id : List.of("a", "b", "c")) {
            BillingAccount base = InvoiceCalculatorTest.account(LocalDate.of(2026, 1, 1));
            billing.with(new BillingAccount(id, base.plan(), base.numbers(), base.users(), base.licences(),
                    "b".equals(id) ? LocalDate.of(2026, 11, 15) : base.subscribedOn(), null, base.identity(), 30));
        }
        InMemoryBilling.Invoices invoices = new InMemoryBilling.Invoices();
        InvoiceRun run = new InvoiceRun(billing, new InMemoryPorts.RatedCalls(), invoices, InvoiceDocuments.NONE,
                new InMemoryPorts.Objects(), InvoiceCalculatorTest.RATES);

        List<Invoice> issued = run.run(Instant.parse("2026-11-01T05:00:00Z")).invoices();

        assertEquals(List.of("2026-000001", "2026-000002"), issued.stream().map(Invoice::number).toList());
        assertEquals(List.of("a", "c"), issued.stream().map(Invoice::clientId).toList());
    }

    /** A client, its calls recorded at the clock's instant, and the runs of 1 November and 1 December. */
    private static final class LateCalls {
        final com.outboundcalls.testing.SettableClock clock =
                new com.outboundcalls.testing.SettableClock(Instant.parse("2026-10-12T09:10:00Z"));
        final InMemoryBilling.Directory billing = new InMemoryBilling.Directory()
                .with(InvoiceCalculatorTest.account(LocalDate.of(2026, 1, 1)));
        final InMemoryPorts.RatedCalls rated = new InMemoryPorts.RatedCalls(clock);
        final InMemoryBilling.Invoices invoices = new InMemoryBilling.Invoices();
        final InMemoryPorts.Objects exports = new InMemoryPorts.Objects();
        final InvoiceRun run = new InvoiceRun(billing, rated, invoices, InvoiceDocuments.NONE, exports,
                InvoiceCalculatorTest.RATES);
        static final Instant NOVEMBER_RUN = Instant.parse("2026-11-01T05:00:00Z");
        static final Instant DECEMBER_RUN = Instant.parse("2026-12-01T05:00:00Z");

        void recordAt(String at, RatedCall call) {
            clock.now = Instant.parse(at);
            rated.saveIfAbsent(call);
        }

        Invoice runAt(Instant when) {
            clock.now = when;
            return run.run(when).invoices().get(0);
        }

        static List<InvoiceLine> usage(Invoice invoice) {
            return invoice.lines().stream().filter(l -> l.kind() == InvoiceLine.Kind.USAGE).toList();
        }
    }

    @Test
    void aCallRatedAfterItsMonthWasInvoicedIsBilledOnceOnTheNextInvoiceUnderItsOwnMonth() {
        LateCalls c = new LateCalls();
        c.recordAt("2026-10-12T09:10:00Z", call("c1", "on-time", 60, "MOBILE", "0.0450"));
        Invoice october = c.runAt(LateCalls.NOVEMBER_RUN);
        // An October call whose DISCONNECTED event came on 3 November, after the run.
        c.recordAt("2026-11-03T10:00:00Z", call("c1", "late", 120, "MOBILE", "0.0450"));
        Invoice octoberAgain = c.runAt(LateCalls.NOVEMBER_RUN.plus(java.time.Duration.ofDays(3)));
        c.recordAt("2026-11-20T10:00:00Z", callIn("c1", "november", "2026-11-20T09:00:00Z", 30, "0.0450"));
        Invoice november = c.runAt(LateCalls.DECEMBER_RUN);
        Invoice novemberAgain = c.runAt(LateCalls.DECEMBER_RUN.plusSeconds(3600));

        assertEquals(List.of(60L), LateCalls.usage(october).stream().map(InvoiceLine::billedSeconds).toList());
        assertEquals(october, octoberAgain, "a re-run of October does not take the late call");
        List<InvoiceLine> lines = LateCalls.usage(november);
        assertEquals(2, lines.size(), lines.toString());
        assertEquals(30L, lines.get(0).billedSeconds());
        assertEquals(null, lines.get(0).callsMonth());
        assertEquals(120L, lines.get(1).billedSeconds());
        assertEquals(YearMonth.of(2026, 10), lines.get(1).callsMonth());
        assertTrue(lines.get(1).description().startsWith("Appels d'octobre 2026 facturés en retard : "),
                lines.get(1).description());
        assertEquals(new BigDecimal("0.09"), lines.get(1).amount()); // 120 s x 0.045 / 60
        assertEquals(november, novemberAgain);
        // The December run (for November) billed the late call once; January's will not see it again.
        Invoice december = new InvoiceRun(c.billing, c.rated, c.invoices, InvoiceDocuments.NONE, c.exports,
                InvoiceCalculatorTest.RATES).run(Instant.parse("2027-01-01T05:00:00Z")).invoices().get(0);
        assertTrue(LateCalls.usage(december).isEmpty(), december.lines().toString());
    }

    @Test
    void aCallRatedOnlyOnceItsRouteGotAPriceIsBilledOnTheNextInvoice() {
        LateCalls c = new LateCalls();
        c.recordAt("2026-10-12T09:10:00Z", new RatedCall("far", "c1", "spring", "ct-far", 1, "FR", "JP", "MOBILE",
                Instant.parse("2026-10-12T08:59:55Z"), Instant.parse("2026-10-12T09:00:00Z"),
                Instant.parse("2026-10-12T09:01:00Z"), 60, null, null, null, RatedCall.Status.UNRATED, "no price"));
        Invoice october = c.runAt(LateCalls.NOVEMBER_RUN);
        assertTrue(LateCalls.usage(october).isEmpty());
        c.clock.now = Instant.parse("2026-11-10T12:00:00Z");
        RatedCall priced = new com.outboundcalls.rate.CallPricer(new InMemoryPorts.Prices().with("default", "FR", "JP",
                "MOBILE", "0.3000", Instant.parse("2026-01-01T00:00:00Z"), "asia")).reprice(c.rated.calls.get("far"),
                null).orElseThrow();
        assertTrue(c.rated.rerate(priced));

        Invoice november = c.runAt(LateCalls.DECEMBER_RUN);

        List<InvoiceLine> lines = LateCalls.usage(november);
        assertEquals(1, lines.size());
        assertEquals(YearMonth.of(2026, 10), lines.get(0).callsMonth());
        assertEquals(new BigDecimal("0.30"), lines.get(0).amount());
    }

    @Test
    void aCallRatedJustBeforeTheRunButInsideItsMarginGoesOnTheNextInvoice() {
        LateCalls c = new LateCalls();
        // Rated at 05:50 UTC on 1 November: after the cutoff (05:00 - 15 min), before the run itself.
        c.recordAt("2026-11-01T04:50:00Z", call("c1", "edge", 60, "MOBILE", "0.0450"));
        Invoice october = c.runAt(LateCalls.NOVEMBER_RUN);
        Invoice november = c.runAt(LateCalls.DECEMBER_RUN);

        assertTrue(LateCalls.usage(october).isEmpty(), october.lines().toString());
        assertEquals(YearMonth.of(2026, 10), LateCalls.usage(november).get(0).callsMonth());
        assertEquals(LateCalls.NOVEMBER_RUN.minus(InvoiceRun.RATING_MARGIN), october.usageCutoff());
    }

    @Test
    void theUsageDetailOfAnIssuedInvoiceIsNeverRewritten() {
        LateCalls c = new LateCalls();
        c.recordAt("2026-10-12T09:10:00Z", call("c1", "on-time", 60, "MOBILE", "0.0450"));
        c.runAt(LateCalls.NOVEMBER_RUN);
        String detail = c.exports.text("exports/invoices/2026-10/c1_usage.csv");
        c.recordAt("2026-11-03T10:00:00Z", call("c1", "late", 120, "MOBILE", "0.0450"));
        c.runAt(LateCalls.NOVEMBER_RUN.plus(java.time.Duration.ofDays(3)));
        assertEquals(detail, c.exports.text("exports/invoices/2026-10/c1_usage.csv"));
        assertTrue(!detail.contains("late"));
    }

    private static RatedCall callIn(String clientId, String id, String answeredAt, long seconds, String price) {
        Instant answered = Instant.parse(answeredAt);
        return new RatedCall(id, clientId, "spring", "ct-" + id, 1, "FR", "FR", "MOBILE", answered.minusSeconds(5),
                answered, answered.plusSeconds(seconds), seconds, new BigDecimal(price),
                Money.ratedCallAmount(seconds, new BigDecimal(price)), "v1", RatedCall.Status.RATED, null);
    }

    @Test
    void theRunOfTheMonthsLastEveningIssuesItsInvoiceThatDayAndACallRatedAfterGoesOnTheNext() {
        Instant lastEvening = Instant.parse("2026-10-31T22:30:00Z"); // 23:30 in Paris
        assertEquals(YearMonth.of(2026, 10), InvoiceRun.periodFor(lastEvening));
        assertEquals(YearMonth.of(2026, 10), InvoiceRun.periodFor(Instant.parse("2026-11-02T05:00:00Z")),
                "a retry the next days invoices the same month");
        LateCalls c = new LateCalls();
        c.recordAt("2026-10-31T21:00:00Z", call("c1", "before", 60, "MOBILE", "0.0450"));
        // Answered at 23:20 and rated at 23:40 in Paris: after the cutoff (23:15).
        c.recordAt("2026-10-31T22:40:00Z", callIn("c1", "last-minutes", "2026-10-31T22:20:00Z", 120, "0.0450"));
        Invoice october = c.runAt(lastEvening);

        assertEquals(LocalDate.of(2026, 10, 31), october.issueDate(), "issued at the end of the month");
        assertEquals(LocalDate.of(2026, 11, 30), october.dueDate());
        assertEquals(List.of(60L), LateCalls.usage(october).stream().map(InvoiceLine::billedSeconds).toList());
        Invoice november = c.runAt(Instant.parse("2026-11-30T22:30:00Z"));
        assertEquals(YearMonth.of(2026, 10), LateCalls.usage(november).get(0).callsMonth());
        assertEquals(120L, LateCalls.usage(november).get(0).billedSeconds());
    }
}
