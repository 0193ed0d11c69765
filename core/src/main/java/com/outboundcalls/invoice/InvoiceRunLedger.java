package com.outboundcalls.invoice;

import java.time.Instant;
import java.time.YearMonth;

/**
 * The record of a month's invoice run fanned out to one task per billing account: how many accounts its pages
 * planned, how many are done, and when it finished. Each page and each account counts once, however often its
 * task is delivered, so that "done = expected" means every account was invoiced (or had nothing due).
 */
public interface InvoiceRunLedger {

    /**
     * Opens the month's run if it is not open yet; a later opening (a retried schedule, a recheck) keeps the first.
     *
     * @return the run's scheduled time: the first opening's
     */
    Instant open(YearMonth period, Instant scheduledTime);

    /**
     * Counts the accounts of a planned page, once per page index; the last page ends the planning.
     *
     * @return false when that page was counted before
     */
    boolean planned(YearMonth period, int page, int accounts, boolean last);

    /** Whether the account's step was counted done. */
    boolean isDone(YearMonth period, String clientId);

    /** Counts an account's step done, once per account, and returns the run's progress after it. */
    Progress done(YearMonth period, String clientId);

    /** The run's progress; an unopened run has planned nothing. */
    Progress progress(YearMonth period);

    /** Records that the run's last step (its journal) was written. */
    void finished(YearMonth period, Instant at);

    /** Where a run stands. */
    record Progress(long expected, long done, boolean planningComplete, Instant finishedAt) {

        /** Every planned account is done: the run's last step may be taken. */
        public boolean allDone() {
            return planningComplete && done >= expected;
        }
    }
}
