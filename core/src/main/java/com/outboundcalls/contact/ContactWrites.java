package com.outboundcalls.contact;

import java.time.Instant;

/**
 * The hours in which a campaign's contacts were written: each write of a contact marks its hour first (added
 * contacts and every transition of their state machine), so that a report can tell whether anything changed since it
 * was last written whole. A mark is set before its write, so that a fault between the two leaves an hour marked for
 * nothing, never a write unmarked.
 */
public interface ContactWrites {

    /** Whether any contact of the campaign was written in an hour from {@code from}'s to {@code to}'s, both included. */
    boolean writtenBetween(String campaignKey, Instant from, Instant to);

    /** What is known when no hour is marked: anything may have been written. */
    ContactWrites UNKNOWN = (campaignKey, from, to) -> true;
}
