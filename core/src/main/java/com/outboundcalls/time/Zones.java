package com.outboundcalls.time;

import java.time.ZoneId;

/** The provider's own zone: months are billed, schedules run and legal dates fall in Paris time. */
public final class Zones {
    public static final ZoneId BILLING = ZoneId.of("Europe/Paris");

    private Zones() {
    }
}
