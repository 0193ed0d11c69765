package com.outboundcalls.functions.invoicing;

import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.invoice.Invoice;
import com.outboundcalls.invoice.InvoiceCalculator;
import com.outboundcalls.invoice.LegalInterestRates;
import com.outboundcalls.invoice.Provider;
import com.outboundcalls.invoice.UsageTotals;
import com.outboundcalls.rate.RatedCall;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * An invoice nobody is sent: a made-up seller and buyer, a prorated month with calls at two rates. Before SnapStart's
 * snapshot, the invoicing functions render it in memory and drop it (see {@link #render}), so that the snapshot holds
 * PDFBox, Mustang and the invoice's arithmetic loaded and compiled, and the first invoice a restored sandbox issues
 * does not pay for them. It is never stored, numbered in a series or mailed: its number is not one of the series'.
 */
final class MadeUpInvoice {

    private static final LegalEntity SELLER = new LegalEntity("Priming SAS", "1 rue de l'Exemple", "75001", "Paris",
            "FR", "732829320", LegalEntity.frenchVatNumber("732829320"));
    private static final LegalEntity BUYER = new LegalEntity("Priming Client SARL", "2 rue de l'Exemple", "69002",
            "Lyon", "FR", "542107651", LegalEntity.frenchVatNumber("542107651"));

    private MadeUpInvoice() {
    }

    static Invoice invoice() {
        Provider provider = new Provider(SELLER, "SAS", "RCS Paris 732 829 320", "FR7630006000011234567890189",
                "AGRIFRPP", "priming@example.invalid");
        BillingAccount account = new BillingAccount("priming-nobody",
                new BillingAccount.Plan("Priming", new BigDecimal("49.00")),
                new BillingAccount.Units(1, new BigDecimal("5.00")), new BillingAccount.Units(1, new BigDecimal("12.50")),
                new BillingAccount.Units(1, new BigDecimal("39.90")), LocalDate.of(2026, 4, 19), null, BUYER, 30);
        UsageTotals usage = new UsageTotals();
        Instant answered = Instant.parse("2026-04-25T09:00:00Z");
        usage.add(call("a", "MOBILE", 1234, "0.0450", answered));
        usage.add(call("b", "FIXED_LINE", 123, "0.0120", answered));
        return new InvoiceCalculator(LegalInterestRates.parse("2026-H1=2.62")).draft(account, provider,
                YearMonth.of(2026, 4), LocalDate.of(2026, 5, 1), usage).orElseThrow().withNumber("PRIMING-1");
    }

    /** The made-up invoice rendered as Factur-X, in memory; the files are dropped. */
    static void render() {
        new FacturX().render(invoice());
    }

    private static RatedCall call(String id, String type, long seconds, String price, Instant answered) {
        return new RatedCall(id, "priming-nobody", "priming", "ct-" + id, 1, "FR", "FR", type,
                answered.minusSeconds(5), answered, answered.plusSeconds(seconds), seconds, new BigDecimal(price), null,
                "priming", RatedCall.Status.RATED, null);
    }
}
