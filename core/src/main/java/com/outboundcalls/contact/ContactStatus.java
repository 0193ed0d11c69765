package com.outboundcalls.contact;

/** Where a contact stands in its campaign. */
public enum ContactStatus {
    /** Waiting in the hopper until its due time. */
    CALLABLE,
    /** Moved into the dial queue by the feeder, under a lease. */
    QUEUED,
    /** A call is in progress with Amazon Connect. */
    DIALING,
    /** A person answered. */
    REACHED,
    /** A person answered but the call could not be completed (hung up at once): reached, not tried again. */
    UNSUCCESSFUL,
    /** Every attempt allowed by the tariff failed. */
    NOT_REACHED,
    /** Never called: the number went on the opposition list after the contact was stored. */
    OPPOSED;

    public boolean isFinal() {
        return this == REACHED || this == UNSUCCESSFUL || this == NOT_REACHED || this == OPPOSED;
    }
}
