package com.outboundcalls.rate;

import java.time.YearMonth;
import java.util.function.Consumer;

/** Rated calls, keyed for the monthly invoice and by Connect ContactId. */
public interface RatedCallStore {

    /** Stores the call unless one with its ContactId exists; false when it already did. */
    boolean saveIfAbsent(RatedCall call);

    /** Streams a client's calls of a billing month, page by page. */
    void forEachInMonth(String clientId, YearMonth month, Consumer<RatedCall> consumer);
}
