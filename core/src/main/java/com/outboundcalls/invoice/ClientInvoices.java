package com.outboundcalls.invoice;

import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * A client's own invoices and credit notes, as its space shows them: another client's document does not exist
 * for it (the same answer as a number that was never issued).
 */
public final class ClientInvoices {

    private final InvoiceStore invoices;

    public ClientInvoices(InvoiceStore invoices) {
        this.invoices = invoices;
    }

    /** The client's documents of a billing month, in number order. */
    public List<Receivable> month(String clientId, YearMonth period) {
        return invoices.ofPeriod(period).stream().filter(r -> r.invoice().clientId().equals(clientId)).toList();
    }

    /** One of the client's documents. */
    public Optional<Receivable> document(String clientId, String number) {
        return invoices.receivable(number).filter(r -> r.invoice().clientId().equals(clientId));
    }
}
