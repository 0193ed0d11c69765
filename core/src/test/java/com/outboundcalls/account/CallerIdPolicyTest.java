package com.outboundcalls.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallerIdPolicyTest {

    @Test
    void numbersFromTheArcepRangesMayBePresented() {
        for (String allowed : new String[]{"+33948123456", "+33949000000", "+33162000000", "+33569123456",
                "+33947512345", "+33947999999"}) {
            assertTrue(CallerIdPolicy.refusal(allowed).isEmpty(), allowed);
        }
    }

    @Test
    void mobileNumbersAndOtherFrenchRangesAreRefusedWithTheReason() {
        assertTrue(CallerIdPolicy.refusal("+33612345678").orElseThrow().contains("06/07 mobile"));
        assertTrue(CallerIdPolicy.refusal("+33712345678").orElseThrow().contains("06/07 mobile"));
        assertTrue(CallerIdPolicy.refusal("+33142685300").orElseThrow().contains("outside the ranges"));
        assertTrue(CallerIdPolicy.refusal("+33947412345").orElseThrow().contains("outside the ranges"));
        assertFalse(CallerIdPolicy.refusal("0948123456").isEmpty(), "not E.164");
    }

    @Test
    void aClientsOwnNumberIsPresentedOnlyOnceVerified() {
        com.outboundcalls.account.Client client = new com.outboundcalls.account.Client("acme", "ACME", "FR",
                new com.outboundcalls.account.Client.Tariff(1, java.time.Duration.ZERO),
                com.outboundcalls.account.Client.AccountStatus.ACTIVE, null);
        com.outboundcalls.account.Campaign campaign = new com.outboundcalls.account.Campaign("acme", "c",
                com.outboundcalls.account.Campaign.Status.ACTIVE, null, null, 1).presentingClientsOwnNumber("+33162000001");

        assertEquals("the caller ID +33162000001 is not among the client's own numbers",
                CallerIdPolicy.refusal(campaign, client, "+33948000000").orElseThrow());
        var pending = client.withOwnNumber("+33162000001", com.outboundcalls.account.Client.Verification.PENDING, null);
        assertEquals("the client's right to present +33162000001 is pending, not verified",
                CallerIdPolicy.refusal(campaign, pending, "+33948000000").orElseThrow());
        var verified = client.withOwnNumber("+33162000001", com.outboundcalls.account.Client.Verification.VERIFIED,
                "ARCEP-attestation-2026-118");
        assertTrue(CallerIdPolicy.refusal(campaign, verified, "+33948000000").isEmpty());
        var revoked = verified.withOwnNumber("+33162000001", com.outboundcalls.account.Client.Verification.REVOKED,
                "ARCEP-attestation-2026-118");
        assertTrue(CallerIdPolicy.refusal(campaign, revoked, "+33948000000").orElseThrow().contains("revoked"));

        var mobile = campaign.presentingClientsOwnNumber("+33612345678");
        var verifiedMobile = client.withOwnNumber("+33612345678", com.outboundcalls.account.Client.Verification.VERIFIED, "x");
        assertTrue(CallerIdPolicy.refusal(mobile, verifiedMobile, "+33948000000").orElseThrow().contains("06/07 mobile"),
                "verified or not, a mobile number is never presented");
    }
}
