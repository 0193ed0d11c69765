package com.outboundcalls.account;

import java.math.BigDecimal;

/**
 * How a campaign's calls meet the provider's agents (the dialing modes of Connect's outbound campaigns). Set by an
 * operator: the routing queue is the provider's, the mode is what the client's contract sells.
 *
 * @param mode              AGENTLESS (the flow alone), PROGRESSIVE (one call per free agent) or PREDICTIVE (ahead of
 *                          free agents, within the abandonment target)
 * @param routingQueueId    the Connect queue whose agents take the campaign's answered calls; required unless
 *                          AGENTLESS
 * @param abandonmentTarget the highest share of answered calls abandoned over a rolling 24 hours (default 3 %, the
 *                          cap Ofcom and the Telemarketing Sales Rule apply)
 */
public record AgentAssistance(DialingMode mode, String routingQueueId, BigDecimal abandonmentTarget) {

    public static final BigDecimal DEFAULT_ABANDONMENT_TARGET = new BigDecimal("0.03");
    /** A Connect queue id (a UUID) or any id an instance accepts. */
    private static final java.util.regex.Pattern QUEUE_ID = java.util.regex.Pattern.compile("^[a-zA-Z0-9-]{1,100}$");

    public enum DialingMode {
        /** No agent: the contact flow plays the client's message and records the callee's answers. */
        AGENTLESS,
        /** One call per agent free in the routing queue: no callee ever waits for an agent. */
        PROGRESSIVE,
        /** Dials ahead of free agents from the measured answer rate and handle times, under the abandonment target. */
        PREDICTIVE;

        public boolean withAgents() {
            return this != AGENTLESS;
        }
    }

    public AgentAssistance {
        mode = mode == null ? DialingMode.AGENTLESS : mode;
        abandonmentTarget = abandonmentTarget == null ? DEFAULT_ABANDONMENT_TARGET : abandonmentTarget;
        if (mode.withAgents() && (routingQueueId == null || !QUEUE_ID.matcher(routingQueueId).matches())) {
            throw new IllegalArgumentException(mode + " needs the routing queue of the agents (a Connect queue id)");
        }
        if (abandonmentTarget.signum() <= 0 || abandonmentTarget.compareTo(new BigDecimal("0.10")) > 0) {
            throw new IllegalArgumentException("abandonment target must be above 0 and at most 10 %");
        }
    }

    public static final AgentAssistance AGENTLESS = new AgentAssistance(DialingMode.AGENTLESS, null, null);
}
