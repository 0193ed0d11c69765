package com.outboundcalls.rate;

import java.time.Duration;

/**
 * What a finished call came to, read from its DISCONNECTED event: who answered (a person, a machine), and
 * for a call nobody answered, why (Connect's disconnect reason).
 */
public enum CallOutcome {
    /** A person answered and stayed: reached. */
    ANSWERED,
    /** A person answered and hung up at once: reached, but the call could not be completed. */
    UNSUCCESSFUL,
    /** Answering machine detection heard a voicemail. */
    VOICEMAIL,
    BUSY,
    NO_ANSWER,
    /** The number does not exist: no further attempt. */
    INVALID_NUMBER,
    /** Connect or the network could not place the call: tried again, not counted against the client. */
    NETWORK_ERROR;

    /** An answered call shorter than this, ended by the callee, was hung up at once. */
    static final Duration HUNG_UP_AT_ONCE = Duration.ofSeconds(3);

    public static CallOutcome of(ContactEvent event) {
        String reason = event.disconnectReason() == null ? "" : event.disconnectReason();
        if (event.wasAnswered()) {
            if (event.reachedVoicemail()) {
                return VOICEMAIL;
            }
            boolean hungUpAtOnce = event.disconnectTimestamp() != null && "CUSTOMER_DISCONNECT".equals(reason)
                    && Duration.between(event.connectedToSystemTimestamp(), event.disconnectTimestamp())
                    .compareTo(HUNG_UP_AT_ONCE) < 0;
            return hungUpAtOnce ? UNSUCCESSFUL : ANSWERED;
        }
        return switch (reason) {
            case "TELECOM_NUMBER_INVALID" -> INVALID_NUMBER;
            case "TELECOM_BUSY" -> BUSY;
            case "TELECOM_PROBLEM", "TELECOM_OTHER", "OUTBOUND_ATTEMPT_FAILED", "OUTBOUND_RESOURCE_ERROR" ->
                    NETWORK_ERROR;
            default -> NO_ANSWER;
        };
    }
}
