package com.outboundcalls.ingest;

import com.outboundcalls.contact.NewContact;

/** Where validated contacts are kept; a campaign holds a number once. */
public interface ContactStore {

    enum AddResult { ADDED, ALREADY_ADDED_BY_THIS_FILE, ALREADY_IN_CAMPAIGN }

    AddResult addIfAbsent(NewContact contact);
}
