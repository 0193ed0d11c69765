package com.outboundcalls.invoice;

import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.Client;
import com.outboundcalls.rate.RatedCall;
import com.outboundcalls.rate.RatedCallStore;
import com.outboundcalls.report.ObjectSink;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The monthly run: for each client, the invoice of the month just ended, numbered and stored once, then
 * exported. A re-run finds the stored invoices and only rewrites their exports, byte for byte.
 */
public final class InvoiceRun {

    private final AccountDirectory accounts;
    private final RatedCallStore ratedCalls;
    private final InvoiceStore invoices;
    private final ObjectSink exports;
    private final InvoiceCalculator calculator = new InvoiceCalculator();

    public InvoiceRun(AccountDirectory accounts, RatedCallStore ratedCalls, InvoiceStore invoices,
                      ObjectSink exports) {
        this.accounts = accounts;
        this.ratedCalls = ratedCalls;
        this.invoices = invoices;
        this.exports = exports;
    }

    /** The month a run at this instant invoices: the one before it, in Paris time. */
    public static YearMonth periodFor(Instant runAt) {
        return YearMonth.from(runAt.atZone(RatedCall.BILLING_ZONE)).minusMonths(1);
    }

    public List<Invoice> run(Instant scheduledTime) {
        YearMonth period = periodFor(scheduledTime);
        LocalDate issueDate = scheduledTime.atZone(RatedCall.BILLING_ZONE).toLocalDate();
        List<Invoice> issued = new ArrayList<>();
        for (Client client : accounts.clients()) {
            issued.add(invoice(client, period, issueDate));
        }
        return issued;
    }

    public Invoice invoice(Client client, YearMonth period, LocalDate issueDate) {
        UsageTotals usage = new UsageTotals();
        InvoiceExports.UsageCsv csv = new InvoiceExports.UsageCsv();
        ratedCalls.forEachInMonth(client.clientId(), period, call -> {
            usage.add(call);
            csv.add(call);
        });
        Optional<Invoice> existing = invoices.find(client.clientId(), period);
        Invoice invoice = existing.orElseGet(() -> invoices.issue(calculator.draft(client, period, issueDate, usage)));
        exports.put(InvoiceExports.jsonKey(invoice), InvoiceExports.json(invoice), "application/json");
        exports.put(InvoiceExports.usageKey(client.clientId(), period), csv.bytes(), "text/csv; charset=utf-8");
        return invoice;
    }
}
