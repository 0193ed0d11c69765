package com.outboundcalls.dial;

/** The Connect instance's concurrent-call capacity, shared by every dialer; one line per ClientToken. */
public interface CallLines {

    enum Claim { ACQUIRED, ALREADY_HELD, FULL }

    int active();

    Claim claim(String clientToken);

    /** Frees the line held for this token; doing it twice frees it once. */
    void release(String clientToken);
}
