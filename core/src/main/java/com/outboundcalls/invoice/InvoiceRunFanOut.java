package com.outboundcalls.invoice;

import com.outboundcalls.account.BillingAccount;

import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The monthly run in bounded steps, whatever the number of clients. The schedule opens the run and queues the
 * directory's first page; each page's task counts and queues its accounts, then the next page; each account's
 * task invoices that account ({@link InvoiceRun#invoiceAccount}). The task that finds every planned account done
 * takes the run's last step ({@link InvoiceRun#close}): the month's journal, which the late-run alarm looks for.
 *
 * <p>Every task may be delivered again: a page counts once, an account counts once, an invoice is issued once,
 * and the last step writes the same files each time it is taken.
 */
public final class InvoiceRunFanOut {

    /** About how many directory entries one page's task reads. */
    public static final int PAGE_SIZE = 500;

    private final InvoiceRun run;
    private final BillingDirectory billing;
    private final InvoiceRunLedger ledger;
    private final InvoiceRunTasks tasks;
    private final Clock clock;
    private final int pageSize;

    public InvoiceRunFanOut(InvoiceRun run, BillingDirectory billing, InvoiceRunLedger ledger, InvoiceRunTasks tasks,
                            Clock clock) {
        this(run, billing, ledger, tasks, clock, PAGE_SIZE);
    }

    public InvoiceRunFanOut(InvoiceRun run, BillingDirectory billing, InvoiceRunLedger ledger, InvoiceRunTasks tasks,
                            Clock clock, int pageSize) {
        this.run = run;
        this.billing = billing;
        this.ledger = ledger;
        this.tasks = tasks;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /**
     * The schedule's step: opens the month's run and queues its first page, with the run's first scheduled time. A
     * later call (the schedule retried, the hourly rechecks of the next morning) plans the pages again unless the
     * run has finished: a task that was lost is queued again, and the accounts already done are skipped.
     *
     * @return the run's month, or empty when it has finished already
     */
    public static Optional<YearMonth> start(InvoiceRunLedger ledger, InvoiceRunTasks tasks, Instant scheduledTime) {
        YearMonth period = InvoiceRun.periodFor(scheduledTime);
        Instant runAt = ledger.open(period, scheduledTime);
        if (ledger.progress(period).finishedAt() != null) {
            return Optional.empty();
        }
        tasks.plan(new InvoiceRunTasks.PlanPage(runAt, 0, null));
        return Optional.of(period);
    }

    /**
     * What a page's task did: the accounts it queued, the clients of the page no billing account covers (they
     * would never be invoiced), and whether it was the last page.
     */
    public record Planned(int accounts, List<String> clientsWithoutBillingAccount, boolean last, boolean closedRun) {
    }

    /** A page's step: counts its accounts, queues them, then the next page. */
    public Planned plan(InvoiceRunTasks.PlanPage task) {
        YearMonth period = InvoiceRun.periodFor(task.scheduledTime());
        BillingDirectory.Page page = billing.page(task.cursor(), pageSize);
        boolean last = page.next() == null;
        // Counted before the tasks are queued: an account can never be done before it is expected.
        ledger.planned(period, task.page(), page.accounts().size(), last);
        List<InvoiceRunTasks.InvoiceAccount> accounts = new ArrayList<>();
        page.accounts().forEach(a -> accounts.add(new InvoiceRunTasks.InvoiceAccount(task.scheduledTime(),
                a.clientId())));
        if (!accounts.isEmpty()) {
            tasks.invoice(accounts);
        }
        boolean closed = false;
        if (!last) {
            tasks.plan(new InvoiceRunTasks.PlanPage(task.scheduledTime(), task.page() + 1, page.next()));
        } else if (ledger.progress(period).allDone()) {
            // Every account was done before planning ended (or there is none): no account's task will close it.
            close(period, task.scheduledTime());
            closed = true;
        }
        return new Planned(accounts.size(), withoutBillingAccount(page), last, closed);
    }

    /**
     * What an account's task did: its step's result (empty when the account was done before, or when no billing
     * account has that client id, then nothing counted), and whether it closed the run.
     */
    public record Invoiced(Optional<InvoiceRun.AccountResult> result, boolean closedRun) {
    }

    /** An account's step, then the run's last step if this was the last account. */
    public Invoiced invoice(InvoiceRunTasks.InvoiceAccount task) {
        YearMonth period = InvoiceRun.periodFor(task.scheduledTime());
        Optional<BillingAccount> account = billing.account(task.clientId());
        if (account.isEmpty()) {
            // Not an account the run planned (billing accounts are kept with the invoices): counting it would let
            // the run close before the accounts it did plan.
            return new Invoiced(Optional.empty(), false);
        }
        Optional<InvoiceRun.AccountResult> result = Optional.empty();
        InvoiceRunLedger.Progress progress;
        if (ledger.isDone(period, task.clientId())) {
            // Queued again by a recheck, or delivered again: its invoice and documents are written.
            progress = ledger.progress(period);
        } else {
            result = Optional.of(run.invoiceAccount(account.get(), task.scheduledTime()));
            progress = ledger.done(period, task.clientId());
        }
        boolean closed = false;
        // A task delivered again after the run finished leaves it alone; one that counted the last account and
        // failed before closing finds it unfinished, and closes it.
        if (progress.allDone() && progress.finishedAt() == null) {
            close(period, task.scheduledTime());
            closed = true;
        }
        return new Invoiced(result, closed);
    }

    private void close(YearMonth period, Instant scheduledTime) {
        run.close(scheduledTime);
        ledger.finished(period, clock.instant());
    }

    /** The page's clients that neither a billing account nor a parent's invoice section covers. */
    private List<String> withoutBillingAccount(BillingDirectory.Page page) {
        Set<String> billed = new HashSet<>();
        page.accounts().forEach(a -> billed.add(a.clientId()));
        List<String> unbilled = new ArrayList<>();
        for (BillingDirectory.ClientEntry client : page.clients()) {
            if (client.parentClientId() == null && !billed.contains(client.clientId())
                    && billing.account(client.clientId()).isEmpty()) {
                unbilled.add(client.clientId());
            }
        }
        return unbilled;
    }
}
