package com.outboundcalls.infra.localcloud;

import com.outboundcalls.time.Sleeper;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The local cloud's clock, shared by the functions, the schedules and the Connect simulator.
 * Simulated: it stands still until the event loop (or a function waiting on it) moves it forward, so a
 * day of calling takes seconds. Wall: it is the system clock, for {@code up} mode.
 */
public final class LocalClock extends Clock {

    private final boolean simulated;
    private volatile Instant now;

    private LocalClock(boolean simulated, Instant start) {
        this.simulated = simulated;
        this.now = start;
    }

    public static LocalClock simulated(Instant start) {
        return new LocalClock(true, start);
    }

    public static LocalClock wall() {
        return new LocalClock(false, null);
    }

    public boolean isSimulated() {
        return simulated;
    }

    @Override
    public Instant instant() {
        return simulated ? now : Instant.now();
    }

    /** Moves a simulated clock forward (never back). */
    public synchronized void advanceTo(Instant instant) {
        if (!simulated) {
            throw new IllegalStateException("the wall clock cannot be moved");
        }
        if (instant.isAfter(now)) {
            now = instant;
        }
    }

    /** Waiting on a simulated clock moves it; waiting on the wall clock sleeps. */
    public Sleeper sleeper() {
        return simulated ? this::advanceTo : Sleeper.of(this);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the local clock is UTC; convert instants explicitly");
    }
}
