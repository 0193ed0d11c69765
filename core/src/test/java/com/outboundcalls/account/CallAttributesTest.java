package com.outboundcalls.account;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CallAttributesTest {

    private static final Campaign CAMPAIGN = new Campaign("acme", "spring", Campaign.Status.ACTIVE, null, "script-7", 1);

    @Test
    void aCampaignWhoseInstructionsLeaveNoRoomForTheContactsColumnsIsRefusedAtSetup() {
        assertTrue(CallAttributes.refusal(CAMPAIGN.withInstructions("Proposer le rendez-vous du mardi.")).isEmpty());
        String refusal = CallAttributes.refusal(CAMPAIGN.withInstructions("é".repeat(13_000))).orElseThrow();
        assertTrue(refusal.startsWith("the campaign's instructions take 26547 bytes"), refusal);
    }

    @Test
    void aContactsColumnsMustFitTheirShareOfTheCall() {
        assertTrue(CallAttributes.refusal(Map.of("reference", "R-1", "note", "x".repeat(8_000))).isEmpty());
        assertEquals("the row's extra columns take 8220 bytes, and a call carries at most 8192 for them",
                CallAttributes.refusal(Map.of("note", "x".repeat(8_200), "reference", "R-1")).orElseThrow());
    }

    @Test
    void columnNamesBecomeValidConnectKeys() {
        assertEquals("x_Date_RDV", CallAttributes.key("Date RDV"));
        assertTrue(CallAttributes.isValidKey(CallAttributes.key("Référence client (interne)")));
    }
}
