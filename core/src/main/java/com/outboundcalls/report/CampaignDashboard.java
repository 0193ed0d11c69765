package com.outboundcalls.report;

import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.money.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of one campaign's dashboard, computed from its counters alone (so regenerating a dashboard costs
 * one read per campaign, however many calls it made), plus its contact files' reports.
 *
 * @param attemptsPerContact calls placed per contact stored
 * @param reachRate          contacts reached, as a share of the contacts stored
 * @param answerRateByHour   hour of the callee's day (0-23) to the share of calls answered, for hours with calls
 * @param answerRateByDay    day of the callee's week (1 = Monday) to the share of calls answered
 * @param reachRateByAttempt attempt number to the share of that attempt's calls answered
 * @param talkTime           the talk-time distribution: each range's label (in seconds) and number of calls
 * @param agents             an agent-assisted campaign's dispositions, callbacks, speed of answer and abandonment;
 *                           null for an agentless one
 */
public record CampaignDashboard(String campaignId, String status, long contacts, long callable, long inProgress,
                                long reached, long notReached, long unsuccessful, long opposed, long attempts,
                                BigDecimal attemptsPerContact, BigDecimal reachRate, long calls, long answered,
                                Map<Integer, BigDecimal> reachRateByAttempt, Map<Integer, BigDecimal> answerRateByHour,
                                Map<Integer, BigDecimal> answerRateByDay, Map<Integer, Long> callsByHour,
                                Map<Integer, Long> callsByDay, Long medianTalkSeconds, List<TalkRange> talkTime,
                                BigDecimal billedMinutes, BigDecimal costExclVat, List<FileReport> files,
                                AgentFigures agents) {

    /** The same dashboard with its agent-assisted figures. */
    public CampaignDashboard withAgents(AgentFigures figures) {
        return new CampaignDashboard(campaignId, status, contacts, callable, inProgress, reached, notReached,
                unsuccessful, opposed, attempts, attemptsPerContact, reachRate, calls, answered, reachRateByAttempt,
                answerRateByHour, answerRateByDay, callsByHour, callsByDay, medianTalkSeconds, talkTime, billedMinutes,
                costExclVat, files, figures);
    }

    /** Calls whose talk time fell in [fromSeconds, toSeconds) (toSeconds null: and beyond). */
    public record TalkRange(int fromSeconds, Integer toSeconds, long calls) {
    }

    /** A contact file's outcome, from its summary report. */
    public record FileReport(String file, String status, long rowsRead, long accepted, long skipped, long rejected,
                             Map<String, Long> rejectedByReason) {
    }

    /** Ranges of the talk-time chart, in seconds (over the 10-second buckets the counters keep). */
    static final int[] TALK_RANGES = {0, 30, 60, 120, 180, 300, 600};

    public static CampaignDashboard of(String campaignId, String status, CampaignCounters c, List<FileReport> files) {
        long contacts = c.count(CampaignCounters.CONTACTS);
        long inProgress = Math.max(0, c.count(CampaignCounters.IN_PROGRESS));
        long reached = c.count(CampaignCounters.settled(ContactStatus.REACHED));
        long notReached = c.count(CampaignCounters.settled(ContactStatus.NOT_REACHED));
        long unsuccessful = c.count(CampaignCounters.settled(ContactStatus.UNSUCCESSFUL));
        long opposed = c.count(CampaignCounters.settled(ContactStatus.OPPOSED));
        long callable = Math.max(0, contacts - inProgress - reached - notReached - unsuccessful - opposed);
        long attempts = c.count(CampaignCounters.ATTEMPTS);
        Map<Integer, BigDecimal> byAttempt = new LinkedHashMap<>();
        for (int a = 1; a <= CampaignCounters.MAX_ATTEMPT_COUNTED; a++) {
            int attempt = a;
            rate(c.count(CampaignCounters.answeredOnAttempt(a)), c.count(CampaignCounters.callsOnAttempt(a)))
                    .ifPresent(r -> byAttempt.put(attempt, r));
        }
        Map<Integer, BigDecimal> byHour = new LinkedHashMap<>();
        Map<Integer, Long> callsByHour = new LinkedHashMap<>();
        for (int h = 0; h < 24; h++) {
            long calls = c.count(CampaignCounters.callsAtHour(h));
            callsByHour.put(h, calls);
            int hour = h;
            rate(c.count(CampaignCounters.answeredAtHour(h)), calls).ifPresent(r -> byHour.put(hour, r));
        }
        Map<Integer, BigDecimal> byDay = new LinkedHashMap<>();
        Map<Integer, Long> callsByDay = new LinkedHashMap<>();
        for (int d = 1; d <= 7; d++) {
            long calls = c.count(CampaignCounters.callsOnDay(d));
            callsByDay.put(d, calls);
            int day = d;
            rate(c.count(CampaignCounters.answeredOnDay(d)), calls).ifPresent(r -> byDay.put(day, r));
        }
        long[] buckets = new long[CampaignCounters.TALK_BUCKETS];
        for (int b = 0; b < buckets.length; b++) {
            buckets[b] = c.count(CampaignCounters.talkBucket(b));
        }
        List<TalkRange> talk = new ArrayList<>();
        for (int i = 0; i < TALK_RANGES.length; i++) {
            int from = TALK_RANGES[i];
            Integer to = i + 1 < TALK_RANGES.length ? TALK_RANGES[i + 1] : null;
            long calls = 0;
            for (int b = 0; b < buckets.length; b++) {
                int start = b * CampaignCounters.TALK_BUCKET_SECONDS;
                if (start >= from && (to == null || start < to)) {
                    calls += buckets[b];
                }
            }
            talk.add(new TalkRange(from, to, calls));
        }
        return new CampaignDashboard(campaignId, status, contacts, callable, inProgress, reached, notReached,
                unsuccessful, opposed, attempts,
                contacts == 0 ? BigDecimal.ZERO : BigDecimal.valueOf(attempts)
                        .divide(BigDecimal.valueOf(contacts), 2, RoundingMode.HALF_UP),
                rate(reached, contacts).orElse(BigDecimal.ZERO), c.count(CampaignCounters.CALLS),
                c.count(CampaignCounters.ANSWERED), byAttempt, byHour, byDay, callsByHour, callsByDay,
                median(buckets), talk,
                BigDecimal.valueOf(c.count(CampaignCounters.BILLED_SECONDS)).divide(BigDecimal.valueOf(60), 2,
                        RoundingMode.HALF_UP),
                Money.toCents(c.amount()), files, null);
    }

    /** A share as a percentage with one decimal, when there is anything to share. */
    static java.util.Optional<BigDecimal> rate(long part, long whole) {
        if (whole == 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1,
                RoundingMode.HALF_UP));
    }

    /**
     * The median talk time, to the 10-second bucket it falls in, reported as that bucket's middle (the counters
     * keep buckets, not every call); null without answered calls.
     */
    static Long median(long[] buckets) {
        long total = 0;
        for (long b : buckets) {
            total += b;
        }
        if (total == 0) {
            return null;
        }
        long seen = 0;
        for (int b = 0; b < buckets.length; b++) {
            seen += buckets[b];
            if (seen * 2 >= total) {
                return (long) b * CampaignCounters.TALK_BUCKET_SECONDS + CampaignCounters.TALK_BUCKET_SECONDS / 2;
            }
        }
        return null;
    }
}
