package com.outboundcalls.dial;

/** StartOutboundVoiceContact slots per second, shared by every dialer. */
public interface DialPacer {
    /** Takes one of the second's slots, or says there is none left in that second. */
    boolean tryTake(long epochSecond);
}
