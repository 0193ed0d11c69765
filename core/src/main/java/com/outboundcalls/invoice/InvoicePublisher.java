package com.outboundcalls.invoice;

import com.outboundcalls.files.ObjectSink;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what finance pulls under {@code exports/invoices/{YYYY-MM}/}: each document's JSON and rendered files,
 * and the month's journal (and European services declaration), rewritten whenever a document or a status of that month changes. Every file is a
 * function of the store: writing it again writes the same content (the JSON, CSV and readable PDF the same
 * bytes; a Factur-X file carries the time it was assembled in its metadata).
 */
public final class InvoicePublisher {

    private final InvoiceStore invoices;
    private final InvoiceDocuments documents;
    private final ObjectSink exports;
    private final AccountingEntries.Accounts accounts;

    public InvoicePublisher(InvoiceStore invoices, InvoiceDocuments documents, ObjectSink exports) {
        this(invoices, documents, exports, AccountingEntries.Accounts.parse(null));
    }

    public InvoicePublisher(InvoiceStore invoices, InvoiceDocuments documents, ObjectSink exports,
                            AccountingEntries.Accounts accounts) {
        this.invoices = invoices;
        this.documents = documents;
        this.exports = exports;
        this.accounts = accounts;
    }

    /**
     * Rewrites a month's accounting entries (FEC): the invoices, credit notes and penalty claims issued in it, and
     * the payments received in it.
     */
    public void publishAccounting(YearMonth month) {
        publishAccounting(month, invoices::ofPeriod);
    }

    private void publishAccounting(YearMonth month, java.util.function.Function<YearMonth, List<Receivable>> ofPeriod) {
        java.util.List<Invoice> documents = new java.util.ArrayList<>();
        for (YearMonth period : java.util.List.of(month.minusMonths(1), month)) {
            ofPeriod.apply(period).stream().map(Receivable::invoice)
                    .filter(i -> YearMonth.from(i.issueDate()).equals(month)).forEach(documents::add);
        }
        java.util.List<AccountingEntries.PaymentOf> payments = new java.util.ArrayList<>();
        for (Payment payment : invoices.paymentsReceivedIn(month)) {
            Receivable r = invoices.receivable(payment.invoiceNumber()).orElseThrow(() -> new IllegalStateException(
                    "payment " + payment.bankReference() + " of an unknown invoice " + payment.invoiceNumber()));
            payments.add(new AccountingEntries.PaymentOf(payment, r.invoice()));
        }
        exports.put(InvoiceExports.fecKey(month), AccountingEntries.fec(documents, payments, accounts),
                "text/plain; charset=utf-8");
    }

    /**
     * The monthly run's last files: the period's journal, its accounting entries (the month just ended is closed:
     * its entries are complete) and, when the run is issued in the next month, that month's (begun with the
     * invoices just issued, rewritten as payments and credit notes come). Each month's documents are read once.
     */
    public void publishMonthClosed(YearMonth period, LocalDate issueDate) {
        Map<YearMonth, List<Receivable>> read = new HashMap<>();
        java.util.function.Function<YearMonth, List<Receivable>> ofPeriod = p -> read.computeIfAbsent(p,
                invoices::ofPeriod);
        publishJournal(period, issueDate, ofPeriod.apply(period));
        publishAccounting(period, ofPeriod);
        if (!YearMonth.from(issueDate).equals(period)) {
            publishAccounting(YearMonth.from(issueDate), ofPeriod);
        }
    }

    public void publish(Invoice document) {
        exports.put(InvoiceExports.jsonKey(document), InvoiceExports.json(document), "application/json");
        for (InvoiceDocuments.Rendered file : documents.render(document)) {
            exports.put(InvoiceExports.documentKey(document, file.suffix()), file.content(), file.contentType());
        }
    }

    /**
     * Rewrites a month's journal with every document's status as of today, and its European services declaration
     * when a document of the month was invoiced under reverse charge.
     */
    public void publishJournal(YearMonth period, LocalDate today) {
        publishJournal(period, today, invoices.ofPeriod(period));
    }

    private void publishJournal(YearMonth period, LocalDate today, List<Receivable> documents) {
        exports.put(InvoiceExports.journalKey(period), FinanceJournal.csv(documents, today),
                "text/csv; charset=utf-8");
        if (!EuropeanServicesDeclaration.amounts(documents).isEmpty()) {
            exports.put(InvoiceExports.desKey(period), EuropeanServicesDeclaration.csv(documents),
                    "text/csv; charset=utf-8");
        }
    }
}
