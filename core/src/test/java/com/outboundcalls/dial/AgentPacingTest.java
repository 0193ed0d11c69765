package com.outboundcalls.dial;

import com.outboundcalls.account.AgentAssistance;
import com.outboundcalls.account.AgentAssistance.DialingMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentPacingTest {

    private static final AgentAssistance PROGRESSIVE = new AgentAssistance(DialingMode.PROGRESSIVE, "q-sales", null);
    private static final AgentAssistance PREDICTIVE = new AgentAssistance(DialingMode.PREDICTIVE, "q-sales", null);
    /** 20 agents: 3 free, 12 talking, 5 in after-contact work. */
    private static final QueueMetrics BUSY = new QueueMetrics(20, 3, 12, 5, 0, Duration.ZERO);

    /** 1,000 calls ended, 400 answered, this many abandoned; 10 s to answer, 90 s talks. */
    private static PacingStats day(long abandoned) {
        return new PacingStats(1000, 400, abandoned, 400 - abandoned, 4000, 90 * (400 - abandoned), 20_000);
    }

    @Test
    void progressiveHoldsNoMoreCallsThanTheAgentsTalkingAndFree() {
        assertEquals(15, AgentPacing.capacity(PROGRESSIVE, BUSY, day(0)));
        assertEquals(12, AgentPacing.capacity(PROGRESSIVE, new QueueMetrics(20, 0, 12, 8, 0, Duration.ZERO), day(0)));
    }

    @Test
    void predictiveDialsAheadForAgentsAboutToBeFreeWhileAbandonmentIsLow() {
        int predictive = AgentPacing.capacity(PREDICTIVE, BUSY, day(2));
        // Answers wanted: 3 free agents within 10 + 2 s, and 12 talking / 90 s freed each second: 0.383 a second;
        // at 39.8 % answered, each dial holding its seat 20 s: 19 calls ringing, beside the 12 conversations.
        assertEquals(12 + 19, predictive);
        assertTrue(predictive > AgentPacing.capacity(PROGRESSIVE, BUSY, day(2)));
    }

    @Test
    void predictiveSlowsDownAsAbandonmentNearsTheTargetAndStopsAheadDialingAtIt() {
        int low = AgentPacing.capacity(PREDICTIVE, BUSY, day(4));       // 1 %: a third of the 3 % target
        int near = AgentPacing.capacity(PREDICTIVE, BUSY, day(10));     // 2.5 %
        int at = AgentPacing.capacity(PREDICTIVE, BUSY, day(12));       // 3 %
        int above = AgentPacing.capacity(PREDICTIVE, BUSY, day(20));    // 5 %
        assertTrue(low > near && near > at, low + " > " + near + " > " + at);
        assertEquals(AgentPacing.capacity(PROGRESSIVE, BUSY, day(0)), at);
        assertEquals(at, above);
    }

    @Test
    void predictiveRecoversAsAbandonmentFallsBackUnderTheTarget() {
        int throttled = AgentPacing.capacity(PREDICTIVE, BUSY, day(12));
        // The next hours answered many calls with no abandonment: the rate over 24 hours falls, dialing ahead resumes.
        PacingStats later = day(12).plus(new PacingStats(1500, 600, 0, 600, 6000, 54000, 30_000));
        assertTrue(AgentPacing.capacity(PREDICTIVE, BUSY, later) > throttled);
    }

    @Test
    void aNewCampaignRampsUpFromProgressiveAsItMeasuresItself() {
        int progressive = AgentPacing.capacity(PROGRESSIVE, BUSY, PacingStats.NONE);
        assertEquals(progressive, AgentPacing.capacity(PREDICTIVE, BUSY, PacingStats.NONE));
        PacingStats firstAnswers = new PacingStats(50, 20, 0, 20, 200, 1800, 1000);
        PacingStats warmedUp = new PacingStats(250, 100, 0, 100, 1000, 9000, 5000);
        int ramping = AgentPacing.capacity(PREDICTIVE, BUSY, firstAnswers);
        assertTrue(ramping > progressive && ramping < AgentPacing.capacity(PREDICTIVE, BUSY, warmedUp),
                progressive + " < " + ramping);
    }

    @Test
    void aCampaignsOwnTargetIsHonoured() {
        AgentAssistance strict = new AgentAssistance(DialingMode.PREDICTIVE, "q-sales", new BigDecimal("0.01"));
        assertEquals(AgentPacing.capacity(PROGRESSIVE, BUSY, day(0)), AgentPacing.capacity(strict, BUSY, day(4)));
    }

    @Test
    void nobodyLoggedInMeansNoCall() {
        assertEquals(0, AgentPacing.capacity(PREDICTIVE, QueueMetrics.EMPTY, PacingStats.NONE));
        assertEquals(0, AgentPacing.capacity(PROGRESSIVE, QueueMetrics.EMPTY, PacingStats.NONE));
    }

    @Test
    void anAgentAssistedModeNeedsARoutingQueueAndASensibleTarget() {
        assertThrows(IllegalArgumentException.class, () -> new AgentAssistance(DialingMode.PREDICTIVE, null, null));
        assertThrows(IllegalArgumentException.class, () -> new AgentAssistance(DialingMode.PROGRESSIVE, "a b", null));
        assertThrows(IllegalArgumentException.class,
                () -> new AgentAssistance(DialingMode.PREDICTIVE, "q", new BigDecimal("0.2")));
    }
}
