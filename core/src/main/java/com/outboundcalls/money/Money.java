package com.outboundcalls.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one place where amounts are rounded. Everything upstream stays exact BigDecimal;
 * an amount becomes a currency figure only through these two rules.
 */
public final class Money {
    /** Invoices are in euros. */
    public static final String CURRENCY = "EUR";
    /** Scale of a rated call's amount, kept for disputes (issue: 6 decimals HALF_UP). */
    public static final int RATED_CALL_SCALE = 6;
    /** Scale of an invoice figure: the cent. */
    public static final int INVOICE_SCALE = 2;

    private static final BigDecimal SECONDS_PER_MINUTE = BigDecimal.valueOf(60);

    private Money() {
    }

    /** Exact price of some seconds at a price per minute, before any rounding. */
    public static BigDecimal exactPrice(long seconds, BigDecimal pricePerMinute) {
        return pricePerMinute.multiply(BigDecimal.valueOf(seconds))
                .divide(SECONDS_PER_MINUTE, 12, RoundingMode.HALF_UP);
    }

    /** A rated call's amount: seconds x price per minute / 60 at 6 decimals, half up. */
    public static BigDecimal ratedCallAmount(long seconds, BigDecimal pricePerMinute) {
        return pricePerMinute.multiply(BigDecimal.valueOf(seconds))
                .divide(SECONDS_PER_MINUTE, RATED_CALL_SCALE, RoundingMode.HALF_UP);
    }

    /** An invoice figure: rounded half up to the cent. */
    public static BigDecimal toCents(BigDecimal exact) {
        return exact.setScale(INVOICE_SCALE, RoundingMode.HALF_UP);
    }

    /**
     * A monthly price for part of a month: round_half_up(monthly x days used / days in month, 2).
     */
    public static BigDecimal prorated(BigDecimal monthly, int daysUsed, int daysInMonth) {
        return monthly.multiply(BigDecimal.valueOf(daysUsed))
                .divide(BigDecimal.valueOf(daysInMonth), INVOICE_SCALE, RoundingMode.HALF_UP);
    }

    /** Simple interest: round_half_up(principal x annual percent x days / 365 / 100, 2), the sum taken exactly. */
    public static BigDecimal interest(BigDecimal principal, BigDecimal percentDays) {
        return principal.multiply(percentDays).divide(BigDecimal.valueOf(36_500), INVOICE_SCALE, RoundingMode.HALF_UP);
    }

    /** An amount in whole euros, half up, as a declaration to the customs or tax office takes it. */
    public static BigDecimal wholeEuros(BigDecimal exact) {
        return exact.setScale(0, RoundingMode.HALF_UP);
    }

    /** Zero euros, written to the cent. */
    public static BigDecimal zero() {
        return BigDecimal.ZERO.setScale(INVOICE_SCALE);
    }

    /**
     * An amount that is already exact to the cent (read back from a store, typed by a person), written with its
     * two decimals; one that would need rounding is refused rather than rounded.
     */
    public static BigDecimal atCents(BigDecimal exact) {
        return exact.setScale(INVOICE_SCALE, RoundingMode.UNNECESSARY);
    }

    /** A price as printed and stored: at least the cent's two decimals, and every finer one it has. */
    public static BigDecimal atLeastCents(BigDecimal price) {
        return price.scale() < INVOICE_SCALE ? price.setScale(INVOICE_SCALE, RoundingMode.UNNECESSARY) : price;
    }

    /** Seconds as minutes to 4 decimals, half up, without trailing zeros: the quantity of a usage line. */
    public static BigDecimal minutes(long seconds) {
        BigDecimal minutes = BigDecimal.valueOf(seconds).divide(SECONDS_PER_MINUTE, 4, RoundingMode.HALF_UP)
                .stripTrailingZeros();
        return minutes.scale() < 0 ? minutes.setScale(0, RoundingMode.UNNECESSARY) : minutes;
    }

    /** Invoice line for seconds at a price per minute: round_half_up(seconds x price / 60, 2). */
    public static BigDecimal usageLineAmount(long seconds, BigDecimal pricePerMinute) {
        return pricePerMinute.multiply(BigDecimal.valueOf(seconds))
                .divide(SECONDS_PER_MINUTE, INVOICE_SCALE, RoundingMode.HALF_UP);
    }
}
