package com.outboundcalls.rate;

import java.time.Duration;
import java.time.Instant;

/** Every started second is due: 61.000 s bills 61, 61.001 s bills 62. */
public final class BilledSeconds {
    private BilledSeconds() {
    }

    public static long between(Instant answered, Instant disconnected) {
        if (answered == null || disconnected == null || !disconnected.isAfter(answered)) {
            return 0;
        }
        Duration talk = Duration.between(answered, disconnected);
        long seconds = talk.getSeconds();
        return talk.getNano() > 0 ? seconds + 1 : seconds;
    }
}
