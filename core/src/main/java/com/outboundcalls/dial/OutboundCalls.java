package com.outboundcalls.dial;

import java.util.Map;

/** Places outbound calls (Amazon Connect's StartOutboundVoiceContact). */
public interface OutboundCalls {

    /**
     * One call to place; the token makes a repeated request return the first call's id.
     *
     * @param detectAnsweringMachine run Connect's answering-machine detection on this call
     */
    record OutboundCall(String clientToken, String destination, String callerId, Map<String, String> attributes,
                        boolean detectAnsweringMachine) {
    }

    /** @return the Connect ContactId */
    String start(OutboundCall call);

    /** Connect is throttling or at its concurrent-call limit: try again later. */
    class CallThrottledException extends RuntimeException {
        public CallThrottledException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Connect refuses the call for a reason of the setup, not of the callee (a flow or caller ID it does not accept,
     * outbound calls not permitted on the instance): every call of the campaign would fail the same way.
     */
    class CallMisconfiguredException extends RuntimeException {
        public CallMisconfiguredException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Connect refuses this destination for good (not allowed, invalid): no retry will change it. */
    class CallRefusedException extends RuntimeException {
        public CallRefusedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
