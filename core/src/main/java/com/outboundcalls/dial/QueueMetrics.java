package com.outboundcalls.dial;

import java.time.Duration;

/**
 * A routing queue's agents and waiting contacts now, as Connect's GetCurrentMetricData reports them (AGENTS_ONLINE,
 * AGENTS_AVAILABLE, AGENTS_ON_CONTACT, AGENTS_AFTER_CONTACT_WORK, CONTACTS_IN_QUEUE, OLDEST_CONTACT_AGE).
 */
public record QueueMetrics(int online, int available, int onContact, int afterContactWork, int inQueue,
                           Duration oldestInQueue) {

    public QueueMetrics {
        oldestInQueue = oldestInQueue == null ? Duration.ZERO : oldestInQueue;
    }

    /** A queue nobody is logged in to. */
    public static final QueueMetrics EMPTY = new QueueMetrics(0, 0, 0, 0, 0, Duration.ZERO);

    /** Share of the logged-in agents talking or in after-contact work (0 when nobody is logged in). */
    public double occupancy() {
        return online == 0 ? 0 : (double) (onContact + afterContactWork) / online;
    }
}
