package com.outboundcalls.rate;

import java.time.YearMonth;
import java.util.function.Consumer;

/** Rated calls, keyed for the monthly invoice and by Connect ContactId. */
public interface RatedCallStore {

    /** Stores the call unless one with its ContactId exists; false when it already did. */
    boolean saveIfAbsent(RatedCall call);

    /** Calls stored UNRATED for want of a price on this route. */
    java.util.List<RatedCall> unratedOn(String originCountry, String destinationCountry, String numberType);

    /** Replaces an UNRATED call by its rating; false when it was rated already. */
    boolean rerate(RatedCall rated);

    /** Streams a client's calls of a billing month, page by page. */
    void forEachInMonth(String clientId, YearMonth month, Consumer<RatedCall> consumer);
}
