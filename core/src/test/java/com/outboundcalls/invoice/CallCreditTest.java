package com.outboundcalls.invoice;

import com.outboundcalls.money.Money;
import com.outboundcalls.rate.RatedCall;
import com.outboundcalls.testing.InMemoryBilling;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.NoSuchElementException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A disputed call credited by its Connect ContactId, on an October invoice of 128.90 fixed plus two calls. */
class CallCreditTest {

    private static final LegalInterestRates RATES = InvoiceCalculatorTest.RATES;
    private final InMemoryBilling.Directory billing = new InMemoryBilling.Directory()
            .with(InvoiceCalculatorTest.account(LocalDate.of(2026, 1, 1)));
    private final InMemoryBilling.Invoices invoices = new InMemoryBilling.Invoices();
    private final InMemoryPorts.RatedCalls calls = new InMemoryPorts.RatedCalls();
    private final InMemoryPorts.Objects exports = new InMemoryPorts.Objects();
    private final InvoicePublisher publisher = new InvoicePublisher(invoices, InvoiceDocuments.NONE, exports);
    private final FinanceDesk desk = new FinanceDesk(invoices, publisher, new Dunning(invoices, billing, RATES, 15,
            publisher), RATES, calls);
    private Invoice invoice;

    private static RatedCall call(String id, String clientId, long seconds, String price) {
        Instant answered = Instant.parse("2026-10-12T08:00:00Z");
        return new RatedCall(id, clientId, "spring", "ct-" + id, 1, "FR", "FR", "MOBILE", answered.minusSeconds(5),
                answered, answered.plusSeconds(seconds), seconds, new BigDecimal(price),
                Money.ratedCallAmount(seconds, new BigDecimal(price)), "v1", RatedCall.Status.RATED, null);
    }

    @BeforeEach
    void october() {
        calls.saveIfAbsent(call("disputed", "c1", 754, "0.0450"));
        calls.saveIfAbsent(call("other", "c1", 60, "0.0450"));
        calls.saveIfAbsent(call("someone-else", "c2", 60, "0.0450"));
        new InvoiceRun(billing, calls, invoices, InvoiceDocuments.NONE, exports, RATES)
                .run(Instant.parse("2026-11-01T05:00:00Z"));
        invoice = invoices.find("c1", YearMonth.of(2026, 10)).orElseThrow();
    }

    @Test
    void theCreditNoteNamesTheCallAndTheInvoiceLineAndCreditsItsAmountOnce() {
        Invoice credit = desk.creditCall(invoice.number(), "disputed", "appel non abouti selon le client",
                LocalDate.of(2026, 11, 10));

        // 754 s x 0.045 / 60 = 0.5655 -> 0.57; VAT 20 % = 0.114 -> 0.11.
        assertEquals(new BigDecimal("0.57"), credit.totalExclVat());
        assertEquals(new BigDecimal("0.11"), credit.vatAmount());
        String line = credit.lines().get(0).description();
        assertTrue(line.startsWith("Avoir sur l'appel disputed du 12/10/2026 10:00 (754 s à 0.0450 EUR HT la minute),"
                + " facturé sur la ligne « Appels sortants FR vers FR (MOBILE), 13 min 34 s » de la facture "
                + invoice.number() + " : appel non abouti"), line);
        assertEquals(credit, desk.creditCall(invoice.number(), "disputed", "appel non abouti selon le client",
                LocalDate.of(2026, 11, 11)), "asked again: the same credit note");
        assertEquals(1, invoices.all().stream().filter(Invoice::isCreditNote).count());
    }

    @Test
    void aCallNotBilledOnTheInvoiceIsRefusedWithItsReasonAndNothingIsIssued() {
        assertThrows(NoSuchElementException.class, () -> desk.creditCall(invoice.number(), "unknown", "x",
                LocalDate.of(2026, 11, 10)));
        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class, () -> desk.creditCall(
                invoice.number(), "someone-else", "x", LocalDate.of(2026, 11, 10)));
        assertTrue(foreign.getMessage().contains("is not c1's"), foreign.getMessage());
        assertTrue(invoices.all().stream().noneMatch(Invoice::isCreditNote));
    }

    @Test
    void aSubAccountsCallIsCreditedOnItsParentsInvoiceNamingItsSectionLine() {
        InMemoryBilling.Directory withSection = new InMemoryBilling.Directory()
                .with(InvoiceCalculatorTest.account(LocalDate.of(2026, 1, 1))).withSection("c1", "c1-outbound");
        InMemoryBilling.Invoices store = new InMemoryBilling.Invoices();
        InMemoryPorts.RatedCalls rated = new InMemoryPorts.RatedCalls();
        rated.saveIfAbsent(call("section-call", "c1-outbound", 120, "0.0450"));
        new InvoiceRun(withSection, rated, store, InvoiceDocuments.NONE, exports, RATES)
                .run(Instant.parse("2026-11-01T05:00:00Z"));
        Invoice parents = store.find("c1", YearMonth.of(2026, 10)).orElseThrow();
        InvoicePublisher publishing = new InvoicePublisher(store, InvoiceDocuments.NONE, exports);
        FinanceDesk sections = new FinanceDesk(store, publishing, new Dunning(store, withSection, RATES, 15,
                publishing), RATES, rated, clientId -> clientId.equals("c1-outbound")
                ? java.util.Optional.of(new FinanceDesk.InvoicedOn("c1", "c1-outbound")) : java.util.Optional.empty());

        Invoice credit = sections.creditCall(parents.number(), "section-call", "appel contesté",
                LocalDate.of(2026, 11, 10));

        assertEquals(new BigDecimal("0.09"), credit.totalExclVat()); // 120 s x 0.045 / 60
        assertTrue(credit.lines().get(0).description().contains("« Sous-compte c1-outbound : Appels sortants FR vers"
                + " FR (MOBILE), 2 min 00 s »"), credit.lines().get(0).description());
    }
}
