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
}
