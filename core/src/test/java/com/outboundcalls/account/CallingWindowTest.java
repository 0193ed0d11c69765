package com.outboundcalls.account;

import com.outboundcalls.time.FrenchPublicHolidays;
import com.outboundcalls.time.RegionZones;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallingWindowTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final ZoneId REUNION = ZoneId.of("Indian/Reunion");
    private final CallingWindow window = CallingWindow.CONSUMER_PROSPECTING;

    private static Instant at(String local, ZoneId zone) {
        return LocalDateTime.parse(local).atZone(zone).toInstant();
    }

    @Test
    void fridayAt1959IsOpenAndAt2000TheNextOpeningIsMondayMorning() {
        assertTrue(window.isOpen(at("2026-10-09T19:59:00", PARIS), PARIS));
        assertEquals(at("2026-10-12T10:00:00", PARIS), window.nextOpening(at("2026-10-09T20:00:00", PARIS), PARIS));
    }

    @Test
    void theLunchBreakWaitsUntil1400() {
        assertEquals(at("2026-10-05T14:00:00", PARIS), window.nextOpening(at("2026-10-05T13:30:00", PARIS), PARIS));
    }

    @Test
    void sundayWaitsForMonday() {
        assertEquals(at("2026-10-12T10:00:00", PARIS), window.nextOpening(at("2026-10-11T11:00:00", PARIS), PARIS));
    }

    @Test
    void easterMonday2027IsAHoliday() {
        assertEquals(LocalDate.of(2027, 3, 28), FrenchPublicHolidays.easterSunday(2027));
        assertTrue(FrenchPublicHolidays.isHoliday(LocalDate.of(2027, 3, 29)));
        assertTrue(FrenchPublicHolidays.isHoliday(LocalDate.of(2027, 5, 6)));  // Ascension
        assertTrue(FrenchPublicHolidays.isHoliday(LocalDate.of(2027, 5, 17))); // Whit Monday
        assertFalse(window.isOpen(at("2027-03-29T11:00:00", PARIS), PARIS));
        assertEquals(at("2027-03-30T10:00:00", PARIS), window.nextOpening(at("2027-03-29T11:00:00", PARIS), PARIS));
    }

    @Test
    void aCalleeInReunionIsCalledOnReunionTime() {
        // 10:30 in Paris (summer time, UTC+2) is 12:30 in Réunion (UTC+4): open there.
        Instant parisMorning = at("2026-10-05T10:30:00", PARIS);
        assertTrue(window.isOpen(parisMorning, REUNION));
        // 18:30 in Paris is 20:30 in Réunion: closed there, open in Paris.
        Instant parisEvening = at("2026-10-05T18:30:00", PARIS);
        assertTrue(window.isOpen(parisEvening, PARIS));
        assertFalse(window.isOpen(parisEvening, REUNION));
        assertEquals(at("2026-10-06T10:00:00", REUNION), window.nextOpening(parisEvening, REUNION));
        assertEquals(REUNION, RegionZones.of("RE"));
    }

    @Test
    void clientHoursAreReadPerDayAndRefusedWhenMalformed() {
        CallingWindow hours = CallingWindow.parse("MON-FRI 09:00-12:30 13:30-19:00; SAT 10:00-12:00");
        java.time.ZoneId paris = java.time.ZoneId.of("Europe/Paris");
        assertEquals(Instant.parse("2026-10-10T08:00:00Z"),
                hours.nextOpening(Instant.parse("2026-10-09T17:30:00Z"), paris), "Friday 19:30 -> Saturday 10:00");
        assertEquals(Instant.parse("2026-10-12T07:00:00Z"),
                hours.nextOpening(Instant.parse("2026-10-10T10:00:00Z"), paris), "Saturday 12:00 -> Monday 09:00");
        for (String bad : new String[]{"MON-FRI", "MONDAY 09:00-12:00", "FRI-MON 09:00-12:00", "MON 12:00-09:00",
                "MON 09:00-12:00 11:00-13:00", "MON 09:00-10:00; MON 11:00-12:00"}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> CallingWindow.parse(bad), bad);
        }
    }
}
