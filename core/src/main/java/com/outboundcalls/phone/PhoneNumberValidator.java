package com.outboundcalls.phone;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil.ValidationResult;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

/** Turns what a client typed in a phone cell into an E.164 number with its region and type, or a reason. */
public final class PhoneNumberValidator {

    /**
     * libphonenumber's metadata and what is worked out from it, loaded when the first number is checked and shared
     * by every validator of the container: a validator costs nothing to make, and a file refused before its rows are
     * read never loads the metadata.
     */
    private static final class Metadata {
        static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
        static final NumberTypes TYPES = new NumberTypes(UTIL);
        /** The calling code of each of the simple-trunk regions, looked up once. */
        static final java.util.Map<String, Integer> SIMPLE_TRUNK_CALLING_CODES = SIMPLE_TRUNK_REGIONS.stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(r -> r, UTIL::getCountryCodeForRegion));
    }

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
            var known = Metadata.TYPES.of(quick);
            PhoneNumberType type = known.isPresent() ? known.get().getValue() : Metadata.UTIL.getNumberType(quick);
            if (type != PhoneNumberType.UNKNOWN) {
                return accepted(quick, type, known.map(java.util.Map.Entry::getKey).orElse(null), premiumAllowed);
            }
        }
        PhoneNumber parsed;
        try {
            parsed = Metadata.UTIL.parse(cell, defaultRegion);
        } catch (NumberParseException e) {
            return switch (e.getErrorType()) {
                case TOO_SHORT_NSN, TOO_SHORT_AFTER_IDD ->
                        Verdict.rejected(RejectReason.TOO_SHORT, "too few digits for a phone number");
                case TOO_LONG -> Verdict.rejected(RejectReason.TOO_LONG, "too many digits for a phone number");
                default -> Verdict.rejected(RejectReason.NOT_A_NUMBER, "not a phone number");
            };
        }
        if (!Metadata.UTIL.isValidNumber(parsed)) {
            // A spreadsheet may have dropped the national leading zero (612345678 for FR).
            PhoneNumber restored = withLeadingZeroRestored(cell, defaultRegion);
            if (restored != null) {
                parsed = restored;
            } else {
                ValidationResult possible = Metadata.UTIL.isPossibleNumberWithReason(parsed);
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
        return accepted(parsed, Metadata.UTIL.getNumberType(parsed), null, premiumAllowed);
    }

    /** @param knownRegion the number's region when already known, else null */
    private Verdict accepted(PhoneNumber number, PhoneNumberType type, String knownRegion, boolean premiumAllowed) {
        if (type == PhoneNumberType.PREMIUM_RATE && !premiumAllowed) {
            return Verdict.rejected(RejectReason.PREMIUM_RATE, "premium-rate numbers are not allowed by the contract");
        }
        String region = knownRegion != null ? knownRegion : Metadata.UTIL.getRegionCodeForNumber(number);
        // E.164 is "+", the calling code and the national significant number, which has a leading zero only for
        // the numbers (Italian fixed lines) that keep one.
        String e164 = number.hasItalianLeadingZero() ? Metadata.UTIL.format(number, PhoneNumberFormat.E164)
                : "+" + number.getCountryCode() + number.getNationalNumber();
        return Verdict.valid(new ValidNumber(e164, region, type.name()));
    }

    /**
     * The common shapes read without libphonenumber's general parser, which costs most of a row's time:
     * {@code +CC digits}, {@code 00CC digits}, or a national number behind a plain "0" trunk prefix, with
     * spaces, dots, dashes, slashes or brackets between digits. Anything else, or any number this reading
     * finds invalid, goes through the general parser, so this never accepts what the parser would not.
     */
    PhoneNumber quickParse(String cell, String defaultRegion) {
        if (cell.length() > 40) {
            return null;
        }
        char[] digits = new char[cell.length()];
        int count = 0;
        boolean plus = false;
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c >= '0' && c <= '9') {
                digits[count++] = c;
            } else if (c == '+' && i == 0) {
                plus = true;
            } else if (c != ' ' && c != '.' && c != '-' && c != '/' && c != '(' && c != ')' && c != '\u00A0') {
                return null;
            }
        }
        if (count < 6 || count > 17) {
            return null;
        }
        int from = 0;
        Integer regionCallingCode = defaultRegion == null ? null : Metadata.SIMPLE_TRUNK_CALLING_CODES.get(defaultRegion);
        boolean simpleRegion = regionCallingCode != null;
        if (!plus && digits[0] == '0' && digits[1] == '0') {
            if (!simpleRegion) {
                return null;
            }
            from = 2;
            plus = true;
        }
        if (plus) {
            int countryCode = 0;
            for (int length = 1; length <= 3 && from + length < count; length++) {
                countryCode = countryCode * 10 + (digits[from + length - 1] - '0');
                if (!"ZZ".equals(Metadata.UTIL.getRegionCodeForCountryCode(countryCode))) {
                    return number(countryCode, digits, from + length, count);
                }
            }
            return null;
        }
        if (!simpleRegion || digits[0] != '0') {
            return null;
        }
        return number(regionCallingCode, digits, 1, count);
    }

    /** The national number in {@code digits[from, to)}: at least 4 digits, not starting with 0. */
    private static PhoneNumber number(int countryCode, char[] digits, int from, int to) {
        if (to - from < 4 || digits[from] == '0') {
            return null;
        }
        long national = 0;
        for (int i = from; i < to; i++) {
            national = national * 10 + (digits[i] - '0');
        }
        return new PhoneNumber().setCountryCode(countryCode).setNationalNumber(national);
    }

    private PhoneNumber withLeadingZeroRestored(String cell, String defaultRegion) {
        String digits = cell.replaceAll("[^0-9]", "");
        if (cell.startsWith("+") || cell.startsWith("00") || digits.startsWith("0")) {
            return null;
        }
        try {
            PhoneNumber candidate = Metadata.UTIL.parse("0" + digits, defaultRegion);
            return Metadata.UTIL.isValidNumberForRegion(candidate, defaultRegion) ? candidate : null;
        } catch (NumberParseException e) {
            return null;
        }
    }

    private String regionOrDefault(PhoneNumber number, String defaultRegion) {
        String region = Metadata.UTIL.getRegionCodeForCountryCode(number.getCountryCode());
        return "ZZ".equals(region) ? defaultRegion : region;
    }

    /** Region (ISO 3166 alpha-2) a number belongs to, or ZZ when unknown. */
    public String regionOf(String e164) {
        try {
            return Metadata.UTIL.getRegionCodeForNumber(Metadata.UTIL.parse(e164, "ZZ"));
        } catch (NumberParseException e) {
            return "ZZ";
        }
    }
}
