package com.outboundcalls.dial;

import com.outboundcalls.account.AgentAssistance;
import com.outboundcalls.account.AgentAssistance.DialingMode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentPacingTest {

    private static final AgentAssistance PROGRESSIVE = new AgentAssistance(DialingMode.PROGRESSIVE, "q-sales", null);
    private static final AgentAssistance PREDICTIVE = new AgentAssistance(DialingMode.PREDICTIVE, "q-sales", null);
    private static final Instant NOW = Instant.parse("2026-10-06T08:30:00Z");
    /** 20 agents: 3 free, 12 talking, 5 in after-contact work. */
    private static final QueueMetrics BUSY = new QueueMetrics(20, 3, 12, 5, 0, Duration.ZERO);

    /** 1,000 calls ended, 400 answered, this many abandoned; 10 s to answer, 90 s talks, 20 s of ring per call. */
    private static PacingStats day(long abandoned) {
        return new PacingStats(1000, 400, abandoned, 400 - abandoned, 4000, 90 * (400 - abandoned), 20_000);
    }

    /** The 12 conversations' seats, taken minutes ago, and one more seat per age given (seconds). */
    private static List<Instant> seats(int... ringingSeconds) {
        List<Instant> held = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            held.add(NOW.minusSeconds(180 + 10 * i));
        }
        for (int age : ringingSeconds) {
            held.add(NOW.minusSeconds(age));
        }
        return held;
    }

    private static int capacity(AgentAssistance agents, QueueMetrics queue, PacingStats stats, List<Instant> held) {
        return AgentPacing.capacity(agents, queue, stats, held, NOW);
    }

    private static int headroom(PacingStats stats, List<Instant> held) {
        return capacity(PREDICTIVE, BUSY, stats, held) - held.size();
    }

    @Test
    void progressiveHoldsNoMoreCallsThanTheAgentsTalkingAndFree() {
        assertEquals(15, capacity(PROGRESSIVE, BUSY, day(0), seats()));
        assertEquals(12, capacity(PROGRESSIVE, new QueueMetrics(20, 0, 12, 8, 0, Duration.ZERO), day(0), seats()));
    }

    @Test
    void predictiveDialsForTheAgentsFreeAtTheAnswerRateWhileAbandonmentIsLow() {
        int predictive = capacity(PREDICTIVE, BUSY, day(2), seats());
        // Answers wanted: 3 free agents and a tenth of the 5 in after-contact work, 3.5; none coming from the 12
        // conversations; at 39.8 % answered, 8 calls to dial beside them.
        assertEquals(12 + 8, predictive);
        assertTrue(predictive > capacity(PROGRESSIVE, BUSY, day(2), seats()));
    }

    @Test
    void callsJustDialedCountAsAnswersComingSoNoMoreAreDialedForTheSameAgents() {
        int none = headroom(day(2), seats());
        int fresh = headroom(day(2), seats(1, 2, 3, 4, 5));
        assertTrue(fresh < none, fresh + " < " + none);
        // Enough fresh calls for every agent free: nothing more is dialed until some ring out or are answered.
        assertEquals(0, headroom(day(2), seats(1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2)));
    }

    @Test
    void aCallRingingFarPastTheUsualTimeToAnAnswerNoLongerHoldsBackDialing() {
        // Answered calls rang 10 s on average: a call ringing 25 s is most likely one nobody answers.
        assertEquals(headroom(day(2), seats()), headroom(day(2), seats(25, 26, 27, 28, 29)));
        assertTrue(headroom(day(2), seats(15, 15, 15, 15, 15)) > headroom(day(2), seats(5, 5, 5, 5, 5)));
    }

    @Test
    void theChanceARingingCallIsAnsweredFallsWithItsRingAndEndsPastTwiceTheMeanTimeToAnAnswer() {
        PacingStats stats = day(2);
        assertEquals(stats.answerRate(), stats.answerStillLikely(0), 1e-9);
        assertTrue(stats.answerStillLikely(5) < stats.answerStillLikely(0));
        assertTrue(stats.answerStillLikely(15) < stats.answerStillLikely(5));
        assertEquals(0, stats.answerStillLikely(20), 1e-9);
        assertEquals(0, stats.answerStillLikely(600), 1e-9);
        // Unanswered calls rang (20,000 - 4,000) / 600 = 26.7 s on average.
        assertEquals(26.67, stats.meanUnansweredRingSeconds(), 0.01);
    }

    @Test
    void calleesAlreadyWaitingForAnAgentAreServedBeforeMoreAreDialed() {
        QueueMetrics waiting = new QueueMetrics(20, 3, 12, 5, 2, Duration.ofSeconds(1));
        assertTrue(capacity(PREDICTIVE, waiting, day(2), seats()) < capacity(PREDICTIVE, BUSY, day(2), seats()));
    }

    @Test
    void predictiveSlowsDownAsAbandonmentNearsTheTargetAndStopsAheadDialingAtIt() {
        int low = capacity(PREDICTIVE, BUSY, day(4), seats());       // 1 %: a third of the 3 % target
        int near = capacity(PREDICTIVE, BUSY, day(8), seats());      // 2 %
        int at = capacity(PREDICTIVE, BUSY, day(12), seats());       // 3 %
        int above = capacity(PREDICTIVE, BUSY, day(20), seats());    // 5 %
        assertTrue(low > near && near > at, low + " > " + near + " > " + at);
        assertEquals(capacity(PROGRESSIVE, BUSY, day(0), seats()), at);
        assertEquals(at, above);
    }

    @Test
    void predictiveRecoversAsAbandonmentFallsBackUnderTheTarget() {
        int throttled = capacity(PREDICTIVE, BUSY, day(12), seats());
        // The next hours answered many calls with no abandonment: the rate over 24 hours falls, dialing ahead resumes.
        PacingStats later = day(12).plus(new PacingStats(1500, 600, 0, 600, 6000, 54000, 30_000));
        assertTrue(capacity(PREDICTIVE, BUSY, later, seats()) > throttled);
    }

    @Test
    void aNewCampaignRampsUpFromProgressiveAsItMeasuresItself() {
        int progressive = capacity(PROGRESSIVE, BUSY, PacingStats.NONE, seats());
        assertEquals(progressive, capacity(PREDICTIVE, BUSY, PacingStats.NONE, seats()));
        PacingStats firstAnswers = new PacingStats(150, 60, 0, 60, 600, 5400, 3000);
        PacingStats warmedUp = new PacingStats(250, 100, 0, 100, 1000, 9000, 5000);
        int ramping = capacity(PREDICTIVE, BUSY, firstAnswers, seats());
        assertTrue(ramping > progressive && ramping < capacity(PREDICTIVE, BUSY, warmedUp, seats()),
                progressive + " < " + ramping);
    }

    @Test
    void aCampaignsOwnTargetIsHonoured() {
        AgentAssistance strict = new AgentAssistance(DialingMode.PREDICTIVE, "q-sales", new BigDecimal("0.01"));
        assertEquals(capacity(PROGRESSIVE, BUSY, day(0), seats()), capacity(strict, BUSY, day(4), seats()));
    }

    @Test
    void nobodyLoggedInMeansNoCall() {
        assertEquals(0, capacity(PREDICTIVE, QueueMetrics.EMPTY, PacingStats.NONE, List.of()));
        assertEquals(0, capacity(PROGRESSIVE, QueueMetrics.EMPTY, PacingStats.NONE, List.of()));
    }

    @Test
    void anAgentAssistedModeNeedsARoutingQueueAndASensibleTarget() {
        assertThrows(IllegalArgumentException.class, () -> new AgentAssistance(DialingMode.PREDICTIVE, null, null));
        assertThrows(IllegalArgumentException.class, () -> new AgentAssistance(DialingMode.PROGRESSIVE, "a b", null));
        assertThrows(IllegalArgumentException.class,
                () -> new AgentAssistance(DialingMode.PREDICTIVE, "q", new BigDecimal("0.2")));
    }
}
