package com.outboundcalls.invoice;

/**
 * Suspension of a client's account for non-payment, which stops its dialing. Only a suspension made here is
 * lifted here: one an operator made stays.
 */
public interface AccountSuspensions {

    /** Suspends an active account for this reason; false if it was not active (already suspended, terminated). */
    boolean suspendForNonPayment(String clientId, String reason);

    /** Reactivates an account suspended for non-payment; false if it was not suspended for that. */
    boolean liftNonPaymentSuspension(String clientId);

    /** Clients whose account is suspended for non-payment now. */
    java.util.List<String> suspendedForNonPayment();

    /**
     * The sub-accounts invoiced on each parent's invoice, by parent: an unpaid invoice suspends them with it, and
     * they are lifted with it.
     */
    java.util.Map<String, java.util.List<String>> invoicedOnParents();
}
