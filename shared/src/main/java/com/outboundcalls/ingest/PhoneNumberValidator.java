package com.outboundcalls.ingest;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Turns what a client typed in a phone cell into an E.164 number with its region and type, or a reason. */
public final class PhoneNumberValidator {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();

    /**
     * Regions whose national numbers are dialled behind a plain "0" trunk prefix and whose international
     * prefix is "00": there, {@link #quickParse} reads numbers exactly as libphonenumber's parser does (a unit
     * test checks it on every number type of each).
     */
    static final java.util.Set<String> SIMPLE_TRUNK_REGIONS = java.util.Set.of("FR", "RE", "GP", "MQ", "GF", "YT",
            "BE", "CH", "DE", "GB", "NL", "AT", "IE");

    /** The outcome for one cell: exactly one of {@code number} and {@code reason} is set. */
    public record Verdict(ValidNumber number, RejectReason reason, String message) {
        static Verdict valid(ValidNumber number) {
            return new Verdict(number, null, null);
        }

        static Verdict rejected(RejectReason reason, String message) {
            return new Verdict(null, reason, message);
        }

        public boolean isValid() {
            return number != null;
        }
    }

    /** A number fit to be called: E.164, the region it belongs to, libphonenumber's type name. */
    public record ValidNumber(String e164, String region, String numberType) {
    }

    public Verdict validate(String raw, String defaultRegion, boolean premiumAllowed) {
        if (raw == null || raw.isBlank()) {
            return Verdict.rejected(RejectReason.MISSING_PHONE, "the phone cell is empty");
        }
        String cell = raw.strip();
        if (cell.chars().noneMatch(Character::isDigit)) {
            return Verdict.rejected(RejectReason.NOT_A_NUMBER, "the phone cell holds no digit");
        }
        PhoneNumber quick = quickParse(cell, defaultRegion);
        if (quick != null) {
            PhoneNumberType type = util.getNumberType(quick);
            if (type != PhoneNumberType.UNKNOWN) {
                return accepted(quick, type, premiumAllowed);
            }
        }
        PhoneNumber parsed;
        try {
            parsed = util.parse(cell, defaultRegion);
        } catch (NumberParseException e) {
            return switch (e.getErrorType()) {
                case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD ->
                        Verdict.rejected(RejectReason.TOO_SHORT, "too few digits for a phone number");
                case TOO_LONG -> Verdict.rejected(RejectReason.TOO_LONG, "too many digits for a phone number");
                default -> Verdict.rejected(RejectReason.NOT_A_NUMBER, "not a phone number");
            };
        }
        if (!util.isValidNumber(parsed)) {
            // A spreadsheet may have dropped the national leading zero (612345678 for FR).
            PhoneNumber restored = withLeadingZeroRestored(cell, defaultRegion);
            if (restored != null) {
                parsed = restored;
            } else {
                ValidationResult possible = util.isPossibleNumberWithReason(parsed);
                return switch (possible) {
                    case TOO_SHORT -> Verdict.rejected(RejectReason.TOO_SHORT,
                            "too few digits for a number of region " + regionOrDefault(parsed, defaultRegion));
                    case TOO_LONG -> Verdict.rejected(RejectReason.TOO_LONG,
                            "too many digits for a number of region " + regionOrDefault(parsed, defaultRegion));
                    default -> Verdict.rejected(RejectReason.INVALID_NUMBER,
                            "not a valid number of region " + regionOrDefault(parsed, defaultRegion));
                };
            }
        }
        return accepted(parsed, util.getNumberType(parsed), premiumAllowed);
    }

    private Verdict accepted(PhoneNumber number, PhoneNumberType type, boolean premiumAllowed) {
        if (type == PhoneNumberType.PREMIUM_RATE && !premiumAllowed) {
            return Verdict.rejected(RejectReason.PREMIUM_RATE, "premium-rate numbers are not allowed by the contract");
        }
        String region = util.getRegionCodeForNumber(number);
        return Verdict.valid(new ValidNumber(util.format(number, PhoneNumberFormat.E164), region, type.name()));
    }

    /**
     * The common shapes read without libphonenumber's general parser, which costs most of a row's time:
     * {@code +CC digits}, {@code 00CC digits}, or a national number behind a plain "0" trunk prefix, with
     * spaces, dots, dashes, slashes or brackets between digits. Anything else, or any number this reading
     * finds invalid, goes through the general parser, so this never accepts what the parser would not.
     */
    PhoneNumber quickParse(String cell, String defaultRegion) {
        StringBuilder digits = new StringBuilder(cell.length());
        boolean plus = false;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (c == '+' && i == 0) {
                plus = true;
            } else if (c != ' ' && c != '.' && c != '-' && c != '/' && c != '(' && c != ')' && c != '\u00A0') {
                return null;
            }
        }
        if (digits.length() < 6 || digits.length() > 17) {
            return null;
        }
        boolean simpleRegion = defaultRegion != null && SIMPLE_TRUNK_REGIONS.contains(defaultRegion);
        if (!plus && digits.charAt(0) == '0' && digits.charAt(1) == '0') {
            if (!simpleRegion) {
                return null;
            }
            digits.delete(0, 2);
            plus = true;
        }
        if (plus) {
            for (int length = 1; length <= 3 && length < digits.length(); length++) {
                int countryCode = Integer.parseInt(digits, 0, length, 10);
                if (!"ZZ".equals(util.getRegionCodeForCountryCode(countryCode))) {
                    return number(countryCode, digits.substring(length));
                }
            }
            return null;
        }
        if (!simpleRegion || digits.charAt(0) != '0') {
            return null;
        }
        return number(util.getCountryCodeForRegion(defaultRegion), digits.substring(1));
    }

    private static PhoneNumber number(int countryCode, String national) {
        if (national.length() < 4 || national.charAt(0) == '0') {
            return null;
        }
        return new PhoneNumber().setCountryCode(countryCode).setNationalNumber(Long.parseLong(national));
    }

    private PhoneNumber withLeadingZeroRestored(String cell, String defaultRegion) {
        String digits = cell.replaceAll("[^0-9]", "");
        if (cell.startsWith("+") || cell.startsWith("00") || digits.startsWith("0")) {
            return null;
        }
        try {
            PhoneNumber candidate = util.parse("0" + digits, defaultRegion);
            return util.isValidNumberForRegion(candidate, defaultRegion) ? candidate : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private String regionOrDefault(PhoneNumber number, String defaultRegion) {
        String region = util.getRegionCodeForCountryCode(number.getCountryCode());
        return "ZZ".equals(region) ? defaultRegion : region;
    }

    /** Region (ISO 3166 alpha-2) a number belongs to, or ZZ when unknown. */
    public String regionOf(String e164) {
        try {
            return util.getRegionCodeForNumber(util.parse(e164, "ZZ"));
        } catch (NumberParseException e) {
            return "ZZ";
        }
    }
}
