package com.outboundcalls.infra.localcloud;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge Scheduler's expressions: {@code rate(n unit)} and six-field {@code cron(min hour dom month dow year)}
 * ({@code L} in the day of month: its last day),
 * evaluated in the schedule's time zone.
 */
public final class ScheduleExpression {

    private static final Pattern RATE = Pattern.compile("rate\\((\\d+)\\s+(minute|minutes|hour|hours|day|days)\\)");
    private static final Pattern CRON = Pattern.compile("cron\\((.+)\\)");

    private final Duration rate;
    private final BitSet minutes;
    private final BitSet hours;
    private final BitSet daysOfMonth;
    private final BitSet months;
    private final BitSet daysOfWeek;
    private final ZoneId zone;

    private ScheduleExpression(Duration rate, BitSet minutes, BitSet hours, BitSet daysOfMonth, BitSet months,
                               BitSet daysOfWeek, ZoneId zone) {
        this.rate = rate;
        this.minutes = minutes;
        this.hours = hours;
        this.daysOfMonth = daysOfMonth;
        this.months = months;
        this.daysOfWeek = daysOfWeek;
        this.zone = zone;
    }

    public static ScheduleExpression parse(String expression, ZoneId zone) {
        Matcher rate = RATE.matcher(expression.trim());
        if (rate.matches()) {
            long n = Long.parseLong(rate.group(1));
            String unit = rate.group(2);
            Duration d = unit.startsWith("minute") ? Duration.ofMinutes(n)
                    : unit.startsWith("hour") ? Duration.ofHours(n) : Duration.ofDays(n);
            return new ScheduleExpression(d, null, null, null, null, null, zone);
        }
        Matcher cron = CRON.matcher(expression.trim());
        if (!cron.matches()) {
            throw new IllegalArgumentException("unsupported schedule expression: " + expression);
        }
        String[] f = cron.group(1).trim().split("\\s+");
        if (f.length != 6) {
            throw new IllegalArgumentException("cron needs six fields: " + expression);
        }
        return new ScheduleExpression(null, field(f[0], 0, 59), field(f[1], 0, 23), dayOfMonthField(f[2]),
                field(f[3], 1, 12), dayOfWeekField(f[4]), zone);
    }

    /** The first occurrence strictly after {@code after}. */
    public Instant nextAfter(Instant after) {
        if (rate != null) {
            long step = rate.toMillis();
            long next = (Math.floorDiv(after.toEpochMilli(), step) + 1) * step;
            return Instant.ofEpochMilli(next);
        }
        ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
        ZonedDateTime limit = t.plusYears(2);
        while (t.isBefore(limit)) {
            if (!months.get(t.getMonthValue()) || !dayMatches(t)) {
                t = t.toLocalDate().plusDays(1).atStartOfDay(zone);
            } else if (!hours.get(t.getHour())) {
                t = t.truncatedTo(ChronoUnit.HOURS).plusHours(1);
            } else if (!minutes.get(t.getMinute())) {
                t = t.plusMinutes(1);
            } else {
                return t.toInstant();
            }
        }
        throw new IllegalStateException("no occurrence within two years");
    }

    /** The latest occurrence at or before {@code at}, knowing one exists after {@code since}. */
    public Instant latestAtOrBefore(Instant at, Instant since) {
        Instant latest = nextAfter(since);
        while (true) {
            Instant next = nextAfter(latest);
            if (next.isAfter(at)) {
                return latest;
            }
            latest = next;
        }
    }

    private boolean dayMatches(ZonedDateTime t) {
        boolean domAny = daysOfMonth == null;
        boolean dowAny = daysOfWeek == null;
        boolean dom = domAny || daysOfMonth.get(t.getDayOfMonth())
                || daysOfMonth.get(LAST_DAY) && t.getDayOfMonth() == t.toLocalDate().lengthOfMonth();
        boolean dow = dowAny || daysOfWeek.get(t.getDayOfWeek().getValue());
        return dom && dow;
    }

    private static BitSet field(String spec, int min, int max) {
        if (spec.equals("?")) {
            return null;
        }
        BitSet bits = new BitSet();
        for (String part : spec.split(",")) {
            int step = 1;
            String range = part;
            if (part.contains("/")) {
                step = Integer.parseInt(part.substring(part.indexOf('/') + 1));
                range = part.substring(0, part.indexOf('/'));
            }
            int from;
            int to;
            if (range.equals("*")) {
                from = min;
                to = max;
            } else if (range.contains("-")) {
                from = Integer.parseInt(range.split("-")[0]);
                to = Integer.parseInt(range.split("-")[1]);
            } else {
                from = Integer.parseInt(range);
                to = part.contains("/") ? max : from;
            }
            for (int v = from; v <= to; v += step) {
                bits.set(v);
            }
        }
        return bits;
    }

    /** Marks {@code L}, the month's last day, in a day-of-month field (its days are 1 to 31). */
    private static final int LAST_DAY = 0;

    private static BitSet dayOfMonthField(String spec) {
        if (spec.equals("L")) {
            BitSet last = new BitSet();
            last.set(LAST_DAY);
            return last;
        }
        return field(spec, 1, 31);
    }

    private static BitSet dayOfWeekField(String spec) {
        if (spec.equals("?")) {
            return null;
        }
        String numeric = spec.toUpperCase(Locale.ROOT);
        String[] names = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};
        for (int i = 0; i < names.length; i++) {
            numeric = numeric.replace(names[i], Integer.toString(i + 1));
        }
        BitSet cronDays = field(numeric, 1, 7);
        BitSet isoDays = new BitSet();
        if (cronDays != null) {
            // cron: 1 = Sunday .. 7 = Saturday; ISO: 1 = Monday .. 7 = Sunday
            cronDays.stream().forEach(d -> isoDays.set(d == 1 ? DayOfWeek.SUNDAY.getValue() : d - 1));
        }
        return isoDays;
    }
}
