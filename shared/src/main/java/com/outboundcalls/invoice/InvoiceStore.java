package com.outboundcalls.invoice;

import java.time.YearMonth;
import java.util.Optional;

/** Issued invoices. Numbering is continuous per year, allocated atomically with the invoice it numbers. */
public interface InvoiceStore {

    Optional<Invoice> find(String clientId, YearMonth period);

    /**
     * Numbers and stores a draft in one transaction. If the client's invoice for that period exists already
     * (a retry, a concurrent run), returns that one and allocates nothing.
     */
    Invoice issue(Invoice draft);
}
