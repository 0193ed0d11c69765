package com.outboundcalls.contact;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * Numbers that must not be called: a callee who asked not to be called again, a client's own suppression
 * file. An entry is the client's, or the provider's for every client ({@link #EVERY_CLIENT}).
 */
public interface OppositionList {

    String EVERY_CLIENT = "*";

    /** One number that must not be called for a client (or for every client), where that came from and when. */
    record Opposition(String clientId, String e164, String source, Instant since) {
    }

    /** The numbers among {@code e164s} that must not be called for this client. */
    Set<String> opposed(String clientId, Collection<String> e164s);

    /** Adds entries; adding a number twice keeps the first entry. */
    void addAll(List<Opposition> oppositions);

    default boolean isOpposed(String clientId, String e164) {
        return !opposed(clientId, List.of(e164)).isEmpty();
    }
}
