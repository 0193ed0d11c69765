package com.outboundcalls.report;

import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.rate.RatedCall;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignDashboardTest {

    /** Adds changes the way the store does: counter by counter. */
    private static void add(Map<String, BigDecimal> counters, Map<String, ? extends Number> change) {
        change.forEach((name, value) -> counters.merge(name, new BigDecimal(value.toString()), BigDecimal::add));
    }

    private static RatedCall call(int attempt, String initiated, Integer talkSeconds, String price) {
        Instant start = Instant.parse(initiated);
        Instant answered = talkSeconds == null ? null : start.plusSeconds(10);
        Instant end = talkSeconds == null ? start.plusSeconds(30) : answered.plusSeconds(talkSeconds);
        long billed = talkSeconds == null ? 0 : talkSeconds;
        return new RatedCall("cc-" + initiated + attempt, "acme", "winter", "ct-1", attempt, "FR", "FR", "MOBILE",
                start, answered, end, billed, new BigDecimal(price),
                new BigDecimal(price).multiply(BigDecimal.valueOf(billed)).divide(BigDecimal.valueOf(60), 6,
                        java.math.RoundingMode.HALF_UP), "v1", RatedCall.Status.RATED, null);
    }

    /**
     * Four contacts: A answered at the first attempt (95 s), B at the second (25 s) after a first unanswered
     * call, C never answered in two attempts (not reached), D opposed before any call.
     */
    private static CampaignCounters knownCampaign() {
        Map<String, BigDecimal> c = new HashMap<>();
        add(c, CampaignCounters.contactsStored(4));
        // Monday 12 October 2026: 08:00Z is 10:00 in Paris, 12:00Z is 14:00.
        add(c, CampaignCounters.callPlaced());
        add(c, CampaignCounters.callRated(call(1, "2026-10-12T08:00:00Z", 95, "0.0450")));
        add(c, CampaignCounters.callSettled(ContactStatus.REACHED));
        add(c, CampaignCounters.callPlaced());
        add(c, CampaignCounters.callRated(call(1, "2026-10-12T08:05:00Z", null, "0.0450")));
        add(c, CampaignCounters.callSettled(ContactStatus.CALLABLE));
        add(c, CampaignCounters.callPlaced());
        add(c, CampaignCounters.callRated(call(2, "2026-10-12T12:05:00Z", 25, "0.0450")));
        add(c, CampaignCounters.callSettled(ContactStatus.REACHED));
        add(c, CampaignCounters.callPlaced());
        add(c, CampaignCounters.callRated(call(1, "2026-10-12T08:10:00Z", null, "0.0450")));
        add(c, CampaignCounters.callSettled(ContactStatus.CALLABLE));
        add(c, CampaignCounters.callPlaced());
        add(c, CampaignCounters.callRated(call(2, "2026-10-13T12:10:00Z", null, "0.0450")));
        add(c, CampaignCounters.callSettled(ContactStatus.NOT_REACHED));
        add(c, CampaignCounters.settledWithoutCall(ContactStatus.OPPOSED));
        return new CampaignCounters(c);
    }

    @Test
    void theFiguresOfAKnownCampaignAreTheHandCountedOnes() {
        CampaignDashboard d = CampaignDashboard.of("winter", "ACTIVE", knownCampaign(), List.of());

        assertEquals(4, d.contacts());
        assertEquals(2, d.reached());
        assertEquals(1, d.notReached());
        assertEquals(1, d.opposed());
        assertEquals(0, d.inProgress());
        assertEquals(0, d.callable());
        assertEquals(5, d.attempts());
        assertEquals(new BigDecimal("1.25"), d.attemptsPerContact()); // 5 calls / 4 contacts
        assertEquals(new BigDecimal("50.0"), d.reachRate());           // 2 of 4
        // First attempts: A answered, B and C not: 1 of 3. Second attempts: B answered, C not: 1 of 2.
        assertEquals(Map.of(1, new BigDecimal("33.3"), 2, new BigDecimal("50.0")), d.reachRateByAttempt());
        // 10:00 Paris: 1 of 3 answered; 14:00: 1 of 2.
        assertEquals(Map.of(10, new BigDecimal("33.3"), 14, new BigDecimal("50.0")), d.answerRateByHour());
        // Monday: 2 of 4; Tuesday: 0 of 1.
        assertEquals(Map.of(1, new BigDecimal("50.0"), 2, new BigDecimal("0.0")), d.answerRateByDay());
        // Talk times 95 s and 25 s: the median falls in the 20-30 s bucket, reported as 25 s.
        assertEquals(25L, d.medianTalkSeconds());
        assertEquals(1, d.talkTime().get(0).calls()); // 0-30 s
        assertEquals(1, d.talkTime().get(2).calls()); // 60-120 s
        // 120 billed seconds = 2 minutes; 95 x 0.045 / 60 + 25 x 0.045 / 60 = 0.07125 + 0.01875 = 0.09.
        assertEquals(new BigDecimal("2.00"), d.billedMinutes());
        assertEquals(new BigDecimal("0.09"), d.costExclVat());
    }

    @Test
    void aCampaignWithoutCallsHasNoRatesRatherThanZeroes() {
        CampaignDashboard d = CampaignDashboard.of("spring", "DRAFT", new CampaignCounters(Map.of(
                CampaignCounters.CONTACTS, BigDecimal.TEN)), List.of());

        assertEquals(10, d.callable());
        assertTrue(d.answerRateByHour().isEmpty());
        assertNull(d.medianTalkSeconds());
    }

    @Test
    void theCsvOpensInAFrenchSpreadsheetAndNeutralisesFormulas() {
        CampaignDashboard d = CampaignDashboard.of("=winter", "ACTIVE", knownCampaign(), List.of(
                new CampaignDashboard.FileReport("contacts.csv", "PROCESSED", 6, 4, 0, 2,
                        Map.of("DUPLICATE", 1L, "INVALID_NUMBER", 1L))));
        String csv = new String(DashboardDocuments.csv(List.of(d)), StandardCharsets.UTF_8);

        assertTrue(csv.startsWith("\uFEFFcampagne;indicateur;détail;valeur\r\n"));
        assertTrue(csv.contains("'=winter;taux de joignabilité (%);;50,0\r\n"), csv);
        assertTrue(csv.contains("'=winter;coût HT (EUR);;0,09\r\n"));
        assertTrue(csv.contains("'=winter;fichier rejeté (lignes);contacts.csv DUPLICATE;1\r\n"));
    }

    @Test
    void thePageEscapesWhatClientsNamedAndLetsOnlyItsOwnStyleThrough() {
        CampaignDashboard d = CampaignDashboard.of("<script>x</script>", "ACTIVE", knownCampaign(), List.of());
        String fr = new String(DashboardDocuments.html(DashboardDocuments.Language.FR, "Acme & Fils",
                Instant.parse("2026-10-12T16:00:00Z"), List.of(d)), StandardCharsets.UTF_8);
        String en = new String(DashboardDocuments.html(DashboardDocuments.Language.EN, "Acme & Fils",
                Instant.parse("2026-10-12T16:00:00Z"), List.of(d)), StandardCharsets.UTF_8);

        assertFalse(fr.contains("<script"), "no script, and none injected");
        assertTrue(fr.contains("&lt;script&gt;x&lt;/script&gt;"));
        assertTrue(fr.contains("Acme &amp; Fils"));
        assertTrue(fr.contains("style-src '" + DashboardDocuments.styleHash() + "'"));
        assertFalse(fr.contains("style=\""), "no inline style attribute, which the policy would block");
        assertTrue(fr.contains("<html lang=\"fr\">") && fr.contains("taux de joignabilité") && fr.contains("50 %"));
        assertTrue(en.contains("<html lang=\"en\">") && en.contains("reach rate") && en.contains("50%"));
        assertTrue(fr.contains("12/10/2026 18:00"), "the time in Paris");
        for (String chart : List.of("chart-status", "chart-attempt", "chart-hour", "chart-day", "chart-talk")) {
            assertTrue(fr.contains("class=\"" + chart + "\""), chart);
        }
    }
}
