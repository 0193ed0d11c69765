package com.outboundcalls.rate;

import java.time.YearMonth;
import java.util.function.Consumer;

/** Rated calls, keyed for the monthly invoice and by Connect ContactId. */
public interface RatedCallStore {

    /**
     * Stores the call unless one with its ContactId exists, stamped with the instant it is recorded
     * ({@link RatedCall#recordedAt()}); false when it already did.
     */
    boolean saveIfAbsent(RatedCall call);

    /** Calls stored UNRATED for want of a price on this route. */
    java.util.List<RatedCall> unratedOn(String originCountry, String destinationCountry, String numberType);

    /** Replaces an UNRATED call by its rating, stamped with the instant it is recorded; false when rated already. */
    boolean rerate(RatedCall rated);

    /** A rated call by its Connect ContactId, whatever its client and month (a disputed call). */
    java.util.Optional<RatedCall> byConnectContactId(String connectContactId);

    /** Streams a client's calls of a billing month, page by page. */
    void forEachInMonth(String clientId, YearMonth month, Consumer<RatedCall> consumer);

    /**
     * Streams a client's calls whose rating was recorded from {@code from} (inclusive) to {@code until}
     * (exclusive), whatever their month; calls stored before {@link RatedCall#recordedAt()} was kept are not
     * among them.
     */
    void forEachRecordedBetween(String clientId, java.time.Instant from, java.time.Instant until,
                                Consumer<RatedCall> consumer);
}
