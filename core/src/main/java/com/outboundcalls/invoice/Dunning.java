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
 * A day's run goes in steps of {@link #PAGE} invoices or clients, so that no step grows with the business.
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

    /** How many years back an invoice can still be stored: the years kept after its own, and the year under way. */
    static final int INVOICES_STORED_YEARS = Invoice.YEARS_KEPT_AFTER_THEIR_YEAR + 1;

    /** How many invoices, or suspended clients, one step reads. */
    public static final int PAGE = 200;

    /** A day's run goes over the overdue invoices, then over the clients suspended for non-payment. */
    public enum Phase { OVERDUE, LIFT }

    /**
     * Where a day's run stands: which run ({@code run}, named when it started) and the step's place in it
     * ({@code index}, 0 for the first), its phase, the cursor of the page to read next (null for the first), and
     * the billing months whose invoices it found overdue (their journals are rewritten at the end). A step handed
     * on twice (the step before it taken again after it had handed this one on) has the same run and index.
     */
    public record Step(String run, int index, LocalDate day, Phase phase, String cursor, Set<YearMonth> periods) {
        public Step {
            if (index < 0) {
                throw new IllegalArgumentException("a step's index is 0 or more: " + index);
            }
            periods = Set.copyOf(periods);
        }

        /** What tells this step from every other, of this run and of any other; null for a step of no run. */
        public String id() {
            return run == null ? null : run + "/" + index;
        }

        /** The step after this one, of the same run. */
        Step then(Phase phase, String cursor, Set<YearMonth> periods) {
            return new Step(run, index + 1, day, phase, cursor, periods);
        }
    }

    /** Where a day's run hands its next step on (a queue whose messages come back to {@link #step}). */
    public interface Steps {
        void next(Step step);
    }

    /** What a step did, and the step that follows it (empty after the last). */
    public record Outcome(Result result, java.util.Optional<Step> next) {
    }

    private final InvoiceStore invoices;
    private final AccountSuspensions suspensions;
    private final LegalInterestRates rates;
    private final int graceDays;
    private final InvoicePublisher publisher;
    private final BehindClients behind;
    private final int pageSize;

    /** A run whose steps are made in one process: the clients behind are noted in memory. */
    public Dunning(InvoiceStore invoices, AccountSuspensions suspensions, LegalInterestRates rates, int graceDays,
                   InvoicePublisher publisher) {
        this(invoices, suspensions, rates, graceDays, publisher, BehindClients.inMemory(), PAGE);
    }

    /**
     * @param behind   where a run's steps note the clients behind, for the steps after them
     * @param pageSize how many invoices, or suspended clients, a step reads
     */
    public Dunning(InvoiceStore invoices, AccountSuspensions suspensions, LegalInterestRates rates, int graceDays,
                   InvoicePublisher publisher, BehindClients behind, int pageSize) {
        if (graceDays < 0) {
            throw new IllegalArgumentException("grace period cannot be negative");
        }
        if (pageSize < 1) {
            throw new IllegalArgumentException("a step reads at least one item");
        }
        this.invoices = invoices;
        this.suspensions = suspensions;
        this.rates = rates;
        this.graceDays = graceDays;
        this.publisher = publisher;
        this.behind = behind;
        this.pageSize = pageSize;
    }

    /**
     * The first step of a run for the day. {@code run} names the run: each of its steps carries it, so that a step
     * handed on twice is known for the same. A run started again under another name redoes the day.
     */
    public Step start(LocalDate today, String run) {
        return new Step(java.util.Objects.requireNonNull(run, "run"), 0, today, Phase.OVERDUE, null, Set.of());
    }

    /** A whole day's run, every step in this call: for one store in memory, and for the tests. */
    public Result run(LocalDate today) {
        Result total = new Result(0, 0, List.of(), List.of(), Set.of(), List.of());
        java.util.Optional<Step> step = java.util.Optional.of(start(today, "in-process-" + today));
        while (step.isPresent()) {
            Outcome outcome = step(step.get());
            total = merge(total, outcome.result());
            step = outcome.next();
        }
        return total;
    }

    /**
     * One step of a day's run. Over the overdue invoices: each accrues its penalty, warns its client within the
     * grace period, and past it suspends the client and the sub-accounts invoiced on it, and notes the client
     * behind for the day. Over the suspended clients: a client the day did not note behind is lifted; the last
     * step rewrites the journals of the months it met. A step delivered again redoes only what it did already.
     */
    public Outcome step(Step step) {
        return step.phase() == Phase.OVERDUE ? overdue(step) : lift(step);
    }

    private Outcome overdue(Step step) {
        LocalDate today = step.day();
        int overdue = 0;
        int frozen = 0;
        Set<String> missing = new TreeSet<>();
        Set<YearMonth> periods = new TreeSet<>(step.periods());
        List<String> suspended = new ArrayList<>();
        List<Warning> warnings = new ArrayList<>();
        InvoiceStore.Page<Receivable> page = invoices.unpaidDueBefore(today, step.cursor(), pageSize);
        // Only the invoices overdue today: those still within their terms change nothing, not even their journal.
        for (Receivable r : page.items()) {
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
                continue;
            }
            behind.markBehind(invoice.clientId(), today);
            if (suspensions.suspendForNonPayment(invoice.clientId(), "unpaid invoice " + invoice.number())) {
                suspended.add(invoice.clientId());
            }
            // The sub-accounts invoiced on this invoice stop calling too (even when the parent was suspended
            // already: a run stopped between the two is made good by the next).
            for (String section : suspensions.invoicedOn(invoice.clientId())) {
                behind.markBehind(section, today);
                if (suspensions.suspendForNonPayment(section, "unpaid invoice " + invoice.number()
                        + " of " + invoice.clientId() + ", on which it is invoiced")) {
                    suspended.add(section);
                }
            }
        }
        Step next = page.next() == null ? step.then(Phase.LIFT, null, periods)
                : step.then(Phase.OVERDUE, page.next(), periods);
        return new Outcome(new Result(overdue, frozen, suspended, List.of(), missing, warnings),
                java.util.Optional.of(next));
    }

    private Outcome lift(Step step) {
        LocalDate today = step.day();
        List<String> lifted = new ArrayList<>();
        InvoiceStore.Page<String> page = suspensions.suspendedForNonPayment(step.cursor(), pageSize);
        for (String clientId : page.items()) {
            if (!behind.wasBehind(clientId, today) && suspensions.liftNonPaymentSuspension(clientId)) {
                lifted.add(clientId);
            }
        }
        Result result = new Result(0, 0, List.of(), lifted, Set.of(), List.of());
        if (page.next() != null) {
            return new Outcome(result, java.util.Optional.of(step.then(Phase.LIFT, page.next(), step.periods())));
        }
        for (YearMonth period : step.periods()) {
            publisher.publishJournal(period, today);
        }
        return new Outcome(result, java.util.Optional.empty());
    }

    private static Result merge(Result a, Result b) {
        List<String> suspended = new ArrayList<>(a.suspended());
        suspended.addAll(b.suspended());
        List<String> lifted = new ArrayList<>(a.lifted());
        lifted.addAll(b.lifted());
        Set<String> missing = new TreeSet<>(a.halfYearsWithoutRate());
        missing.addAll(b.halfYearsWithoutRate());
        List<Warning> warnings = new ArrayList<>(a.warnings());
        warnings.addAll(b.warnings());
        return new Result(a.overdue() + b.overdue(), a.frozenByDispute() + b.frozenByDispute(), suspended, lifted,
                missing, warnings);
    }

    /**
     * Lifts the client's suspension at once if none of its invoices is overdue past the grace period. The
     * sub-accounts invoiced on its invoice are lifted by the next daily run. A client not suspended for non-payment
     * (most payments: those made on time) is told so by its account alone; a suspended one's invoices are read by
     * key, month by month from its first day of service, never the overdue invoices of every client.
     */
    public boolean liftIfSettled(String clientId, LocalDate today) {
        if (!suspensions.isSuspendedForNonPayment(clientId)) {
            return false;
        }
        YearMonth through = YearMonth.from(today);
        // Without a billing account to say when the client began, the months an invoice can still be stored in.
        YearMonth oldestStored = through.minusYears(INVOICES_STORED_YEARS);
        YearMonth from = suspensions.subscribedOn(clientId).map(YearMonth::from)
                .filter(first -> first.isAfter(oldestStored)).orElse(oldestStored);
        for (Receivable r : invoices.unpaidOf(clientId, from, through)) {
            if (!r.invoice().isPenaltyClaim() && !r.disputed() && pastGrace(r.invoice(), today)) {
                return false;
            }
        }
        return suspensions.liftNonPaymentSuspension(clientId);
    }

    private boolean pastGrace(Invoice invoice, LocalDate today) {
        return today.isAfter(invoice.dueDate().plusDays(graceDays));
    }
}
