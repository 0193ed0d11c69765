package com.outboundcalls.account;

import java.util.Locale;
import java.util.Optional;

/**
 * A company as an invoice must name it (Code de commerce L441-9): name, postal address, SIREN and
 * intra-community VAT number.
 *
 * @param countryCode ISO 3166-1 alpha-2 code of the address
 * @param siren       nine digits for a French company (Luhn-checked), or null for a company registered abroad
 * @param vatNumber   intra-community VAT number, with its country's prefix; for France, FR + key + SIREN, the key
 *                    checked against the SIREN. Optional outside the Union's VAT area (then a local tax number, if
 *                    any), required in France (Monaco too) and in the other member states
 * @see TaxTerritory
 */
public record LegalEntity(String name, String street, String postcode, String city, String countryCode,
                          String siren, String vatNumber) {

    public LegalEntity {
        refusal(name, street, postcode, city, countryCode, siren, vatNumber).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
    }

    /** Why these identity fields cannot go on an invoice, if they cannot. */
    public static Optional<String> refusal(String name, String street, String postcode, String city,
                                           String countryCode, String siren, String vatNumber) {
        if (blank(name) || blank(street) || blank(postcode) || blank(city)) {
            return Optional.of("a legal identity needs a name and a full postal address");
        }
        if (countryCode == null || !countryCode.matches("[A-Z]{2}")) {
            return Optional.of("country must be an ISO 3166 two-letter code, not '" + countryCode + "'");
        }
        TaxTerritory territory = TaxTerritory.of(countryCode, postcode);
        boolean frenchCompany = "FR".equals(countryCode) || territory.french();
        if (frenchCompany && siren == null) {
            return Optional.of("a French company needs its SIREN");
        }
        if (siren != null && !validSiren(siren)) {
            return Optional.of("'" + siren + "' is not a valid SIREN (nine digits with a Luhn check)");
        }
        boolean vatNumberRequired = switch (territory) {
            case FRANCE, FRENCH_OVERSEAS_TAXED, OTHER_MEMBER_STATE -> true;
            case FRENCH_OVERSEAS_UNTAXED, OUTSIDE_EU -> false;
        };
        if (vatNumber == null) {
            return vatNumberRequired ? Optional.of(territory == TaxTerritory.OTHER_MEMBER_STATE
                    ? "a company established in " + countryCode + " needs its intra-community VAT number: it is"
                    + " invoiced under reverse charge" : "a company established in France needs its VAT number")
                    : Optional.empty();
        }
        if (territory == TaxTerritory.OUTSIDE_EU && !frenchCompany) {
            return vatNumber.matches("[A-Z0-9]{2,20}") ? Optional.empty()
                    : Optional.of("'" + vatNumber + "' is not a tax number (2 to 20 capital letters and digits)");
        }
        if (!vatNumber.matches("[A-Z]{2}[0-9A-Z]{2,13}")) {
            return Optional.of("'" + vatNumber + "' is not an intra-community VAT number");
        }
        String prefix = territory == TaxTerritory.OTHER_MEMBER_STATE ? TaxTerritory.vatPrefix(countryCode) : "FR";
        if (!vatNumber.startsWith(prefix)) {
            return Optional.of("VAT number " + vatNumber + " is not one of " + countryCode + " (it starts with "
                    + prefix + ")");
        }
        if (frenchCompany && !vatNumber.equals(frenchVatNumber(siren))) {
            return Optional.of("VAT number " + vatNumber + " does not match SIREN " + siren
                    + " (expected " + frenchVatNumber(siren) + ")");
        }
        return Optional.empty();
    }

    static boolean validSiren(String siren) {
        if (!siren.matches("[0-9]{9}")) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            int digit = siren.charAt(8 - i) - '0';
            if (i % 2 == 1) {
                digit *= 2;
                if (digit > 9) {
                    digit -= 9;
                }
            }
            sum += digit;
        }
        return sum % 10 == 0;
    }

    /** The French VAT number of a SIREN: FR, then (12 + 3 x (SIREN mod 97)) mod 97 on two digits, then the SIREN. */
    public static String frenchVatNumber(String siren) {
        long key = (12 + 3 * (Long.parseLong(siren) % 97)) % 97;
        return String.format(Locale.ROOT, "FR%02d%s", key, siren);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Where the company is established, for VAT. */
    public TaxTerritory taxTerritory() {
        return TaxTerritory.of(countryCode, postcode);
    }

    /** The address on one line, as printed under the name. */
    public String addressLine() {
        return street + ", " + postcode + " " + city + ("FR".equals(countryCode) ? "" : ", " + countryCode);
    }
}
