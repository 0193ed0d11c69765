package com.outboundcalls.report;

import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.ContactTransition;
import com.outboundcalls.rate.BilledSeconds;
import com.outboundcalls.rate.RatedCall;
import com.outboundcalls.time.RegionZones;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A campaign's running counters, kept as changes happen: contacts stored, contacts in progress and settled by
 * outcome, attempts; calls and answers by attempt number, hour of day and weekday (the callee's time); talk
 * time in 10-second buckets; billed seconds and amount. This class names them and says what each change adds;
 * the store adds it in the same transaction as the change.
 */
public record CampaignCounters(Map<String, BigDecimal> values) {

    /** Where a campaign's counters are read. */
    public interface Source {
        Optional<CampaignCounters> counters(String campaignKey);
    }

    public static final String CONTACTS = ContactTransition.CONTACTS;
    public static final String IN_PROGRESS = ContactTransition.IN_PROGRESS;
    public static final String ATTEMPTS = ContactTransition.ATTEMPTS;
    public static final String CALLS = "calls";
    public static final String ANSWERED = "answered";
    public static final String TALK_SECONDS = "talkSeconds";
    public static final String BILLED_SECONDS = "billedSeconds";
    public static final String AMOUNT = "amount";
    /** Talk time is counted in buckets of this many seconds; the last bucket holds everything longer. */
    public static final int TALK_BUCKET_SECONDS = 10;
    public static final int TALK_BUCKETS = 61;
    /** Attempts past this number are counted with it. */
    public static final int MAX_ATTEMPT_COUNTED = 10;

    public CampaignCounters {
        values = Map.copyOf(values);
    }

    public long count(String name) {
        BigDecimal value = values.get(name);
        return value == null ? 0 : value.longValue();
    }

    public BigDecimal amount() {
        return values.getOrDefault(AMOUNT, BigDecimal.ZERO);
    }

    /** The counter of contacts settled with this final status. */
    public static String settled(ContactStatus status) {
        return ContactTransition.settled(status);
    }

    public static String callsOnAttempt(int attempt) {
        return "callsA" + Math.min(attempt, MAX_ATTEMPT_COUNTED);
    }

    public static String answeredOnAttempt(int attempt) {
        return "answeredA" + Math.min(attempt, MAX_ATTEMPT_COUNTED);
    }

    /** Calls started at this hour (0-23) of the callee's day. */
    public static String callsAtHour(int hour) {
        return "callsH" + hour;
    }

    public static String answeredAtHour(int hour) {
        return "answeredH" + hour;
    }

    /** Calls started on this day of the callee's week (1 = Monday). */
    public static String callsOnDay(int day) {
        return "callsD" + day;
    }

    public static String answeredOnDay(int day) {
        return "answeredD" + day;
    }

    public static String talkBucket(int bucket) {
        return "talkB" + bucket;
    }

    // ------------------------------------------------------------------------------------------------ changes

    /** A file's contacts stored in the campaign. */
    public static Map<String, Long> contactsStored(long accepted) {
        return Map.of(CONTACTS, accepted);
    }

    /** A call placed for a contact: one more attempt, one more contact in progress. */
    public static Map<String, Long> callPlaced() {
        return ContactTransition.MARK_DIALING.counters(ContactStatus.DIALING);
    }

    /** A call's contact settled: no longer in progress, and counted by its outcome when it is final. */
    public static Map<String, Long> callSettled(ContactStatus next) {
        return ContactTransition.SETTLE.counters(next);
    }

    /** A contact settled without a call (opposed, or a number that cannot be dialled). */
    public static Map<String, Long> settledWithoutCall(ContactStatus status) {
        return (status == ContactStatus.OPPOSED ? ContactTransition.MARK_OPPOSED : ContactTransition.MARK_UNDIALABLE)
                .counters(status);
    }

    /** A call rated (or left unrated for want of a price): what it adds to the call statistics. */
    public static Map<String, Number> callRated(RatedCall call) {
        Map<String, Number> change = new LinkedHashMap<>();
        boolean answered = call.answeredAt() != null;
        change.put(CALLS, 1L);
        change.put(callsOnAttempt(call.attempt()), 1L);
        if (call.initiatedAt() != null) {
            ZonedDateTime local = call.initiatedAt().atZone(RegionZones.of(call.destinationCountry()));
            change.put(callsAtHour(local.getHour()), 1L);
            change.put(callsOnDay(local.getDayOfWeek().getValue()), 1L);
            if (answered) {
                change.put(answeredAtHour(local.getHour()), 1L);
                change.put(answeredOnDay(local.getDayOfWeek().getValue()), 1L);
            }
        }
        if (answered) {
            long talk = BilledSeconds.between(call.answeredAt(), call.disconnectedAt());
            change.put(ANSWERED, 1L);
            change.put(answeredOnAttempt(call.attempt()), 1L);
            change.put(TALK_SECONDS, talk);
            change.put(talkBucket((int) Math.min(TALK_BUCKETS - 1, talk / TALK_BUCKET_SECONDS)), 1L);
        }
        if (call.status() == RatedCall.Status.RATED) {
            change.putAll(billed(call));
        }
        return change;
    }

    /** A call rated later (a price published since): its billed seconds and amount. */
    public static Map<String, Number> billed(RatedCall call) {
        Map<String, Number> change = new LinkedHashMap<>();
        change.put(BILLED_SECONDS, call.billedSeconds());
        change.put(AMOUNT, call.amount() == null ? BigDecimal.ZERO : call.amount());
        return change;
    }
}
