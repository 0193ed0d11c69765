package com.outboundcalls.account;

import java.util.Set;

/**
 * Where a company is established, as French VAT sees it (CGI art. 256-0, 259-1 and 294). A business client's
 * telecom services are taxed where the client is established: in the French VAT territory at its rate, in
 * another member state by the client itself (reverse charge), outside the Union not at all in France.
 */
public enum TaxTerritory {
    /** Metropolitan France, Corsica and Monaco (treated as France for VAT): the standard rate. */
    FRANCE,
    /** Guadeloupe, Martinique, Réunion: French VAT at the overseas rates (CGI art. 296). */
    FRENCH_OVERSEAS_TAXED,
    /** Guyane and Mayotte: French, outside the VAT territory for now (CGI art. 294). */
    FRENCH_OVERSEAS_UNTAXED,
    /** Another member state of the European Union. */
    OTHER_MEMBER_STATE,
    /** Outside the Union, overseas collectivities included (Saint-Pierre-et-Miquelon, Polynésie...). */
    OUTSIDE_EU;

    /** The member states other than France, by ISO 3166 code. */
    static final Set<String> OTHER_MEMBER_STATES = Set.of("AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
            "GR", "HR", "HU", "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK");

    /** The territory of an address: its country code and, for a French address, its postcode's department. */
    public static TaxTerritory of(String countryCode, String postcode) {
        switch (countryCode) {
            case "FR":
                return ofFrenchPostcode(postcode);
            case "MC":
                return FRANCE;
            case "GP", "MQ", "RE":
                return FRENCH_OVERSEAS_TAXED;
            case "GF", "YT":
                return FRENCH_OVERSEAS_UNTAXED;
            default:
                return OTHER_MEMBER_STATES.contains(countryCode) ? OTHER_MEMBER_STATE : OUTSIDE_EU;
        }
    }

    private static TaxTerritory ofFrenchPostcode(String postcode) {
        String p = postcode == null ? "" : postcode.strip();
        if (p.startsWith("971") || p.startsWith("972") || p.startsWith("974")) {
            return FRENCH_OVERSEAS_TAXED;
        }
        if (p.startsWith("973") || p.startsWith("976")) {
            return FRENCH_OVERSEAS_UNTAXED;
        }
        if (p.startsWith("975") || p.startsWith("977") || p.startsWith("978") || p.startsWith("98")) {
            return OUTSIDE_EU; // overseas collectivities, outside the Union's VAT area
        }
        return FRANCE;
    }

    /** Whether a company established here is French: it has a SIREN. */
    public boolean french() {
        return this == FRANCE || this == FRENCH_OVERSEAS_TAXED || this == FRENCH_OVERSEAS_UNTAXED;
    }

    /** The prefix of an intra-community VAT number of a country (Greece writes EL). */
    static String vatPrefix(String countryCode) {
        return "GR".equals(countryCode) ? "EL" : countryCode;
    }
}
