package com.outboundcalls.invoice;

import com.outboundcalls.account.Client;
import com.outboundcalls.rate.RatedCall;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InvoiceCalculatorTest {

    private static final Client CLIENT = new Client("c1", "Client", "FR", new BigDecimal("49.00"),
            new Client.Tariff(3, Duration.ofHours(2)), Client.AccountStatus.ACTIVE, null);
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final LocalDate ISSUED = LocalDate.of(2026, 11, 1);

    private static RatedCall call(String id, String dest, String type, long seconds, String price) {
        Instant answered = Instant.parse("2026-10-05T09:00:00Z");
        return new RatedCall(id, "c1", "camp", "ct-" + id, 1, "FR", dest, type, answered.minusSeconds(5), answered,
                answered.plusSeconds(seconds), seconds, new BigDecimal(price), null, "v1", RatedCall.Status.RATED, null);
    }

    @Test
    void usageLinesSumSecondsPerRateBeforeRoundingOnce() {
        UsageTotals usage = new UsageTotals();
        // Three calls of 1 s at 0.0450: each would round to 0.00; summed, 3 s = 0.00225 -> 0.00 still,
        // but 200 calls of 1 s = 200 s = 0.15 exactly: rounding per call would give 0.
        for (int i = 0; i < 200; i++) {
            usage.add(call("m" + i, "FR", "MOBILE", 1, "0.0450"));
        }
        usage.add(call("f1", "FR", "FIXED_LINE", 61, "0.0120"));
        usage.add(call("f2", "FR", "FIXED_LINE", 62, "0.0120"));
        Invoice invoice = new InvoiceCalculator().draft(CLIENT, OCTOBER, ISSUED, usage);

        assertEquals(3, invoice.lines().size());
        InvoiceLine fixed = invoice.lines().get(0);
        assertEquals(InvoiceLine.Kind.FIXED, fixed.kind());
        assertEquals(new BigDecimal("49.00"), fixed.amount());
        // FR FIXED_LINE: 123 s x 0.012 / 60 = 0.0246 -> 0.02
        InvoiceLine fixedLine = invoice.lines().get(1);
        assertEquals(123L, fixedLine.billedSeconds());
        assertEquals(new BigDecimal("0.02"), fixedLine.amount());
        // FR MOBILE: 200 s x 0.045 / 60 = 0.15
        InvoiceLine mobile = invoice.lines().get(2);
        assertEquals(200L, mobile.billedSeconds());
        assertEquals(new BigDecimal("0.15"), mobile.amount());
        assertEquals(new BigDecimal("49.17"), invoice.totalExclVat());
        // VAT 20 % of 49.17 = 9.834 -> 9.83
        assertEquals(new BigDecimal("9.83"), invoice.vatAmount());
        assertEquals(new BigDecimal("59.00"), invoice.totalInclVat());
        assertEquals(LocalDate.of(2026, 12, 1), invoice.dueDate());
    }

    @Test
    void halfACentRoundsUp() {
        UsageTotals usage = new UsageTotals();
        // 15 s at 0.0100 = 0.0025 -> 0.00; 30 s at 0.0100 = 0.005 -> 0.01 (half up)
        usage.add(call("a", "BE", "MOBILE", 30, "0.0100"));
        Invoice invoice = new InvoiceCalculator().draft(CLIENT, OCTOBER, ISSUED, usage);
        assertEquals(new BigDecimal("0.01"), invoice.lines().get(1).amount());
    }

    @Test
    void aMonthWithoutCallsIsTheSubscriptionAlone() {
        Invoice invoice = new InvoiceCalculator().draft(CLIENT, OCTOBER, ISSUED, new UsageTotals());
        assertEquals(1, invoice.lines().size());
        assertEquals(new BigDecimal("49.00"), invoice.totalExclVat());
        assertEquals(new BigDecimal("9.80"), invoice.vatAmount());
        assertEquals(new BigDecimal("58.80"), invoice.totalInclVat());
    }

    @Test
    void unansweredAndUnratedCallsAddNoUsageLine() {
        UsageTotals usage = new UsageTotals();
        usage.add(call("zero", "FR", "MOBILE", 0, "0.0450"));
        Instant t = Instant.parse("2026-10-05T09:00:00Z");
        usage.add(new RatedCall("u", "c1", "camp", "ct-u", 1, "FR", "ZZ", "UNKNOWN", t, t, t.plusSeconds(30), 30,
                null, null, null, RatedCall.Status.UNRATED, "no price"));
        Invoice invoice = new InvoiceCalculator().draft(CLIENT, OCTOBER, ISSUED, usage);
        assertEquals(1, invoice.lines().size());
        assertEquals(1, usage.unrated());
        assertEquals(2, usage.calls());
    }
}
