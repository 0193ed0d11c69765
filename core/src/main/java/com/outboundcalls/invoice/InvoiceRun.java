package com.outboundcalls.invoice;

import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.files.ObjectSink;
import com.outboundcalls.rate.RatedCallStore;
import com.outboundcalls.time.Zones;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The monthly run: for each billing account, the invoice of the month just ended, numbered and stored once,
 * then exported with the month's journal. A re-run finds the stored invoices and only writes their exports
 * again, with the same content.
 */
public final class InvoiceRun {

    private final BillingDirectory billing;
    private final RatedCallStore ratedCalls;
    private final InvoiceStore invoices;
    private final ObjectSink exports;
    private final InvoicePublisher publisher;
    private final InvoiceCalculator calculator;

    public InvoiceRun(BillingDirectory billing, RatedCallStore ratedCalls, InvoiceStore invoices,
                      InvoiceDocuments documents, ObjectSink exports, LegalInterestRates rates) {
        this.billing = billing;
        this.ratedCalls = ratedCalls;
        this.invoices = invoices;
        this.exports = exports;
        this.publisher = new InvoicePublisher(invoices, documents, exports);
        this.calculator = new InvoiceCalculator(rates);
    }

    /** The month a run at this instant invoices: the one before it, in Paris time. */
    public static YearMonth periodFor(Instant runAt) {
        return YearMonth.from(runAt.atZone(Zones.BILLING)).minusMonths(1);
    }

    /**
     * What a run did: the invoices (issued now or found), and per client the calls of the month still unrated,
     * which no invoice could include (an operator publishes the missing price, then corrects next month).
     */
    public record Result(List<Invoice> invoices, Map<String, Long> unratedCalls) {
    }

    public Result run(Instant scheduledTime) {
        YearMonth period = periodFor(scheduledTime);
        LocalDate issueDate = scheduledTime.atZone(Zones.BILLING).toLocalDate();
        Provider seller = billing.provider();
        List<Invoice> issued = new ArrayList<>();
        Map<String, Long> unrated = new TreeMap<>();
        Map<String, List<BillingDirectory.Section>> sectionsByParent = billing.sectionsByParent();
        for (BillingAccount account : billing.accounts()) {
            UsageTotals usage = new UsageTotals();
            Map<String, UsageTotals> sections = new java.util.LinkedHashMap<>();
            invoice(account, sectionsByParent.getOrDefault(account.clientId(), List.of()), seller, period, issueDate,
                    usage, sections).ifPresent(issued::add);
            if (usage.unrated() > 0) {
                unrated.put(account.clientId(), usage.unrated());
            }
            sections.forEach((clientId, totals) -> {
                if (totals.unrated() > 0) {
                    unrated.put(clientId, totals.unrated());
                }
            });
        }
        publisher.publishJournal(period, issueDate);
        return new Result(issued, unrated);
    }

    /**
     * The account's invoice for the month, issued now or found from an earlier run, with its exports; empty if
     * nothing is due. The month's calls are summed into {@code usage}.
     */
    private Optional<Invoice> invoice(BillingAccount account, List<BillingDirectory.Section> sections, Provider seller,
                                      YearMonth period, LocalDate issueDate, UsageTotals usage,
                                      Map<String, UsageTotals> sectionUsage) {
        // The account's calls, then each sub-account's it invoices (each with its own usage detail).
        Map<String, InvoiceExports.UsageCsv> details = new java.util.LinkedHashMap<>();
        details.put(account.clientId(), usageOf(account.clientId(), period, usage));
        List<InvoiceCalculator.Section> parts = new ArrayList<>();
        for (BillingDirectory.Section section : sections) {
            UsageTotals totals = new UsageTotals();
            details.put(section.clientId(), usageOf(section.clientId(), period, totals));
            sectionUsage.put(section.clientId(), totals);
            parts.add(new InvoiceCalculator.Section(section.name(), totals));
        }
        Optional<Invoice> invoice = invoices.find(account.clientId(), period)
                .or(() -> calculator.draft(account, seller, period, issueDate, usage, parts).map(invoices::issue));
        invoice.ifPresent(i -> {
            publisher.publish(i);
            details.forEach((clientId, csv) -> exports.put(InvoiceExports.usageKey(clientId, period), csv.bytes(),
                    "text/csv; charset=utf-8"));
        });
        return invoice;
    }

    private InvoiceExports.UsageCsv usageOf(String clientId, YearMonth period, UsageTotals usage) {
        InvoiceExports.UsageCsv csv = new InvoiceExports.UsageCsv();
        ratedCalls.forEachInMonth(clientId, period, call -> {
            usage.add(call);
            csv.add(call);
        });
        return csv;
    }
}
