package com.outboundcalls.account;

import com.outboundcalls.time.FrenchPublicHolidays;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * When a callee may be called, in the callee's own time: slots per day of the week, never on French public
 * holidays. Consumer prospecting follows the law (Code de la consommation D223-9, décret 2022-1313): Monday to
 * Friday, 10:00-13:00 and 14:00-20:00. Other campaigns follow the hours their client configured, written like
 * {@code MON-FRI 09:00-12:30 13:30-19:00; SAT 10:00-12:00}.
 */
public final class CallingWindow {

    private record Slot(LocalTime opens, LocalTime closes) {
    }

    private final Map<DayOfWeek, List<Slot>> week;

    private CallingWindow(Map<DayOfWeek, List<Slot>> week) {
        this.week = week;
    }

    /** The legal window for consumer prospecting. */
    public static final CallingWindow CONSUMER_PROSPECTING = parse("MON-FRI 10:00-13:00 14:00-20:00");

    /** The window a campaign's calls follow: the law for consumer prospecting, else its hours, else the law's. */
    public static CallingWindow of(Campaign campaign) {
        if (campaign.purpose() == Campaign.Purpose.CONSUMER_PROSPECTING || campaign.callingHours() == null) {
            return CONSUMER_PROSPECTING;
        }
        return parse(campaign.callingHours());
    }

    /**
     * Reads calling hours: groups separated by {@code ;}, each a day or a day range (MON..SUN) followed by
     * slots {@code HH:mm-HH:mm}. Throws IllegalArgumentException with what is wrong.
     */
    public static CallingWindow parse(String hours) {
        Map<DayOfWeek, List<Slot>> week = new EnumMap<>(DayOfWeek.class);
        for (String group : hours.split(";")) {
            String[] parts = group.strip().split("\\s+");
            if (parts.length < 2) {
                throw new IllegalArgumentException("calling hours '" + group.strip() + "' need days then slots");
            }
            List<DayOfWeek> days = days(parts[0]);
            List<Slot> slots = new ArrayList<>();
            for (int i = 1; i < parts.length; i++) {
                slots.add(slot(parts[i]));
            }
            slots.sort(java.util.Comparator.comparing(Slot::opens));
            for (int i = 1; i < slots.size(); i++) {
                if (slots.get(i).opens().isBefore(slots.get(i - 1).closes())) {
                    throw new IllegalArgumentException("calling hours '" + group.strip() + "' overlap");
                }
            }
            for (DayOfWeek day : days) {
                if (week.containsKey(day)) {
                    throw new IllegalArgumentException("calling hours name " + day + " twice");
                }
                week.put(day, List.copyOf(slots));
            }
        }
        return new CallingWindow(week);
    }

    private static List<DayOfWeek> days(String spec) {
        String[] range = spec.toUpperCase(Locale.ROOT).split("-");
        DayOfWeek from = day(range[0]);
        DayOfWeek to = range.length > 1 ? day(range[1]) : from;
        if (to.compareTo(from) < 0) {
            throw new IllegalArgumentException("day range " + spec + " runs backwards");
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (int d = from.getValue(); d <= to.getValue(); d++) {
            days.add(DayOfWeek.of(d));
        }
        return days;
    }

    private static DayOfWeek day(String abbreviation) {
        for (DayOfWeek day : DayOfWeek.values()) {
            if (day.name().startsWith(abbreviation) && abbreviation.length() == 3) {
                return day;
            }
        }
        throw new IllegalArgumentException("'" + abbreviation + "' is not a day (MON, TUE, WED, THU, FRI, SAT, SUN)");
    }

    private static Slot slot(String spec) {
        String[] ends = spec.split("-");
        try {
            if (ends.length == 2) {
                LocalTime opens = LocalTime.parse(ends[0]);
                LocalTime closes = LocalTime.parse(ends[1]);
                if (opens.isBefore(closes)) {
                    return new Slot(opens, closes);
                }
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        throw new IllegalArgumentException("'" + spec + "' is not a slot like 09:00-12:30");
    }

    public boolean isOpen(Instant instant, ZoneId zone) {
        return nextOpening(instant, zone).equals(instant);
    }

    /** The instant itself when the window is open, otherwise the next instant it opens. */
    public Instant nextOpening(Instant instant, ZoneId zone) {
        ZonedDateTime local = instant.atZone(zone);
        for (int day = 0; day < 30; day++) {
            LocalDate date = local.toLocalDate().plusDays(day);
            if (FrenchPublicHolidays.isHoliday(date)) {
                continue;
            }
            for (Slot slot : week.getOrDefault(date.getDayOfWeek(), List.of())) {
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
}
