package com.outboundcalls.time;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/** Waits until an instant of the clock the caller was given. */
@FunctionalInterface
public interface Sleeper {
    void sleepUntil(Instant instant);

    /** Sleeps the calling thread until the system clock reaches the instant. */
    static Sleeper of(Clock clock) {
        return instant -> {
            long millis = Duration.between(clock.instant(), instant).toMillis();
            if (millis > 0) {
                try {
                    Thread.sleep(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while pacing", e);
                }
            }
        };
    }
}
