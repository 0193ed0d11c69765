package com.outboundcalls.invoice;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * Issued invoices and credit notes, and their receivables. Numbering is continuous per year and per kind of
 * document, allocated atomically with the document it numbers.
 */
public interface InvoiceStore {

    Optional<Invoice> find(String clientId, YearMonth period);

    /**
     * Numbers and stores a draft invoice in one transaction. If the client's invoice for that period exists
     * already (a retry, a concurrent run), returns that one and allocates nothing.
     */
    Invoice issue(Invoice draft);

    Optional<Receivable> receivable(String number);

    /** The invoices and credit notes of a billing month, in number order. */
    List<Receivable> ofPeriod(YearMonth period);

    /** A page of a listing, and where the next one begins: null after the last. */
    record Page<T>(List<T> items, String next) {
        public Page {
            items = List.copyOf(items);
        }
    }

    /**
     * A page of a billing month's invoices and credit notes in number order, from the cursor a page before gave
     * (null for the first), at most {@code limit} documents.
     */
    Page<Receivable> ofPeriod(YearMonth period, String cursor, int limit);

    /**
     * A page of a month's accounting entries in the order of {@link AccountingEntries#ORDER}: the documents issued
     * in it (whatever month they bill), then the payments received in it, each with the invoice it pays.
     */
    Page<AccountingEntries.Entry> accountingEntries(YearMonth month, String cursor, int limit);

    /** Invoices with something still to pay, oldest due date first. */
    List<Receivable> unpaid();

    /**
     * Invoices with something still to pay whose due date is before the day, oldest first: those overdue on it.
     * Read by range of due date, so a month's invoices still within their terms are not read at all.
     */
    List<Receivable> unpaidDueBefore(java.time.LocalDate day);

    /**
     * A page of {@link #unpaidDueBefore(java.time.LocalDate)}, from the cursor a page before gave (null for the
     * first), at most {@code limit} documents. A document paid between two pages leaves the pages after it.
     */
    Page<Receivable> unpaidDueBefore(java.time.LocalDate day, String cursor, int limit);

    /**
     * The client's monthly invoices of the billing months {@code from} through {@code through} that have something
     * still to pay, oldest due date first (not its penalty claims or credit notes). Read by key, one month each: as
     * many reads as months, whatever the number of clients.
     */
    List<Receivable> unpaidOf(String clientId, YearMonth from, YearMonth through);

    /**
     * Numbers and stores a credit note against its invoice, adding it to the invoice's credited amounts in the
     * same transaction, provided they are still {@code creditedExclVatBefore}. The invoice number and the
     * request's reference identify it: asking again returns the credit note issued the first time.
     *
     * @throws java.util.ConcurrentModificationException if another credit note was issued meanwhile
     */
    Invoice issueCreditNote(Invoice draft, String reference, java.math.BigDecimal creditedExclVatBefore);

    /**
     * Numbers and stores the penalty claim of an invoice (its {@code corrects}); the one issued before when asked
     * again.
     */
    Invoice issuePenaltyClaim(Invoice draft);

    /** The credit note issued for this invoice under this reference, if any. */
    Optional<Invoice> creditNote(String invoiceNumber, String reference);

    /** Records a payment once per bank reference, and the day the invoice became settled by it. */
    Payment.Outcome recordPayment(Payment payment);

    Dispute.Outcome recordDispute(String invoiceNumber, Dispute dispute);

    /** Closes an open dispute; false if there was none. */
    boolean resolveDispute(String invoiceNumber, LocalDate resolvedOn);

    /** Keeps the late penalty computed by the daily dunning. */
    void recordPenalty(String invoiceNumber, LatePenalty penalty);
}
