package com.outboundcalls.rate;

import java.util.Locale;
import java.util.Optional;

/** How the agent says a conversation ended (the {@code disposition} contact attribute). */
public enum Disposition {
    /** Reached, the call carried out. */
    COMPLETED,
    /** Reached ("infructueux"): the call could not be carried out. */
    UNSUCCESSFUL,
    /** Someone else answered: the number does not reach the callee, no further attempt. */
    WRONG_PERSON,
    /** The callee asked to be called back, at the local date and time in {@code callback_at}. */
    CALLBACK,
    /** The callee refused: on the opposition list, and no prospecting call for 60 days (décret 2022-1313). */
    REFUSED,
    /** The callee asked never to be called again: on the opposition list. */
    DO_NOT_CALL;

    /** The disposition an attribute names (case and dashes forgiven), or empty for a missing or unknown one. */
    public static Optional<Disposition> parse(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_')));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }
}
