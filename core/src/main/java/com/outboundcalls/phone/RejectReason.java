package com.outboundcalls.phone;

/** Why a row of a contact file was not stored. One reason per rejected row. */
public enum RejectReason {
    MISSING_PHONE,
    NOT_A_NUMBER,
    TOO_SHORT,
    TOO_LONG,
    INVALID_NUMBER,
    PREMIUM_RATE,
    DUPLICATE,
    OPPOSED,
    NO_CONSENT,
    MALFORMED_ROW
}
