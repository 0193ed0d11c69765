package com.outboundcalls.dial;

import com.outboundcalls.account.AgentAssistance;
import com.outboundcalls.account.Campaign;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Paces an agent-assisted campaign to the agents of its routing queue. A seat is a call of the queue in progress
 * (ringing, waiting for an agent, or with one); the pacing says how many seats the queue may hold now:
 * <ul>
 *   <li>PROGRESSIVE: the agents talking plus the agents free, so that every call ringing has a free agent waiting
 *   for it and no callee ever waits;</li>
 *   <li>PREDICTIVE: dials until the answers its calls in progress are still likely to bring match the agents free
 *   (and a share of those finishing their after-contact work). How likely a call ringing for so long still is to be
 *   answered comes from the answer rate and ring times measured over the last 24 hours: a call past the usual time
 *   to an answer is most likely one nobody will answer, and no longer keeps an agent from being dialed for. The
 *   answers aimed at are scaled by a gain that falls to progressive as the campaign's abandonment rate nears its
 *   target and rises again as it recovers.</li>
 * </ul>
 */
public final class AgentPacing {

    /**
     * Abandonment at this share of the target or below: predictive dials at full gain (measured with ./bench agents:
     * a gentle slope from 30 % holds abandonment steadily under the target; a steep one swings around it).
     */
    static final double FULL_GAIN_BELOW = 0.3;
    /** Answered calls over 24 hours after which the campaign dials ahead at full gain. */
    static final int WARM_UP_ANSWERS = 100;
    /** The gain at low abandonment: the answers aimed at for each agent free. */
    static final double MAX_GAIN = 1.0;
    /**
     * An agent in after-contact work counts as this share of a free agent: some finish it before a call dialed now
     * is answered (with 15 to 45 s of work and calls answered in about 8 s, about a tenth do; more, and callees wait).
     */
    static final double AFTER_CONTACT_WORK_SHARE = 0.1;
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
        public List<Instant> heldSince(String queueId) {
            return List.of();
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
        return capacity(agents, queues.current(agents.routingQueueId()), history.last24Hours(campaign.key(), now),
                seats.heldSince(agents.routingQueueId()), now);
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
            List<Instant> held = seats.heldSince(agents.routingQueueId());
            int capacity = capacity(agents, queue(agents.routingQueueId()), last24Hours(campaign), held, now);
            return Math.max(0, capacity - held.size());
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
     * The seats a queue may hold, from its agents now, the seats its calls in progress hold (since when) and the
     * campaign's last 24 hours. Predictive: the answers wanted are the agents free now, less the callees already
     * waiting for one, plus a share of the agents in after-contact work, times the gain; the answers coming are, for
     * each call in progress, the chance that a call ringing that long is still answered (a call talking to an agent
     * has rung past it: it counts little or nothing). Each call dialed now brings the answer rate's share of an
     * answer: the queue may hold as many more seats as the answers missing call for, never fewer than progressive.
     */
    public static int capacity(AgentAssistance agents, QueueMetrics queue, PacingStats stats, List<Instant> heldSince,
                               Instant now) {
        int progressive = queue.onContact() + queue.available();
        if (agents.mode() != AgentAssistance.DialingMode.PREDICTIVE) {
            return progressive;
        }
        // Until the campaign has measured itself (answer rate, ring and talk times), it ramps up from progressive: a
        // first wave dialed on priors would crowd answers together, and the abandonment it costs counts for 24 hours.
        // At the answer rate's gain, a free agent gets one call, as progressive gives it.
        double answerRate = Math.max(0.05, stats.answerRate());
        double warmUp = Math.min(1, (double) stats.answered() / WARM_UP_ANSWERS);
        double full = MAX_GAIN * gain(stats.abandonmentRate(), agents.abandonmentTarget().doubleValue());
        double gain = answerRate + warmUp * (full - answerRate);
        double answersWanted = gain * (queue.available() + AFTER_CONTACT_WORK_SHARE * queue.afterContactWork()
                - queue.inQueue());
        double answersComing = 0;
        for (Instant since : heldSince) {
            answersComing += stats.answerStillLikely(Math.max(0, Duration.between(since, now).toMillis() / 1000.0));
        }
        double dials = Math.max(0, (answersWanted - answersComing) / answerRate);
        int capacity = Math.max(progressive, heldSince.size() + (int) Math.floor(dials));
        return Math.min(capacity, queue.onContact() + MAX_RINGING_PER_AGENT * queue.online());
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
