package com.outboundcalls.dial;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * When a callee may be called, in the callee's own time: Monday to Friday, 10:00-13:00 and 14:00-20:00,
 * never on French public holidays (Code de la consommation D223-9, décret 2022-1313).
 */
public final class CallingWindow {

    private record Slot(LocalTime opens, LocalTime closes) {
    }

    private static final List<Slot> SLOTS = List.of(
            new Slot(LocalTime.of(10, 0), LocalTime.of(13, 0)),
            new Slot(LocalTime.of(14, 0), LocalTime.of(20, 0)));

    /** The legal window for consumer prospecting. */
    public static final CallingWindow CONSUMER_PROSPECTING = new CallingWindow();

    public boolean isOpen(Instant instant, ZoneId zone) {
        return nextOpening(instant, zone).equals(instant);
    }

    /** The instant itself when the window is open, otherwise the next instant it opens. */
    public Instant nextOpening(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        for (int day = 0; day < 30; day++) {
            LocalDate date = local.toLocalDate().plusDays(day);
            if (!isCallingDay(date)) {
                continue;
            }
            for (Slot slot : SLOTS) {
                ZonedDateTime opens = date.atTime(slot.opens()).atZone(zone);
                ZonedDateTime closes = date.atTime(slot.closes()).atZone(zone);
                if (local.isBefore(opens)) {
                    return opens.toInstant();
                }
                if (local.isBefore(closes)) {
                    return instant;
                }
            }
        }
        throw new IllegalStateException("no calling day within 30 days");
    }

    private static boolean isCallingDay(LocalDate date) {
        DayOfWeek dow = date.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY && !FrenchPublicHolidays.isHoliday(date);
    }
}
