package com.outboundcalls.dial;

import com.outboundcalls.account.AgentAssistance;
import com.outboundcalls.account.Campaign;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * Paces an agent-assisted campaign to the agents of its routing queue. A seat is a call of the queue in progress
 * (ringing, waiting for an agent, or with one); the pacing says how many seats the queue may hold now:
 * <ul>
 *   <li>PROGRESSIVE: the agents talking plus the agents free, so that every call ringing has a free agent waiting
 *   for it and no callee ever waits;</li>
 *   <li>PREDICTIVE: also dials for the agents about to be free (in after-contact work, or talking and likely to end
 *   before a call now dialed is answered), from the answer rate and times measured over the last 24 hours, scaled
 *   by a gain that falls to progressive as the campaign's abandonment rate nears its target and rises again as it
 *   recovers.</li>
 * </ul>
 */
public final class AgentPacing {

    /**
     * Abandonment at this share of the target or below: predictive dials at full gain (measured with ./bench agents:
     * a gentler slope from 30 % holds abandonment further under the target for as much occupancy as a steep one).
     */
    static final double FULL_GAIN_BELOW = 0.3;
    /** Answered calls over 24 hours after which the campaign dials ahead at full gain. */
    static final int WARM_UP_ANSWERS = 100;
    /** How long an answered callee waits for an agent before the flow abandons the call. */
    static final double PATIENCE_SECONDS = 2;
    /** The gain at low abandonment: the calls dialed for the answers expected, times this. */
    static final double MAX_GAIN = 1.0;
    /** Never more calls ringing than this many per agent logged in, whatever the measures say. */
    static final int MAX_RINGING_PER_AGENT = 3;

    private final AgentQueues queues;
    private final AgentSeats seats;
    private final PacingHistory history;

    public AgentPacing(AgentQueues queues, AgentSeats seats, PacingHistory history) {
        this.queues = queues;
        this.seats = seats;
        this.history = history;
    }

    /** Where no agent-assisted campaign may run: every claim is refused, nothing is held. */
    public static final AgentPacing UNAVAILABLE = new AgentPacing(queue -> QueueMetrics.EMPTY, new AgentSeats() {
        @Override
        public int seatsHeld(String queueId) {
            return 0;
        }

        @Override
        public Claim claimSeat(String queueId, String clientToken, int capacity) {
            return Claim.FULL;
        }

        @Override
        public boolean releaseSeat(String clientToken) {
            return false;
        }
    }, (campaign, now) -> PacingStats.NONE);

    /** Seats the campaign's queue may hold now. */
    public int capacity(Campaign campaign, Instant now) {
        AgentAssistance agents = campaign.agents();
        return capacity(agents, queues.current(agents.routingQueueId()), history.last24Hours(campaign.key(), now));
    }

    /**
     * The reads of one feeder run: each queue's agents and each campaign's last 24 hours are read once, however
     * often the run asks (Connect's quota on GetCurrentMetricData is shared by every function that reads it).
     */
    public Reading reading(Instant now) {
        return new Reading(now);
    }

    /** See {@link #reading}. */
    public final class Reading {
        private final Instant now;
        private final Map<String, QueueMetrics> queueMetrics = new HashMap<>();
        private final Map<String, PacingStats> stats = new HashMap<>();

        private Reading(Instant now) {
            this.now = now;
        }

        public QueueMetrics queue(String queueId) {
            return queueMetrics.computeIfAbsent(queueId, queues::current);
        }

        public double abandonment(Campaign campaign) {
            return last24Hours(campaign).abandonmentRate();
        }

        /** How many more calls the campaign's queue may start now (0 when none). */
        public int headroom(Campaign campaign) {
            AgentAssistance agents = campaign.agents();
            int capacity = capacity(agents, queue(agents.routingQueueId()), last24Hours(campaign));
            return Math.max(0, capacity - seats.seatsHeld(agents.routingQueueId()));
        }

        private PacingStats last24Hours(Campaign campaign) {
            return stats.computeIfAbsent(campaign.key(), key -> history.last24Hours(key, now));
        }
    }

    /** Takes a seat for this call if the queue has room now. */
    public AgentSeats.Claim claim(Campaign campaign, String clientToken, Instant now) {
        return seats.claimSeat(campaign.agents().routingQueueId(), clientToken, capacity(campaign, now));
    }

    public boolean release(String clientToken) {
        return seats.releaseSeat(clientToken);
    }

    /**
     * The seats a queue may hold, from its agents now and the campaign's last 24 hours. Predictive: the answers wanted
     * are one per agent free now, within the time a call takes to be answered (and the callee's 2 seconds), plus one
     * per agent freed meanwhile (in steady state they leave their conversations, then their after-contact work, at
     * onContact / talk time per second); the dialing that yields them, at the answer rate, holds each seat for the
     * mean time a call rings before an answer or none (Little's law).
     */
    public static int capacity(AgentAssistance agents, QueueMetrics queue, PacingStats stats) {
        int progressive = queue.onContact() + queue.available();
        if (agents.mode() != AgentAssistance.DialingMode.PREDICTIVE) {
            return progressive;
        }
        // Until the campaign has measured itself (answer rate, ring and talk times), it ramps up from progressive: a
        // first wave dialed on priors would crowd answers together, and the abandonment it costs counts for 24 hours.
        double warmUp = Math.min(1, (double) stats.answered() / WARM_UP_ANSWERS);
        double gain = warmUp * MAX_GAIN * gain(stats.abandonmentRate(), agents.abandonmentTarget().doubleValue());
        double answerRate = Math.max(0.05, stats.answerRate());
        double horizon = stats.meanRingSeconds() + PATIENCE_SECONDS;
        double freeingPerSecond = queue.onContact() / Math.max(1, stats.meanTalkSeconds());
        double answersPerSecond = queue.available() / horizon + freeingPerSecond;
        double ringing = answersPerSecond / answerRate * stats.meanRingAllSeconds();
        ringing = Math.max(queue.available(), gain * ringing);
        ringing = Math.min(ringing, (double) MAX_RINGING_PER_AGENT * queue.online());
        return queue.onContact() + (int) Math.floor(ringing);
    }

    /**
     * 1 while abandonment stays at or under {@link #FULL_GAIN_BELOW} of the target, falling linearly to 0 at the
     * target (progressive pacing), 0 above it.
     */
    static double gain(double abandonment, double target) {
        double share = abandonment / target;
        if (share <= FULL_GAIN_BELOW) {
            return 1;
        }
        return Math.max(0, (1 - share) / (1 - FULL_GAIN_BELOW));
    }
}
