package com.outboundcalls.rate;

import java.util.Optional;

/** What Connect says of a contact (DescribeContact): it completes an event that lacks a timestamp. */
public interface ContactDescriptions {

    /** The contact as Connect describes it, in the shape of a DISCONNECTED event; empty if Connect has none. */
    Optional<ContactEvent> describe(String connectContactId);
}
