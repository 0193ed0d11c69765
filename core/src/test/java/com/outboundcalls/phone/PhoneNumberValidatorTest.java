package com.outboundcalls.phone;

import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhoneNumberValidatorTest {

    private final PhoneNumberValidator validator = new PhoneNumberValidator();

    private PhoneNumberValidator.ValidNumber valid(String raw, String region) {
        PhoneNumberValidator.Verdict verdict = validator.validate(raw, region, false);
        if (!verdict.isValid()) {
            throw new AssertionError(raw + " rejected: " + verdict.reason() + " " + verdict.message());
        }
        return verdict.number();
    }

    @Test
    void nationalAndInternationalWritingsGiveTheSameE164() {
        assertEquals("+33612345678", valid("06 12 34 56 78", "FR").e164());
        assertEquals("+33612345678", valid("+33 6 12 34 56 78", "FR").e164());
        assertEquals("+33612345678", valid("0033612345678", "FR").e164());
        assertEquals("+33612345678", valid("06.12.34.56.78", "FR").e164());
    }

    @Test
    void anItalianFixedLineKeepsItsLeadingZeroInE164() {
        PhoneNumberValidator.ValidNumber milan = valid("+39 02 8901 2345", "FR");
        assertEquals("+390289012345", milan.e164());
        assertEquals("IT", milan.region());
        assertEquals("FIXED_LINE", milan.numberType());
    }

    @Test
    void aLeadingZeroDroppedByASpreadsheetIsRestored() {
        PhoneNumberValidator.ValidNumber n = valid("612345678", "FR");
        assertEquals("+33612345678", n.e164());
        assertEquals("MOBILE", n.numberType());
    }

    @Test
    void theRegionAndTypeTravelWithTheNumber() {
        PhoneNumberValidator.ValidNumber reunion = valid("0692123456", "RE");
        assertEquals("+262692123456", reunion.e164());
        assertEquals("RE", reunion.region());
        assertEquals("MOBILE", reunion.numberType());
        assertEquals("FIXED_LINE", valid("01 42 68 53 00", "FR").numberType());
        assertEquals("BE", valid("+32 470 12 34 56", "FR").region());
    }

    @Test
    void eachBadCellGetsItsReason() {
        assertEquals(RejectReason.MISSING_PHONE, validator.validate("  ", "FR", false).reason());
        assertEquals(RejectReason.NOT_A_NUMBER, validator.validate("à rappeler", "FR", false).reason());
        assertEquals(RejectReason.TOO_SHORT, validator.validate("06 12 34", "FR", false).reason());
        assertEquals(RejectReason.TOO_LONG, validator.validate("06 12 34 56 78 90 12 34 56", "FR", false).reason());
        assertEquals(RejectReason.PREMIUM_RATE, validator.validate("08 99 12 34 56", "FR", false).reason());
    }

    @Test
    void premiumNumbersPassWhenTheContractAllowsThem() {
        assertEquals("PREMIUM_RATE", validator.validate("08 99 12 34 56", "FR", true).number().numberType());
    }

    @Test
    void anInvalidNumberIsNotAccepted() {
        assertFalse(validator.validate("+33 0 00 00 00 00", "FR", false).isValid());
    }

    @Test
    void theQuickReadingOfCommonShapesAgreesWithLibphonenumbersParserEverywhereItAnswers() throws Exception {
        PhoneNumberUtil util = PhoneNumberUtil.getInstance();
        PhoneNumberValidator validator = new PhoneNumberValidator();
        int compared = 0;
        for (String region : PhoneNumberValidator.SIMPLE_TRUNK_REGIONS) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber example = util.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                for (String written : List.of(util.format(example, PhoneNumberFormat.NATIONAL),
                        util.format(example, PhoneNumberFormat.INTERNATIONAL), util.format(example, PhoneNumberFormat.E164),
                        "00" + util.format(example, PhoneNumberFormat.E164).substring(1))) {
                    for (String defaultRegion : List.of(region, "FR")) {
                        PhoneNumber quick = validator.quickParse(written, defaultRegion);
                        if (quick == null || util.getNumberType(quick) == PhoneNumberType.UNKNOWN) {
                            continue;
                        }
                        PhoneNumber parsed = util.parse(written, defaultRegion);
                        assertEquals(util.format(parsed, PhoneNumberFormat.E164), util.format(quick, PhoneNumberFormat.E164),
                                written + " read in " + defaultRegion);
                        assertEquals(util.getNumberType(parsed), util.getNumberType(quick), written);
                        compared++;
                    }
                }
            }
        }
        assertTrue(compared > 150, "compared " + compared);
    }
}
