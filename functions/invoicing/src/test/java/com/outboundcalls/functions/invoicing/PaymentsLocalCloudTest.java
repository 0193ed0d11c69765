package com.outboundcalls.functions.invoicing;

import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.aws.DynamoInvoiceStore;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.invoice.Invoice;
import com.outboundcalls.invoice.InvoiceCalculator;
import com.outboundcalls.invoice.LegalInterestRates;
import com.outboundcalls.invoice.Payment;
import com.outboundcalls.invoice.Receivable;
import com.outboundcalls.invoice.UsageTotals;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Payments kept with their dates on the invoice's item in DynamoDB Local, so late interest falls from each. */
class PaymentsLocalCloudTest {

    private static final LegalInterestRates RATES = LegalInterestRates.parse("2025-H2=2.76,2026-H1=2.62");
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(Instant.parse("2025-12-01T05:00:00Z"))).start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void partPaymentsAreListedWithTheirDatesOnceEachAndTheInterestFallsFromEach() {
        DynamoInvoiceStore store = new DynamoInvoiceStore(cloud.dynamoDb(), cloud.physicalName("InvoicesTable"));
        // 1,000.00 excl. VAT, 1,200.00 incl. VAT, issued 22 November 2025, due 22 December 2025.
        BillingAccount account = new BillingAccount("acme", new BillingAccount.Plan("Sur mesure",
                new BigDecimal("1000.00")), null, null, null, LocalDate.of(2025, 1, 1), null, FacturXTest.BUYER, 30);
        Invoice invoice = store.issue(new InvoiceCalculator(RATES).draft(account, FacturXTest.PROVIDER,
                YearMonth.of(2025, 11), LocalDate.of(2025, 11, 22), new UsageTotals()).orElseThrow());
        assertEquals(new BigDecimal("1200.00"), invoice.totalInclVat());

        Payment first = new Payment(invoice.number(), new BigDecimal("700.00"), LocalDate.of(2026, 1, 1), "VIR-1");
        Payment second = new Payment(invoice.number(), new BigDecimal("500.00"), LocalDate.of(2026, 1, 11), "VIR-2");
        assertEquals(Payment.Outcome.RECORDED, store.recordPayment(first));
        assertEquals(Payment.Outcome.ALREADY_RECORDED, store.recordPayment(first));
        assertEquals(Payment.Outcome.RECORDED, store.recordPayment(second));

        Receivable paid = store.receivable(invoice.number()).orElseThrow();
        assertEquals(List.of(first, second), paid.payments());
        // 1200 x 10 days + 500 x 10 days, at 3 x 2.76 %: 17,000 x 8.28 / 36500 = 3.8564 -> 3.86.
        assertEquals(new BigDecimal("3.86"), paid.penaltyThrough(LocalDate.of(2026, 1, 11), RATES).interest());
        assertEquals(LocalDate.of(2026, 1, 11), paid.settledOn());
    }
}
