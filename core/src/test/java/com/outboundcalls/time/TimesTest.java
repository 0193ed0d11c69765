package com.outboundcalls.time;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class TimesTest {

    private static final DateTimeFormatter REFERENCE = new DateTimeFormatterBuilder().appendInstant(3)
            .toFormatter(Locale.ROOT);

    @Test
    void anInstantIsWrittenAsTheIsoFormatterWritesItWithThreeFractionDigits() {
        Random random = new Random(42);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_167_219_200L, 253_402_300_800L),
                    random.nextInt(1_000_000_000));
            assertEquals(REFERENCE.format(instant), Times.iso(instant));
        }
        for (Instant edge : List.of(Instant.EPOCH, Instant.parse("0000-01-01T00:00:00Z"),
                Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.parse("2028-02-29T23:59:59.999Z"),
                Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.MIN,
                Instant.MAX)) {
            assertEquals(REFERENCE.format(edge), Times.iso(edge), edge.toString());
        }
    }

    @Test
    void aStoredInstantReadsBackAsTheInstantItWasWrittenFrom() {
        Random random = new Random(7);
        for (int i = 0; i < 100_000; i++) {
            Instant instant = Instant.ofEpochMilli(random.nextLong(-62_167_219_200_000L, 253_402_300_800_000L));
            String stored = Times.iso(instant);
            assertEquals(instant, Times.parse(stored), stored);
            assertEquals(Instant.parse(stored), Times.parse(stored), stored);
        }
    }

    @Test
    void otherIsoFormsAreReadAsTheIsoParserReadsThem() {
        for (String iso : List.of("2026-11-09T14:06:00Z", "2026-11-09T14:06:00.5Z", "2026-11-09T14:06:00.123456Z",
                "2026-11-09T14:06:00.123+01:00", "+12026-11-09T14:06:00.000Z", "-0001-01-01T00:00:00.000Z",
                "2026-12-31T23:59:60.000Z", "2026-11-09T24:00:00.000Z", "2026-11-09T14:06:00.000z")) {
            assertEquals(Instant.parse(iso), Times.parse(iso), iso);
        }
        assertNull(Times.parse(null));
    }

    @Test
    void aMalformedInstantIsRefusedAsTheIsoParserRefusesIt() {
        for (String bad : List.of("2026-02-30T10:00:00.000Z", "2026-13-01T10:00:00.000Z", "2026-11-09T25:00:00.000Z",
                "2026-11-09T14:60:00.000Z", "2026-11-0xT14:06:00.000Z", "2026-11-09 14:06:00.000Z",
                "2026-11-09T14:06:00.000", "")) {
            assertThrows(DateTimeParseException.class, () -> Times.parse(bad), bad);
        }
    }
}
