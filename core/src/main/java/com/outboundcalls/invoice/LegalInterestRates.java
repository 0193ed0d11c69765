package com.outboundcalls.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The legal interest rate for professional creditors, set by decree for each half-year (H1: January to June,
 * H2: July to December), in percent a year. Configuration, never a default: a half-year with no rate has none.
 */
public final class LegalInterestRates {

    private final Map<String, BigDecimal> percentByHalfYear;

    private LegalInterestRates(Map<String, BigDecimal> percentByHalfYear) {
        this.percentByHalfYear = Collections.unmodifiableMap(new TreeMap<>(percentByHalfYear));
    }

    /**
     * Reads {@code 2025-H2=2.76,2026-H1=2.62}.
     *
     * @throws IllegalArgumentException naming the entry that cannot be read
     */
    public static LegalInterestRates parse(String config) {
        Map<String, BigDecimal> rates = new TreeMap<>();
        if (config != null && !config.isBlank()) {
            for (String entry : config.split(",")) {
                String[] kv = entry.trim().split("=");
                if (kv.length != 2 || !kv[0].trim().matches("\\d{4}-H[12]")) {
                    throw new IllegalArgumentException("legal interest rate entry '" + entry.trim()
                            + "' is not of the form 2026-H1=2.62");
                }
                BigDecimal percent;
                try {
                    percent = new BigDecimal(kv[1].trim());
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("legal interest rate '" + kv[1].trim() + "' is not a number");
                }
                if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                    throw new IllegalArgumentException("legal interest rate " + percent + " % is out of range");
                }
                if (rates.put(kv[0].trim(), percent) != null) {
                    throw new IllegalArgumentException("half-year " + kv[0].trim() + " is configured twice");
                }
            }
        }
        return new LegalInterestRates(rates);
    }

    public static String halfYear(LocalDate day) {
        return day.getYear() + (day.getMonthValue() <= 6 ? "-H1" : "-H2");
    }

    /** The rate in percent a year on this day, if its half-year's rate is configured. */
    public Optional<BigDecimal> percentOn(LocalDate day) {
        return Optional.ofNullable(percentByHalfYear.get(halfYear(day)));
    }

    /** The late-penalty rate an invoice issued on this day prints: three times the legal rate. */
    public Optional<BigDecimal> latePenaltyPercentOn(LocalDate day) {
        return percentOn(day).map(p -> p.multiply(BigDecimal.valueOf(3)));
    }

    @Override
    public String toString() {
        return percentByHalfYear.toString();
    }
}
