package com.outboundcalls.invoice;

import java.time.LocalDate;

/**
 * A client's contest of an invoice. Filed within 30 days of issue, it freezes the invoice's dunning (no
 * penalty accrues, no suspension) until it is resolved.
 */
public record Dispute(LocalDate filedOn, String reason, LocalDate resolvedOn) {

    public static final int FILING_DAYS = 30;

    public boolean open() {
        return resolvedOn == null;
    }

    /** What recording a dispute did. */
    public enum Outcome { RECORDED, ALREADY_OPEN, TOO_LATE, NOT_AN_INVOICE, UNKNOWN_INVOICE }
}
