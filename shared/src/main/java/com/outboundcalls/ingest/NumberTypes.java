package com.outboundcalls.ingest;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneNumberDesc;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The type of a number (mobile, fixed line, premium rate, ...) for the calling codes that belong to one region
 * only, decided as libphonenumber decides it, from libphonenumber's own metadata, with the patterns
 * compiled once. libphonenumber's {@code getNumberType} looks the patterns up in a shared synchronized cache on
 * every call, which is most of a row's time when many threads validate a file; this answers without it. A unit
 * test compares the two on every example number and many random numbers of each region.
 */
final class NumberTypes {

    /** A number description: the lengths it allows and its national-number pattern. */
    private record Desc(Pattern pattern, Set<Integer> lengths) {
        static Desc of(PhoneNumberDesc desc) {
            return new Desc(Pattern.compile(desc.getNationalNumberPattern()), new HashSet<>(desc.getPossibleLengthList()));
        }

        boolean matches(String nsn) {
            return (lengths.isEmpty() || lengths.contains(nsn.length())) && pattern.matcher(nsn).matches();
        }
    }

    /** One region's descriptions, in the order libphonenumber tries them. */
    private record Region(String code, Desc general, List<Map.Entry<PhoneNumberType, Desc>> special, Desc fixedLine,
                          Desc mobile, boolean sameMobileAndFixedLinePattern) {
    }

    /** Regions by calling code, built on first use; empty for calling codes shared by several regions. */
    private final Map<Integer, Optional<Region>> byCountryCode = new ConcurrentHashMap<>();
    private final PhoneNumberUtil util;

    NumberTypes(PhoneNumberUtil util) {
        this.util = util;
    }

    private Optional<Region> region(int countryCode) {
        return byCountryCode.computeIfAbsent(countryCode, cc -> {
            List<String> codes = util.getRegionCodesForCountryCode(cc);
            if (codes.size() != 1) {
                return Optional.empty(); // shared (+262 Réunion and Mayotte, +1, ...): the region is found first
            }
            String code = codes.get(0);
            // The metadata PhoneNumberUtil.getInstance() itself reads.
            PhoneMetadata m = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource()
                    .getMetadataForRegion(code);
            if (m == null) {
                return Optional.empty();
            }
            return Optional.of(new Region(code, Desc.of(m.getGeneralDesc()), List.of(
                    Map.entry(PhoneNumberType.PREMIUM_RATE, Desc.of(m.getPremiumRate())),
                    Map.entry(PhoneNumberType.TOLL_FREE, Desc.of(m.getTollFree())),
                    Map.entry(PhoneNumberType.SHARED_COST, Desc.of(m.getSharedCost())),
                    Map.entry(PhoneNumberType.VOIP, Desc.of(m.getVoip())),
                    Map.entry(PhoneNumberType.PERSONAL_NUMBER, Desc.of(m.getPersonalNumber())),
                    Map.entry(PhoneNumberType.PAGER, Desc.of(m.getPager())),
                    Map.entry(PhoneNumberType.UAN, Desc.of(m.getUan())),
                    Map.entry(PhoneNumberType.VOICEMAIL, Desc.of(m.getVoicemail()))),
                    Desc.of(m.getFixedLine()), Desc.of(m.getMobile()), m.getSameMobileAndFixedLinePattern()));
        });
    }

    /** The region and type, when the number's calling code is one of these regions'; empty otherwise. */
    Optional<Map.Entry<String, PhoneNumberType>> of(PhoneNumber number) {
        Optional<Region> region = region(number.getCountryCode());
        if (region.isEmpty() || number.hasItalianLeadingZero()) {
            return Optional.empty();
        }
        String nsn = Long.toString(number.getNationalNumber());
        return Optional.of(Map.entry(region.get().code(), type(region.get(), nsn)));
    }

    private static PhoneNumberType type(Region region, String nsn) {
        if (!region.general().matches(nsn)) {
            return PhoneNumberType.UNKNOWN;
        }
        for (Map.Entry<PhoneNumberType, Desc> special : region.special()) {
            if (special.getValue().matches(nsn)) {
                return special.getKey();
            }
        }
        if (region.fixedLine().matches(nsn)) {
            return region.sameMobileAndFixedLinePattern() || region.mobile().matches(nsn)
                    ? PhoneNumberType.FIXED_LINE_OR_MOBILE : PhoneNumberType.FIXED_LINE;
        }
        if (!region.sameMobileAndFixedLinePattern() && region.mobile().matches(nsn)) {
            return PhoneNumberType.MOBILE;
        }
        return PhoneNumberType.UNKNOWN;
    }
}
