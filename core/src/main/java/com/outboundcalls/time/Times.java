package com.outboundcalls.time;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.Locale;

/** Instants as stored: ISO-8601 UTC with exactly three fraction digits, so strings sort as instants do. */
public final class Times {
    private static final DateTimeFormatter ISO_MILLIS = new DateTimeFormatterBuilder().appendInstant(3)
            .toFormatter(Locale.ROOT);

    private Times() {
    }

    public static String iso(Instant instant) {
        return ISO_MILLIS.format(instant);
    }

    public static Instant parse(String iso) {
        return iso == null ? null : Instant.parse(iso);
    }
}
