package com.outboundcalls.invoice;

import java.math.BigDecimal;

/**
 * One immutable line of an invoice. A usage line also carries its rate key and exact seconds, so the line
 * can be traced back to the rated calls it sums.
 */
public record InvoiceLine(Kind kind, String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
                          BigDecimal amount, String originCountry, String destinationCountry, String numberType,
                          Long billedSeconds) {

    public enum Kind { FIXED, USAGE }

    public static InvoiceLine fixed(String description, BigDecimal quantity, String unit, BigDecimal unitPrice,
                                    BigDecimal amount) {
        return new InvoiceLine(Kind.FIXED, description, quantity, unit, unitPrice, amount, null, null, null, null);
    }
}
