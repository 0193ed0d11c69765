package com.outboundcalls.dial;

/**
 * What a campaign's agent-assisted calls came to over a period (a rolling 24 hours for pacing): calls ended,
 * answered by a person, abandoned (answered, no agent within 2 seconds), connected to an agent, and the seconds
 * answered calls rang and agents talked. Every rate answers a prior when the sample is empty.
 */
public record PacingStats(long ended, long answered, long abandoned, long connectedToAgent, long ringSeconds,
                          long talkSeconds) {

    public static final PacingStats NONE = new PacingStats(0, 0, 0, 0, 0, 0);

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

    /** Mean seconds an agent talks with a callee, 120 s before any conversation. */
    public double meanTalkSeconds() {
        return connectedToAgent == 0 ? 120 : (double) talkSeconds / connectedToAgent;
    }

    public PacingStats plus(PacingStats o) {
        return new PacingStats(ended + o.ended, answered + o.answered, abandoned + o.abandoned,
                connectedToAgent + o.connectedToAgent, ringSeconds + o.ringSeconds, talkSeconds + o.talkSeconds);
    }
}
