package com.outboundcalls.invoice;

import com.outboundcalls.files.ObjectSink;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Writes what finance pulls under {@code exports/invoices/{YYYY-MM}/}: each document's JSON and rendered files,
 * and has the month's journal (and European services declaration) and accounting entries rewritten
 * ({@link FinanceExports}) whenever a document or a status of that month changes. Every file is a function of the
 * store: writing it again writes the same content (the JSON, CSV and readable PDF the same bytes; a Factur-X file
 * carries the time it was assembled in its metadata).
 */
public final class InvoicePublisher {

    private final InvoiceDocuments documents;
    private final ObjectSink exports;
    private final FinanceExports monthFiles;

    /** The month's files rewritten within the caller's invocation, with the provider's chart of accounts. */
    public InvoicePublisher(InvoiceStore invoices, InvoiceDocuments documents, ObjectSink exports) {
        this(invoices, documents, exports, AccountingEntries.Accounts.parse(null));
    }

    /** The month's files rewritten within the caller's invocation. */
    public InvoicePublisher(InvoiceStore invoices, InvoiceDocuments documents, ObjectSink exports,
                            AccountingEntries.Accounts accounts) {
        this(documents, exports, FinanceExports.inProcess(invoices, exports, accounts));
    }

    public InvoicePublisher(InvoiceDocuments documents, ObjectSink exports, FinanceExports monthFiles) {
        this.documents = documents;
        this.exports = exports;
        this.monthFiles = monthFiles;
    }

    /**
     * Has a month's accounting entries (FEC) rewritten: the invoices, credit notes and penalty claims issued in it,
     * and the payments received in it.
     */
    public void publishAccounting(YearMonth month) {
        monthFiles.rewriteAccounting(month);
    }

    /**
     * The monthly run's last files: the period's journal, its accounting entries (the month just ended is closed:
     * its entries are complete) and, when the run is issued in the next month, that month's (begun with the
     * invoices just issued, rewritten as payments and credit notes come).
     */
    public void publishMonthClosed(YearMonth period, LocalDate issueDate) {
        monthFiles.rewriteJournal(period, issueDate);
        monthFiles.rewriteAccounting(period);
        if (!YearMonth.from(issueDate).equals(period)) {
            monthFiles.rewriteAccounting(YearMonth.from(issueDate));
        }
    }

    public void publish(Invoice document) {
        exports.put(InvoiceExports.jsonKey(document), InvoiceExports.json(document), "application/json");
        for (InvoiceDocuments.Rendered file : documents.render(document)) {
            exports.put(InvoiceExports.documentKey(document, file.suffix()), file.content(), file.contentType());
        }
    }

    /**
     * Has a month's journal rewritten with every document's status as of today, and its European services
     * declaration when a document of the month was invoiced under reverse charge.
     */
    public void publishJournal(YearMonth period, LocalDate today) {
        monthFiles.rewriteJournal(period, today);
    }
}
