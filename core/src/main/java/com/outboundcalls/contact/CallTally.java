package com.outboundcalls.contact;

import java.time.Instant;
import java.util.Map;

/**
 * What a settled call adds to its campaign's counters besides its status change (answered, abandoned, connected to
 * an agent, seconds, the agent's disposition), written in the same transaction as the change so that it counts once
 * however often its event comes. {@link #PACING} names those also added to the hour the call ended in, which the
 * pacing sums over a rolling 24 hours.
 */
public record CallTally(Map<String, Long> counts, Instant endedAt) {

    public static final CallTally NONE = new CallTally(Map.of(), null);

    public static final String ENDED = "agentCallsEnded";
    public static final String ANSWERED = "agentCallsAnswered";
    public static final String ABANDONED = "agentCallsAbandoned";
    public static final String CONNECTED_TO_AGENT = "agentCallsConnected";
    public static final String RING_SECONDS = "agentRingSeconds";
    public static final String TALK_SECONDS = "agentTalkSeconds";
    /** Seconds every call rang, answered or not: how long a call holds its seat before an answer or none. */
    public static final String RING_ALL_SECONDS = "agentRingAllSeconds";
    /** Milliseconds answered callees waited for their agent: the average speed of answer's numerator. */
    public static final String WAIT_MILLIS = "agentWaitMillis";
    public static final String DISPOSITION_MISSING = "dispositionMissing";
    public static final String CALLBACKS = "callbacksRequested";
    /** Calls that were a callback the callee asked for (counted when they end). */
    public static final String CALLBACKS_PLACED = "callbacksPlaced";

    /** The counters the pacing reads per hour. */
    public static final java.util.List<String> PACING = java.util.List.of(ENDED, ANSWERED, ABANDONED,
            CONNECTED_TO_AGENT, RING_SECONDS, TALK_SECONDS, RING_ALL_SECONDS);

    public CallTally {
        counts = Map.copyOf(counts);
    }

    /** The counter of calls an agent ended with this disposition. */
    public static String disposition(String name) {
        return "disposition" + name;
    }

    public boolean isEmpty() {
        return counts.isEmpty();
    }
}
