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
 * then exported with the month's journal. A re-run finds the stored invoices and only writes their documents
 * again, with the same content; an issued invoice's usage detail is never rewritten.
 *
 * <p>Every call is billed once, late or not. An invoice bills the month's calls whose rating was recorded before
 * its cutoff ({@link #RATING_MARGIN} before the scheduled run), and the calls of earlier months recorded between
 * the previous invoice's cutoff and its own: a call rated after its month was invoiced (a late contact event, a
 * price published later, a message replayed from a dead-letter queue) goes on the next invoice, in lines marked
 * with its month. The cutoffs of a client's successive invoices split time without gap or overlap.
 */
public final class InvoiceRun {

    /**
     * How long before the scheduled run the usage is cut: longer than any rating in flight takes to be written
     * (the rater's timeout is a minute) and than its index takes to show it.
     */
    public static final java.time.Duration RATING_MARGIN = java.time.Duration.ofMinutes(15);

    private final BillingDirectory billing;
    private final RatedCallStore ratedCalls;
    private final InvoiceStore invoices;
    private final ObjectSink exports;
    private final InvoicePublisher publisher;
    private final InvoiceCalculator calculator;

    public InvoiceRun(BillingDirectory billing, RatedCallStore ratedCalls, InvoiceStore invoices,
                      InvoiceDocuments documents, ObjectSink exports, LegalInterestRates rates) {
        this(billing, ratedCalls, invoices, new InvoicePublisher(invoices, documents, exports), exports, rates);
    }

    public InvoiceRun(BillingDirectory billing, RatedCallStore ratedCalls, InvoiceStore invoices,
                      InvoicePublisher publisher, ObjectSink exports, LegalInterestRates rates) {
        this.billing = billing;
        this.ratedCalls = ratedCalls;
        this.invoices = invoices;
        this.exports = exports;
        this.publisher = publisher;
        this.calculator = new InvoiceCalculator(rates);
    }

    /**
     * The month a run at this instant invoices: the one ending at it (the run on the month's last evening, as the
     * terms say "en fin de mois") or just ended (a retry or a late run in the first days of the next month), in
     * Paris time.
     */
    public static YearMonth periodFor(Instant runAt) {
        return YearMonth.from(runAt.atZone(Zones.BILLING).plusHours(12)).minusMonths(1);
    }

    /**
     * What a run did: the invoices (issued now or found), and per client the calls of the month still unrated,
     * which no invoice could include (an operator publishes the missing price, then corrects next month).
     */
    public record Result(List<Invoice> invoices, Map<String, Long> unratedCalls, Map<String, Long> lateCalls) {
        public Result(List<Invoice> invoices, Map<String, Long> unratedCalls) {
            this(invoices, unratedCalls, Map.of());
        }
    }

    /**
     * The whole run in one go: each billing account in turn, then the month's journal and accounting entries.
     * The deployed run is fanned out instead ({@link InvoiceRunFanOut}): one task per account, the same steps.
     */
    public Result run(Instant scheduledTime) {
        List<Invoice> issued = new ArrayList<>();
        Map<String, Long> unrated = new TreeMap<>();
        Map<String, Long> late = new TreeMap<>();
        Map<String, List<BillingDirectory.Section>> sectionsByParent = billing.sectionsByParent();
        Provider seller = billing.provider();
        for (BillingAccount account : billing.accounts()) {
            AccountResult result = invoiceAccount(account, sectionsByParent.getOrDefault(account.clientId(),
                    List.of()), seller, scheduledTime);
            result.invoice().ifPresent(issued::add);
            unrated.putAll(result.unratedCalls());
            late.putAll(result.lateCalls());
        }
        close(scheduledTime);
        return new Result(issued, unrated, late);
    }

    /**
     * What one account's step did: its invoice (issued now or found), and per client it covers the month's calls
     * still unrated and the late calls it billed.
     */
    public record AccountResult(Optional<Invoice> invoice, Map<String, Long> unratedCalls,
                                Map<String, Long> lateCalls) {
    }

    /** One account's step of the run at {@code scheduledTime}: its invoice and exports, with its sections'. */
    public AccountResult invoiceAccount(BillingAccount account, Instant scheduledTime) {
        return invoiceAccount(account, billing.sectionsOf(account.clientId()), billing.provider(), scheduledTime);
    }

    private AccountResult invoiceAccount(BillingAccount account, List<BillingDirectory.Section> sections,
                                         Provider seller, Instant scheduledTime) {
        YearMonth period = periodFor(scheduledTime);
        LocalDate issueDate = scheduledTime.atZone(Zones.BILLING).toLocalDate();
        Map<String, UsageTotals> usage = new java.util.LinkedHashMap<>();
        Optional<Invoice> invoice = invoice(account, sections, seller, period, issueDate,
                scheduledTime.minus(RATING_MARGIN), usage);
        Map<String, Long> unrated = new TreeMap<>();
        Map<String, Long> late = new TreeMap<>();
        usage.forEach((clientId, totals) -> {
            if (totals.unrated() > 0) {
                unrated.put(clientId, totals.unrated());
            }
            if (totals.lateCalls() > 0) {
                late.put(clientId, totals.lateCalls());
            }
        });
        return new AccountResult(invoice, unrated, late);
    }

    /**
     * The run's last step, once every account's is done: the month's journal and accounting entries
     * ({@link InvoicePublisher#publishMonthClosed}). Running it again writes the same files.
     */
    public void close(Instant scheduledTime) {
        publisher.publishMonthClosed(periodFor(scheduledTime), scheduledTime.atZone(Zones.BILLING).toLocalDate());
    }

    /**
     * The account's invoice for the month, issued now or found from an earlier run, with its exports; empty if
     * nothing is due. The calls it bills are summed into {@code usage}, per client (the account's, then each
     * sub-account's it invoices).
     */
    private Optional<Invoice> invoice(BillingAccount account, List<BillingDirectory.Section> sections, Provider seller,
                                      YearMonth period, LocalDate issueDate, Instant cutoff,
                                      Map<String, UsageTotals> usage) {
        Optional<Invoice> stored = invoices.find(account.clientId(), period);
        if (stored.isEmpty() && invoices.find(account.clientId(), period.plusMonths(1)).isPresent()) {
            // The next month is invoiced already and billed as late what this month would bill: issuing it now
            // would bill those calls twice. An operator corrects the missed month's fixed part by hand.
            return Optional.empty();
        }
        Instant until = stored.map(Invoice::usageCutoffOrDefault).orElse(cutoff);
        Instant from = previousCutoff(account, period);
        Map<String, InvoiceExports.UsageCsv> details = new java.util.LinkedHashMap<>();
        List<String> clientIds = new ArrayList<>(List.of(account.clientId()));
        sections.forEach(section -> clientIds.add(section.clientId()));
        for (String clientId : clientIds) {
            UsageTotals totals = new UsageTotals();
            details.put(clientId, usageOf(clientId, period, from, until, totals));
            usage.put(clientId, totals);
        }
        List<InvoiceCalculator.Section> parts = new ArrayList<>();
        for (BillingDirectory.Section section : sections) {
            parts.add(new InvoiceCalculator.Section(section.name(), usage.get(section.clientId())));
        }
        Optional<Invoice> invoice = stored.or(() -> calculator.draft(account, seller, period, issueDate,
                usage.get(account.clientId()), parts).map(draft -> invoices.issue(draft.withUsageCutoff(cutoff))));
        invoice.ifPresent(i -> {
            publisher.publish(i);
            // The usage detail of an issued invoice is frozen: written once, never rewritten by a re-run.
            details.forEach((clientId, csv) -> {
                String key = InvoiceExports.usageKey(clientId, period);
                if (!exports.exists(key)) {
                    exports.put(key, csv.bytes(), "text/csv; charset=utf-8");
                }
            });
        });
        return invoice;
    }

    /**
     * Where this invoice's window of late calls starts: the cutoff of the account's latest invoice before this
     * month (at most back to its subscription), or the beginning of time for its first.
     */
    private Instant previousCutoff(BillingAccount account, YearMonth period) {
        YearMonth first = YearMonth.from(account.subscribedOn()).minusMonths(1);
        for (YearMonth month = period.minusMonths(1); !month.isBefore(first); month = month.minusMonths(1)) {
            Optional<Invoice> previous = invoices.find(account.clientId(), month);
            if (previous.isPresent()) {
                return previous.get().usageCutoffOrDefault();
            }
        }
        return Instant.EPOCH;
    }

    /**
     * The calls an invoice for {@code period} bills for one client: the month's own, recorded before
     * {@code until}; and earlier months' rated calls recorded in [{@code from}, {@code until}).
     */
    private InvoiceExports.UsageCsv usageOf(String clientId, YearMonth period, Instant from, Instant until,
                                            UsageTotals usage) {
        InvoiceExports.UsageCsv csv = new InvoiceExports.UsageCsv();
        ratedCalls.forEachInMonth(clientId, period, call -> {
            if (call.recordedAt() == null || call.recordedAt().isBefore(until)) {
                usage.add(call);
                csv.add(call);
            }
        });
        ratedCalls.forEachRecordedBetween(clientId, from, until, call -> {
            if (call.billingMonth().isBefore(period) && call.status() == com.outboundcalls.rate.RatedCall.Status.RATED) {
                usage.addLate(call);
                csv.add(call);
            }
        });
        return csv;
    }
}
