package com.outboundcalls.invoice;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Suspension of a client's account for non-payment, which stops its dialing. Only a suspension made here is
 * lifted here: one an operator made stays.
 */
public interface AccountSuspensions {

    /** Suspends an active account for this reason; false if it was not active (already suspended, terminated). */
    boolean suspendForNonPayment(String clientId, String reason);

    /** Reactivates an account suspended for non-payment; false if it was not suspended for that. */
    boolean liftNonPaymentSuspension(String clientId);

    /** Whether the account is suspended for non-payment now (read by key). */
    boolean isSuspendedForNonPayment(String clientId);

    /**
     * The first day of service of the client's billing account, if it has one: its monthly invoices are of the
     * months from this one on.
     */
    Optional<LocalDate> subscribedOn(String clientId);

    /**
     * A page of the clients whose account is suspended for non-payment now, from the cursor a page before gave
     * (null for the first); a page may hold fewer than {@code limit} clients, even none, before the last.
     */
    InvoiceStore.Page<String> suspendedForNonPayment(String cursor, int limit);

    /** The sub-accounts invoiced on this parent's invoice: an unpaid invoice suspends them with it. */
    List<String> invoicedOn(String parentClientId);

}
