package com.outboundcalls.ingest;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a consent cell: a date (31/12/2025, 2025-12-31, 31-12-2025, 31.12.2025) or any proof reference.
 * Consent must be prior: an empty cell, an impossible date or a date after today is no consent.
 */
final class ConsentCell {

    private static final Pattern DAY_FIRST = Pattern.compile("^(\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})$");
    private static final Pattern ISO = Pattern.compile("^(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ].*)?$");

    private ConsentCell() {
    }

    /** Why the cell is no proof of prior consent, or empty when it is one. */
    static Optional<String> problem(String cell, LocalDate today) {
        if (cell == null || cell.isBlank()) {
            return Optional.of("no consent is recorded for this person, which prospecting of consumers requires");
        }
        String value = cell.strip();
        Matcher dayFirst = DAY_FIRST.matcher(value);
        Matcher iso = ISO.matcher(value);
        LocalDate date;
        try {
            if (dayFirst.matches()) {
                date = LocalDate.of(Integer.parseInt(dayFirst.group(3)), Integer.parseInt(dayFirst.group(2)),
                        Integer.parseInt(dayFirst.group(1)));
            } else if (iso.matches()) {
                date = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
                        Integer.parseInt(iso.group(3)));
            } else {
                return Optional.empty();
            }
        } catch (DateTimeException e) {
            return Optional.of("the consent date " + value + " is not a date");
        }
        if (date.isAfter(today)) {
            return Optional.of("the consent date " + value + " is after today: consent must come before the call");
        }
        return Optional.empty();
    }
}
