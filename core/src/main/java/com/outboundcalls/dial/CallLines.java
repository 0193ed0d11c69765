package com.outboundcalls.dial;

/** The Connect instance's concurrent-call capacity, shared by every dialer; one line per ClientToken. */
public interface CallLines {

    enum Claim { ACQUIRED, ALREADY_HELD, FULL }

    int active();

    Claim claim(String clientToken);

    /** Frees the line held for this token; doing it twice frees it once: true when this call freed it. */
    boolean release(String clientToken);

    /** A line in use: since when, and the Connect contact it carries once the call is recorded (else null). */
    record HeldLine(String clientToken, java.time.Instant heldSince, String connectContactId) {
    }

    /** Every line held now. */
    java.util.List<HeldLine> held();
}
