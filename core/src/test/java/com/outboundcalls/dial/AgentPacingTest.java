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
        return new PacingStats(1000, 400, abandoned, 400 - abandoned, 4000, 90 * (400 - abandoned));
    }

    @Test
    void progressiveHoldsNoMoreCallsThanTheAgentsTalkingAndFree() {
        assertEquals(15, AgentPacing.capacity(PROGRESSIVE, BUSY, day(0)));
        assertEquals(12, AgentPacing.capacity(PROGRESSIVE, new QueueMetrics(20, 0, 12, 8, 0, Duration.ZERO), day(0)));
    }

    @Test
    void predictiveDialsAheadForAgentsAboutToBeFreeWhileAbandonmentIsLow() {
        int predictive = AgentPacing.capacity(PREDICTIVE, BUSY, day(2));
        // 3 free + 5 in after-contact work + 12 x 10/90 talking = 9.33 agents soon free, at 40 % answered: 23 ringing.
        assertEquals(12 + 23, predictive);
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
        PacingStats later = day(12).plus(new PacingStats(1500, 600, 0, 600, 6000, 54000));
        assertTrue(AgentPacing.capacity(PREDICTIVE, BUSY, later) > throttled);
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
