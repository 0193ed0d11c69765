package com.outboundcalls.invoice;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The daily follow-up of unpaid invoices. Past its due date an invoice accrues its late penalty on what is
 * still owed; past the grace period its client's account is suspended, which stops the dialer; once nothing
 * is overdue past the grace period any more, the suspension is lifted. A dispute freezes its invoice's
 * dunning. Every step depends only on the store and the day, so running twice in a day changes nothing more.
 */
public final class Dunning {

    /**
     * What a day's run found and did; {@code warnings}: the overdue invoices still within the grace period, each
     * with the day its account is suspended if still unpaid (the client is told once).
     */
    public record Result(int overdue, int frozenByDispute, List<String> suspended, List<String> lifted,
                         Set<String> halfYearsWithoutRate, List<Warning> warnings) {
    }

    /** An overdue invoice that will suspend its account on {@code suspendsOn} if what is owed stays unpaid. */
    public record Warning(Invoice invoice, java.math.BigDecimal outstanding, LocalDate suspendsOn) {
    }

    private final InvoiceStore invoices;
    private final AccountSuspensions suspensions;
    private final LegalInterestRates rates;
    private final int graceDays;
    private final InvoicePublisher publisher;

    public Dunning(InvoiceStore invoices, AccountSuspensions suspensions, LegalInterestRates rates, int graceDays,
                   InvoicePublisher publisher) {
        if (graceDays < 0) {
            throw new IllegalArgumentException("grace period cannot be negative");
        }
        this.invoices = invoices;
        this.suspensions = suspensions;
        this.rates = rates;
        this.graceDays = graceDays;
        this.publisher = publisher;
    }

    public Result run(LocalDate today) {
        // Read once, and only when an account is to be suspended.
        java.util.function.Supplier<java.util.Map<String, List<String>>> sections = memoized(
                suspensions::invoicedOnParents);
        int overdue = 0;
        int frozen = 0;
        Set<String> missing = new TreeSet<>();
        Set<String> behind = new TreeSet<>();
        Set<YearMonth> periods = new TreeSet<>();
        List<String> suspended = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        // Only the invoices overdue today: those still within their terms change nothing, not even their journal.
        for (Receivable r : invoices.unpaidDueBefore(today)) {
            Invoice invoice = r.invoice();
            if (invoice.isPenaltyClaim()) {
                continue; // penalties bear no penalty, and do not suspend the account
            }
            periods.add(invoice.period());
            if (!today.isAfter(invoice.dueDate())) {
                continue;
            }
            if (r.disputed()) {
                frozen++;
                continue;
            }
            overdue++;
            LatePenalty penalty = r.penaltyThrough(today, rates);
            invoices.recordPenalty(invoice.number(), penalty);
            missing.addAll(penalty.missingHalfYears());
            if (!pastGrace(invoice, today)) {
                warnings.add(new Warning(invoice, r.outstanding(), invoice.dueDate().plusDays(graceDays + 1L)));
            } else {
                behind.add(invoice.clientId());
                if (suspensions.suspendForNonPayment(invoice.clientId(), "unpaid invoice " + invoice.number())) {
                    suspended.add(invoice.clientId());
                }
                // The sub-accounts invoiced on this invoice stop calling too (even when the parent was suspended
                // already: a run stopped between the two is made good by the next).
                for (String section : sections.get().getOrDefault(invoice.clientId(), List.of())) {
                    behind.add(section);
                    if (suspensions.suspendForNonPayment(section, "unpaid invoice " + invoice.number()
                            + " of " + invoice.clientId() + ", on which it is invoiced")) {
                        suspended.add(section);
                    }
                }
            }
        }
        List<String> lifted = new ArrayList<>();
        for (String clientId : suspensions.suspendedForNonPayment()) {
            if (!behind.contains(clientId) && suspensions.liftNonPaymentSuspension(clientId)) {
                lifted.add(clientId);
            }
        }
        for (YearMonth period : periods) {
            publisher.publishJournal(period, today);
        }
        return new Result(overdue, frozen, suspended, lifted, missing, warnings);
    }

    private static <T> java.util.function.Supplier<T> memoized(java.util.function.Supplier<T> source) {
        Object[] value = {null};
        return () -> {
            if (value[0] == null) {
                value[0] = source.get();
            }
            @SuppressWarnings("unchecked")
            T t = (T) value[0];
            return t;
        };
    }

    /**
     * Lifts the client's suspension at once if none of its invoices is overdue past the grace period. The
     * sub-accounts invoiced on its invoice are lifted by the next daily run.
     */
    public boolean liftIfSettled(String clientId, LocalDate today) {
        for (Receivable r : invoices.unpaidDueBefore(today.minusDays(graceDays))) {
            if (r.invoice().clientId().equals(clientId) && !r.invoice().isPenaltyClaim() && !r.disputed()
                    && pastGrace(r.invoice(), today)) {
                return false;
            }
        }
        return suspensions.liftNonPaymentSuspension(clientId);
    }

    private boolean pastGrace(Invoice invoice, LocalDate today) {
        return today.isAfter(invoice.dueDate().plusDays(graceDays));
    }
}
