package com.outboundcalls.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Money received against an invoice, as the bank statement shows it. The bank reference identifies it:
 * recording it again changes nothing.
 */
public record Payment(String invoiceNumber, BigDecimal amount, LocalDate receivedOn, String bankReference) {

    /** Up to 999,999,999,999.99 EUR. */
    public static final int MAX_EURO_DIGITS = 12;

    public Payment {
        if (bankReference == null || !bankReference.matches("[A-Za-z0-9._:/ -]{1,64}")) {
            throw new IllegalArgumentException("a payment needs a bank reference of 1 to 64 letters, digits, "
                    + "spaces or . _ : / -");
        }
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new IllegalArgumentException("a payment amount is positive, in euros and cents");
        }
        // Bounded before anything computes with it: 1E+999999999 is a valid BigDecimal that no invoice can owe.
        if (amount.precision() - amount.scale() > MAX_EURO_DIGITS) {
            throw new IllegalArgumentException("a payment amount has at most " + MAX_EURO_DIGITS + " digits of euros");
        }
        if (receivedOn == null) {
            throw new IllegalArgumentException("a payment needs the date it was received");
        }
    }

    /** What recording a payment did. */
    public enum Outcome {
        RECORDED,
        /** The same bank reference was recorded before, for the same invoice and amount: nothing changed. */
        ALREADY_RECORDED,
        /** The bank reference was recorded before with another invoice, amount or date: nothing changed. */
        CONFLICT,
        UNKNOWN_INVOICE
    }
}
