package com.outboundcalls.time;

import java.time.ZoneId;
import java.util.Map;

/** The time zone a callee lives in, from the region of the number: Réunion is not Paris. */
public final class RegionZones {

    private static final Map<String, String> ZONES = Map.ofEntries(
            Map.entry("FR", "Europe/Paris"), Map.entry("MC", "Europe/Monaco"),
            Map.entry("RE", "Indian/Reunion"), Map.entry("YT", "Indian/Mayotte"),
            Map.entry("GP", "America/Guadeloupe"), Map.entry("MQ", "America/Martinique"),
            Map.entry("GF", "America/Cayenne"), Map.entry("PM", "America/Miquelon"),
            Map.entry("BL", "America/St_Barthelemy"), Map.entry("MF", "America/Marigot"),
            Map.entry("NC", "Pacific/Noumea"), Map.entry("PF", "Pacific/Tahiti"),
            Map.entry("WF", "Pacific/Wallis"),
            Map.entry("BE", "Europe/Brussels"), Map.entry("LU", "Europe/Luxembourg"),
            Map.entry("CH", "Europe/Zurich"), Map.entry("DE", "Europe/Berlin"),
            Map.entry("ES", "Europe/Madrid"), Map.entry("IT", "Europe/Rome"),
            Map.entry("PT", "Europe/Lisbon"), Map.entry("NL", "Europe/Amsterdam"),
            Map.entry("GB", "Europe/London"), Map.entry("IE", "Europe/Dublin"),
            Map.entry("AT", "Europe/Vienna"), Map.entry("PL", "Europe/Warsaw"),
            Map.entry("SE", "Europe/Stockholm"), Map.entry("DK", "Europe/Copenhagen"),
            Map.entry("FI", "Europe/Helsinki"), Map.entry("NO", "Europe/Oslo"),
            Map.entry("GR", "Europe/Athens"), Map.entry("CZ", "Europe/Prague"),
            Map.entry("RO", "Europe/Bucharest"), Map.entry("HU", "Europe/Budapest"));

    private RegionZones() {
    }

    /** The callee's zone; a region not listed is treated as Paris time, where the provider operates. */
    public static ZoneId of(String region) {
        String zone = ZONES.get(region);
        return zone == null ? Zones.BILLING : ZoneId.of(zone);
    }
}
