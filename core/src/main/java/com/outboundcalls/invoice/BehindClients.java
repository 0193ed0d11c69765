package com.outboundcalls.invoice;

import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The clients a day's dunning run found with an invoice overdue past the grace period: noted while it goes over
 * the overdue invoices, read when it goes over the suspended clients, so that neither holds the whole set.
 */
public interface BehindClients {

    /** Notes that the client had an invoice overdue past the grace period on the day's run. */
    void markBehind(String clientId, LocalDate day);

    /** Whether the day's run noted the client behind. */
    boolean wasBehind(String clientId, LocalDate day);

    /** Notes kept in this object, for a run made in one call. */
    static BehindClients inMemory() {
        Set<String> behind = ConcurrentHashMap.newKeySet();
        return new BehindClients() {
            @Override
            public void markBehind(String clientId, LocalDate day) {
                behind.add(day + "#" + clientId);
            }

            @Override
            public boolean wasBehind(String clientId, LocalDate day) {
                return behind.contains(day + "#" + clientId);
            }
        };
    }
}
