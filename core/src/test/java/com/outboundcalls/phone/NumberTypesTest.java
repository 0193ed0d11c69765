package com.outboundcalls.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compiled-once classifier against libphonenumber's own getNumberType, number by number. */
class NumberTypesTest {

    private final PhoneNumberUtil util = PhoneNumberUtil.getInstance();
    private final NumberTypes types = new NumberTypes(util);

    private void sameAsLibphonenumber(PhoneNumber number) {
        Optional<Map.Entry<String, PhoneNumberType>> fast = types.of(number);
        if (fast.isPresent()) {
            assertEquals(util.getNumberType(number), fast.get().getValue(), "type of " + number);
            assertEquals(util.getRegionCodeForNumber(number), fast.get().getKey(), "region of " + number);
        }
    }

    @Test
    void everyCallingCodeOfASingleRegionIsClassifiedAndSharedOnesAreNot() {
        for (String region : util.getSupportedRegions()) {
            int callingCode = util.getCountryCodeForRegion(region);
            boolean single = util.getRegionCodesForCountryCode(callingCode).size() == 1;
            // Building a region's automaton throws if its patterns use a construct it cannot read, or grow too big.
            assertEquals(single, types.classifies(callingCode), region);
        }
    }

    @Test
    void everyExampleNumberOfEveryRegionGetsLibphonenumbersType() {
        int compared = 0;
        for (String region : util.getSupportedRegions()) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber example = util.getExampleNumberForType(region, type);
                if (example != null) {
                    sameAsLibphonenumber(example);
                    compared++;
                }
            }
        }
        assertTrue(compared > 1000, "compared " + compared);
    }

    @Test
    void randomNumbersOfEveryPossibleLengthGetLibphonenumbersType() {
        SplittableRandom random = new SplittableRandom(2026);
        int answered = 0;
        for (String region : util.getSupportedRegions()) {
            int countryCode = util.getCountryCodeForRegion(region);
            for (int i = 0; i < 400; i++) {
                int length = 4 + random.nextInt(10);
                long first = 1 + random.nextInt(9);
                long national = first;
                for (int d = 1; d < length; d++) {
                    national = national * 10 + random.nextInt(10);
                }
                PhoneNumber number = new PhoneNumber().setCountryCode(countryCode).setNationalNumber(national);
                sameAsLibphonenumber(number);
                if (types.of(number).isPresent()) {
                    answered++;
                }
            }
        }
        assertTrue(answered > 10_000, "the classifier answered for " + answered + " numbers");
    }

    @Test
    void numbersNearEachExampleGetLibphonenumbersType() {
        // Valid numbers are sparse among random ones: vary the example numbers' digits to cross type boundaries.
        SplittableRandom random = new SplittableRandom(33);
        for (String region : util.getSupportedRegions()) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber example = util.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                String digits = Long.toString(example.getNationalNumber());
                for (int i = 0; i < 30; i++) {
                    char[] varied = digits.toCharArray();
                    int position = random.nextInt(Math.min(4, varied.length));
                    varied[position] = (char) ('0' + random.nextInt(10));
                    varied[varied.length - 1 - random.nextInt(Math.min(3, varied.length))] = (char) ('0' + random.nextInt(10));
                    if (varied[0] == '0') {
                        continue;
                    }
                    sameAsLibphonenumber(new PhoneNumber().setCountryCode(example.getCountryCode())
                            .setNationalNumber(Long.parseLong(new String(varied))));
                }
            }
        }
    }

    @Test
    void sharedCallingCodesAreLeftToLibphonenumber() {
        PhoneNumber reunion = new PhoneNumber().setCountryCode(262).setNationalNumber(692123456L);
        assertTrue(types.of(reunion).isEmpty(), "+262 is both Réunion and Mayotte");
        PhoneNumber france = new PhoneNumber().setCountryCode(33).setNationalNumber(612345678L);
        assertEquals(Map.entry("FR", PhoneNumberType.MOBILE), types.of(france).orElseThrow());
    }
}
