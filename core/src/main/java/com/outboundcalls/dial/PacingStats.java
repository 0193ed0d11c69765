package com.outboundcalls.dial;

import com.outboundcalls.contact.CallTally;

import java.util.Map;

/**
 * What a campaign's agent-assisted calls came to over a period (a rolling 24 hours for pacing): calls ended,
 * answered by a person, abandoned (answered, no agent within 2 seconds), connected to an agent, the seconds answered
 * calls rang before the answer, agents talked, and every call rang (answered or not: how long a call holds its seat
 * before it is answered or given up). Every rate answers a prior when the sample is empty.
 */
public record PacingStats(long ended, long answered, long abandoned, long connectedToAgent, long ringSeconds,
                          long talkSeconds, long ringAllSeconds) {

    public static final PacingStats NONE = new PacingStats(0, 0, 0, 0, 0, 0, 0);

    /** From counters summed under the names {@link CallTally} gives them. */
    public static PacingStats of(Map<String, Long> sums) {
        return new PacingStats(sums.getOrDefault(CallTally.ENDED, 0L), sums.getOrDefault(CallTally.ANSWERED, 0L),
                sums.getOrDefault(CallTally.ABANDONED, 0L), sums.getOrDefault(CallTally.CONNECTED_TO_AGENT, 0L),
                sums.getOrDefault(CallTally.RING_SECONDS, 0L), sums.getOrDefault(CallTally.TALK_SECONDS, 0L),
                sums.getOrDefault(CallTally.RING_ALL_SECONDS, 0L));
    }

    /** Answered by a person over ended, from a prior of 30 % worth 20 calls. */
    public double answerRate() {
        return (answered + 0.3 * 20) / (ended + 20.0);
    }

    /** Abandoned over answered (Ofcom's measure); 0 before any answer. */
    public double abandonmentRate() {
        return answered == 0 ? 0 : (double) abandoned / answered;
    }

    /** Mean seconds from dialing to a person's answer, 10 s before any answer. */
    public double meanRingSeconds() {
        return answered == 0 ? 10 : (double) ringSeconds / answered;
    }

    /**
     * Mean seconds a call that no person answered rang (busy, no answer, voicemail), 25 s before any such call: from
     * the ring of every call less the ring of the answered ones.
     */
    public double meanUnansweredRingSeconds() {
        long unanswered = ended - answered;
        long seconds = ringAllSeconds - ringSeconds;
        return unanswered <= 0 || seconds <= 0 ? 25 : (double) seconds / unanswered;
    }

    /**
     * The chance that a call still ringing after this many seconds will be answered by a person. The times to an
     * answer and to giving up are taken as spread evenly from 0 to twice their measured means (only the means are
     * measured): a call that has rung longer than most answered calls do is most likely one nobody will answer.
     */
    public double answerStillLikely(double ringingSeconds) {
        double answerRate = answerRate();
        double answerLater = answerRate * Math.max(0, 1 - ringingSeconds / (2 * meanRingSeconds()));
        double noAnswerLater = (1 - answerRate) * Math.max(0, 1 - ringingSeconds / (2 * meanUnansweredRingSeconds()));
        double stillRinging = answerLater + noAnswerLater;
        return stillRinging <= 0 ? 0 : answerLater / stillRinging;
    }

    public PacingStats plus(PacingStats o) {
        return new PacingStats(ended + o.ended, answered + o.answered, abandoned + o.abandoned,
                connectedToAgent + o.connectedToAgent, ringSeconds + o.ringSeconds, talkSeconds + o.talkSeconds,
                ringAllSeconds + o.ringAllSeconds);
    }
}
