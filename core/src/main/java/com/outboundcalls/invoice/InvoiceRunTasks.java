package com.outboundcalls.invoice;

import java.time.Instant;
import java.util.List;

/** Where the fanned-out invoice run's tasks are queued: a page of the directory to plan, accounts to invoice. */
public interface InvoiceRunTasks {

    void plan(PlanPage task);

    void invoice(List<InvoiceAccount> tasks);

    /** Plan the directory's page {@code page}, starting at {@code cursor} (null for the first). */
    record PlanPage(Instant scheduledTime, int page, String cursor) {
    }

    /** Invoice one billing account for the run at {@code scheduledTime}. */
    record InvoiceAccount(Instant scheduledTime, String clientId) {
    }
}
