package com.outboundcalls.dial;

import java.time.Instant;

/** A campaign's agent-assisted calls over the 24 hours before an instant, read for its pacing. */
@FunctionalInterface
public interface PacingHistory {
    PacingStats last24Hours(String campaignKey, Instant now);
}
