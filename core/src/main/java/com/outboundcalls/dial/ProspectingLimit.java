package com.outboundcalls.dial;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Décret 2022-1313 on telephone prospecting of consumers: at most 4 calls to the same person in 30 days, and
 * none for 60 days after the person refused. Counted per client (the professional prospecting) and number,
 * over all of the client's consumer-prospecting campaigns.
 */
public final class ProspectingLimit {

    static final int MAX_CALLS = 4;
    static final Duration WINDOW = Duration.ofDays(30);
    static final Duration AFTER_REFUSAL = Duration.ofDays(60);

    /** What is known of one person for one client: when they were called, and when they refused, if they did. */
    public record History(List<Instant> calls, Instant refusedAt) {
        public History {
            calls = calls == null ? List.of() : calls.stream().sorted().toList();
        }

        public static History none() {
            return new History(List.of(), null);
        }

        /** The same history with one more call, keeping only what the rule can still need. */
        public History withCall(Instant at) {
            List<Instant> kept = new java.util.ArrayList<>(calls.stream().filter(c -> c.isAfter(at.minus(WINDOW))).toList());
            kept.add(at);
            return new History(kept, refusedAt);
        }
    }

    private ProspectingLimit() {
    }

    /** The first instant the person may be called again, or empty when they may be called now. */
    public static Optional<Instant> nextAllowed(History history, Instant now) {
        Instant allowed = now;
        if (history.refusedAt() != null && history.refusedAt().plus(AFTER_REFUSAL).isAfter(allowed)) {
            allowed = history.refusedAt().plus(AFTER_REFUSAL);
        }
        List<Instant> recent = history.calls().stream().filter(c -> c.isAfter(now.minus(WINDOW))).toList();
        if (recent.size() >= MAX_CALLS) {
            // The oldest call of the last MAX_CALLS leaves the 30-day window first.
            Instant freed = recent.get(recent.size() - MAX_CALLS).plus(WINDOW);
            if (freed.isAfter(allowed)) {
                allowed = freed;
            }
        }
        return allowed.equals(now) ? Optional.empty() : Optional.of(allowed);
    }

    /** Where the histories are kept. */
    public interface Histories {
        History of(String clientId, String e164);

        /** Adds a call placed to the person's history. */
        void recordCall(String clientId, String e164, Instant at);

        /** The person refused further calls from this client. */
        void recordRefusal(String clientId, String e164, Instant at);

        /** Forgets the number's history with this client (its erasure: the number is opposed from then on). */
        void forget(String clientId, String e164);
    }
}
