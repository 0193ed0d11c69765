package com.outboundcalls.invoice;

import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.Client;
import com.outboundcalls.files.ObjectSink;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What the operators are warned of around the monthly run: a client that can place calls but has no billing
 * account (it would never be invoiced), and a run that has not left last month's journal by the morning.
 */
public final class InvoiceRunWatch {

    private final BillingDirectory billing;
    private final ObjectSink exports;

    public InvoiceRunWatch(BillingDirectory billing, ObjectSink exports) {
        this.billing = billing;
        this.exports = exports;
    }

    /** The clients of the directory that no billing account, nor a parent's invoice section, covers. */
    public List<String> clientsWithoutBillingAccount(AccountDirectory accounts) {
        Set<String> billed = new HashSet<>();
        billing.accounts().forEach(a -> billed.add(a.clientId()));
        billing.sectionsByParent().values().forEach(sections -> sections.forEach(s -> billed.add(s.clientId())));
        return accounts.clients().stream().map(Client::clientId).filter(id -> !billed.contains(id)).toList();
    }

    /**
     * Whether last month's run is late on this day: some account was subscribed during that month, and its
     * journal (the run's last output) is missing. A new stack has no last month to invoice.
     */
    public boolean runIsLate(LocalDate today) {
        YearMonth lastMonth = YearMonth.from(today).minusMonths(1);
        boolean due = billing.accounts().stream().anyMatch(a -> !a.subscribedOn().isAfter(lastMonth.atEndOfMonth())
                && (a.terminatedOn() == null || !a.terminatedOn().isBefore(lastMonth.atDay(1))));
        return due && !exports.exists(InvoiceExports.journalKey(lastMonth));
    }
}
