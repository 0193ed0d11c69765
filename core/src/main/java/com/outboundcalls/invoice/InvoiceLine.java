package com.outboundcalls.invoice;

import java.math.BigDecimal;

/**
 * One immutable line of an invoice or credit note. A usage line also carries its rate key and exact seconds,
 * so it can be traced back to the rated calls it sums; a prorated fixed line carries the days it covers.
 *
 * @param quantity  what the reader counts: units, or minutes for usage
 * @param unitPrice price of one unit per month (fixed), per minute (usage), excluding VAT
 * @param amount    the line's amount excluding VAT, rounded once to the cent
 * @param callsMonth for usage billed late (calls rated after their month was invoiced), the month the calls
 *                   belong to; null for the invoice's own month
 */
public record InvoiceLine(Kind kind, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
                          BigDecimal amount, String originCountry, String destinationCountry, String numberType,
                          Long billedSeconds, Prorata prorata, java.time.YearMonth callsMonth) {

    public enum Kind { FIXED, USAGE, CREDIT, PENALTY }

    /** The days of a month a fixed line covers, when fewer than all of them. */
    public record Prorata(int daysUsed, int daysInMonth) {
        public Prorata {
            if (daysUsed < 1 || daysUsed > daysInMonth) {
                throw new IllegalArgumentException("prorata " + daysUsed + "/" + daysInMonth);
            }
        }
    }

    public static InvoiceLine fixed(String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
                                    BigDecimal amount, Prorata prorata) {
        return new InvoiceLine(Kind.FIXED, description, quantity, unit, unitPrice, amount, null, null, null, null,
                prorata, null);
    }

    public static InvoiceLine penalty(String description, BigDecimal amount) {
        return new InvoiceLine(Kind.PENALTY, description, BigDecimal.ONE, "unit", amount, amount, null, null, null,
                null, null, null);
    }

    public static InvoiceLine credit(String description, BigDecimal amount) {
        return new InvoiceLine(Kind.CREDIT, description, BigDecimal.ONE, "unit", amount, amount, null, null, null,
                null, null, null);
    }

    /**
     * The quantity an e-invoice states, in its own unit, such that quantity x unit price / basis quantity,
     * rounded to the cent, is exactly this line's amount: seconds for usage (price per 60 s), unit-days for a
     * prorated line (monthly price per days in the month).
     */
    public BigDecimal chargedQuantity() {
        if (kind == Kind.USAGE) {
            return BigDecimal.valueOf(billedSeconds);
        }
        if (prorata != null) {
            return quantity.multiply(BigDecimal.valueOf(prorata.daysUsed()));
        }
        return quantity;
    }

    /** The quantity the unit price is for, in the unit of {@link #chargedQuantity()}. */
    public BigDecimal basisQuantity() {
        if (kind == Kind.USAGE) {
            return BigDecimal.valueOf(60);
        }
        if (prorata != null) {
            return BigDecimal.valueOf(prorata.daysInMonth());
        }
        return BigDecimal.ONE;
    }

    /** UN/ECE Recommendation 20 code of {@link #chargedQuantity()}: seconds, days or units. */
    public String chargedUnitCode() {
        if (kind == Kind.USAGE) {
            return "SEC";
        }
        return prorata != null ? "DAY" : "C62";
    }
}
