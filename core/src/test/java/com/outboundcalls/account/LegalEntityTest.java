package com.outboundcalls.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LegalEntityTest {

    @Test
    void theFrenchVatNumberIsComputedFromTheSiren() {
        assertEquals("FR44732829320", LegalEntity.frenchVatNumber("732829320"));
        assertEquals("FR96552100554", LegalEntity.frenchVatNumber("552100554"));
    }

    @Test
    void aSirenFailingItsLuhnCheckIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LegalEntity("X",
                "1 rue A", "75001", "Paris", "FR", "123456789", "FR32123456789"));
        assertTrue(e.getMessage().contains("not a valid SIREN"), e.getMessage());
    }

    @Test
    void aVatNumberNotMatchingTheSirenIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new LegalEntity("X",
                "1 rue A", "75001", "Paris", "FR", "732829320", "FR45732829320"));
        assertTrue(e.getMessage().contains("expected FR44732829320"), e.getMessage());
    }

    @Test
    void aForeignCompanyNeedsNoSiren() {
        LegalEntity belgian = new LegalEntity("Y", "Rue Neuve 1", "1000", "Bruxelles", "BE", null, "BE0123456789");
        assertEquals("Rue Neuve 1, 1000 Bruxelles, BE", belgian.addressLine());
    }

    private static java.util.Optional<String> refusal(String country, String postcode, String siren, String vat) {
        return LegalEntity.refusal("Z", "1 rue A", postcode, "Ville", country, siren, vat);
    }

    @Test
    void aCompanyInAnotherMemberStateNeedsItsVatNumberWithItsCountrysPrefix() {
        assertTrue(refusal("BE", "1000", null, null).orElseThrow().contains("reverse charge"));
        assertTrue(refusal("BE", "1000", null, "DE123456789").orElseThrow().contains("starts with BE"));
        assertTrue(refusal("GR", "10552", null, "GR123456789").orElseThrow().contains("starts with EL"));
        assertTrue(refusal("GR", "10552", null, "EL123456789").isEmpty(), "Greece writes EL");
    }

    @Test
    void aCompanyOutsideTheUnionIsAcceptedWithoutAVatNumberOrWithItsLocalTaxNumber() {
        assertTrue(refusal("CH", "1204", null, null).isEmpty());
        assertTrue(refusal("US", "10001", null, "123456789").isEmpty());
        assertTrue(refusal("CH", "1204", null, "CHE-123.456.789").orElseThrow().contains("not a tax number"));
    }

    @Test
    void aFrenchCompanyOverseasNeedsItsSirenAndInGuyaneOrMayotteNoVatNumber() {
        assertTrue(refusal("FR", "97400", null, null).orElseThrow().contains("SIREN"));
        assertTrue(refusal("FR", "97400", "542107651", null).orElseThrow().contains("VAT number"),
                "Réunion is in the VAT territory");
        assertTrue(refusal("FR", "97300", "542107651", null).isEmpty(), "Guyane is outside it");
        assertTrue(refusal("YT", "97600", "542107651", null).isEmpty(), "Mayotte too");
    }

    @Test
    void theTerritoryFollowsTheCountryAndForFranceThePostcode() {
        assertEquals(TaxTerritory.FRANCE, TaxTerritory.of("FR", "75002"));
        assertEquals(TaxTerritory.FRANCE, TaxTerritory.of("FR", "20000"), "Corsica");
        assertEquals(TaxTerritory.FRANCE, TaxTerritory.of("MC", "98000"), "Monaco is France for VAT");
        assertEquals(TaxTerritory.FRENCH_OVERSEAS_TAXED, TaxTerritory.of("FR", "97110"));
        assertEquals(TaxTerritory.FRENCH_OVERSEAS_TAXED, TaxTerritory.of("FR", "97200"));
        assertEquals(TaxTerritory.FRENCH_OVERSEAS_TAXED, TaxTerritory.of("RE", "97400"));
        assertEquals(TaxTerritory.FRENCH_OVERSEAS_UNTAXED, TaxTerritory.of("FR", "97300"));
        assertEquals(TaxTerritory.FRENCH_OVERSEAS_UNTAXED, TaxTerritory.of("FR", "97600"));
        assertEquals(TaxTerritory.OUTSIDE_EU, TaxTerritory.of("FR", "98713"), "Polynésie");
        assertEquals(TaxTerritory.OTHER_MEMBER_STATE, TaxTerritory.of("DE", "10115"));
        assertEquals(TaxTerritory.OUTSIDE_EU, TaxTerritory.of("GB", "SW1A 1AA"));
    }
}
