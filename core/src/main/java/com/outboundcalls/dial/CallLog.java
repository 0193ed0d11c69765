package com.outboundcalls.dial;

import java.util.Optional;

/** Calls placed, by Connect ContactId. */
public interface CallLog {
    void record(CallRecord call);

    Optional<CallRecord> find(String connectContactId);
}
