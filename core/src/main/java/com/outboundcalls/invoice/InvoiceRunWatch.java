package com.outboundcalls.invoice;

import com.outboundcalls.files.ObjectSink;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * What the operators are warned of after the monthly run: a run that has not left last month's journal by the
 * morning. (The clients no billing account covers are reported by the run's pages: {@link InvoiceRunFanOut}.)
 */
public final class InvoiceRunWatch {

    private final BillingDirectory billing;
    private final ObjectSink exports;

    public InvoiceRunWatch(BillingDirectory billing, ObjectSink exports) {
        this.billing = billing;
        this.exports = exports;
    }

    /**
     * Whether last month's run is late on this day: some account was subscribed during that month, and its
     * journal (the run's last output) is missing. A new stack has no last month to invoice.
     */
    public boolean runIsLate(LocalDate today) {
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        if (exports.exists(InvoiceExports.journalKey(lastMonth))) {
            // Every morning after a run that finished: one look, whatever the number of accounts.
            return false;
        }
        return billing.accounts().stream().anyMatch(a -> !a.subscribedOn().isAfter(lastMonth.atEndOfMonth())
                && (a.terminatedOn() == null || !a.terminatedOn().isBefore(lastMonth.atDay(1))));
    }
}
