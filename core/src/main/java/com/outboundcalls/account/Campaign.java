package com.outboundcalls.account;

/**
 * A client's calling campaign.
 *
 * @param callerId        E.164 number presented to callees, or null for the provider's default number
 * @param instructionsRef reference of the conversation script the agents or flow follow
 * @param purpose         customer service or prospecting (of businesses or of consumers)
 * @param callingHours    the hours the client set for calls (see CallingWindow), or null for the legal
 *                        ones; consumer prospecting always follows the legal ones
 * @param callerIdSource  whether {@code callerId} is a provider number or the client's own
 * @param instructions    the client's free instructions, carried by every call with the script reference
 * @param answeringMachineDetection whether Connect should tell a voicemail from a person (then a voicemail
 *                        counts as a failed attempt; without it, a machine that picks up is an answered call)
 * @param startsOn        first day calls may be placed (Europe/Paris), or null for as soon as it is active
 * @param endsOn          last day calls may be placed (Europe/Paris), or null for no end
 * @param agents          whether and how agents take the calls (null: agentless)
 */
public record Campaign(String clientId, String campaignId, Status status, String callerId,
                       String instructionsRef, int priority, Purpose purpose, String callingHours,
                       CallerIdSource callerIdSource, String instructions, boolean answeringMachineDetection,
                       java.time.LocalDate startsOn, java.time.LocalDate endsOn, AgentAssistance agents) {

    /** Whose number the campaign presents: one of the provider's, or the client's own (verified first). */
    public enum CallerIdSource { PROVIDER, CLIENT }

    public enum Status { DRAFT, ACTIVE, PAUSED, FINISHED }

    /** Why the campaign calls: French law treats prospecting of consumers apart. */
    public enum Purpose {
        /** Calls to the client's existing customers about their contracts or orders. */
        CUSTOMER_SERVICE,
        /** Prospecting of professionals. */
        BUSINESS_PROSPECTING,
        /** Prospecting of consumers: needs each callee's proven prior consent (since August 2026). */
        CONSUMER_PROSPECTING;

        public boolean requiresConsent() {
            return this == CONSUMER_PROSPECTING;
        }
    }

    public Campaign {
        purpose = purpose == null ? Purpose.CUSTOMER_SERVICE : purpose;
        callerIdSource = callerIdSource == null ? CallerIdSource.PROVIDER : callerIdSource;
        agents = agents == null ? AgentAssistance.AGENTLESS : agents;
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            throw new IllegalArgumentException("a campaign cannot end (" + endsOn + ") before it starts (" + startsOn + ")");
        }
    }

    /** An agentless campaign. */
    public Campaign(String clientId, String campaignId, Status status, String callerId, String instructionsRef,
                    int priority, Purpose purpose, String callingHours, CallerIdSource callerIdSource,
                    String instructions, boolean answeringMachineDetection, java.time.LocalDate startsOn,
                    java.time.LocalDate endsOn) {
        this(clientId, campaignId, status, callerId, instructionsRef, priority, purpose, callingHours, callerIdSource,
                instructions, answeringMachineDetection, startsOn, endsOn, null);
    }

    /** A campaign without start or end date. */
    public Campaign(String clientId, String campaignId, Status status, String callerId, String instructionsRef,
                    int priority, Purpose purpose, String callingHours, CallerIdSource callerIdSource,
                    String instructions, boolean answeringMachineDetection) {
        this(clientId, campaignId, status, callerId, instructionsRef, priority, purpose, callingHours, callerIdSource,
                instructions, answeringMachineDetection, null, null);
    }

    /** A customer-service campaign, called within the legal hours. */
    public Campaign(String clientId, String campaignId, Status status, String callerId, String instructionsRef,
                    int priority) {
        this(clientId, campaignId, status, callerId, instructionsRef, priority, Purpose.CUSTOMER_SERVICE, null, null, null,
                false);
    }

    /** A campaign called within the legal hours. */
    public Campaign(String clientId, String campaignId, Status status, String callerId, String instructionsRef,
                    int priority, Purpose purpose) {
        this(clientId, campaignId, status, callerId, instructionsRef, priority, purpose, null, null, null, false);
    }

    public Campaign withCallingHours(String hours) {
        return new Campaign(clientId, campaignId, status, callerId, instructionsRef, priority, purpose, hours,
                callerIdSource, instructions, answeringMachineDetection, startsOn, endsOn, agents);
    }

    /** The same campaign presenting the client's own number (which must be verified in the client's profile). */
    public Campaign presentingClientsOwnNumber(String number) {
        return new Campaign(clientId, campaignId, status, number, instructionsRef, priority, purpose, callingHours,
                CallerIdSource.CLIENT, instructions, answeringMachineDetection, startsOn, endsOn, agents);
    }

    /** The same campaign with the client's free instructions to the agents or the flow. */
    public Campaign withInstructions(String text) {
        return new Campaign(clientId, campaignId, status, callerId, instructionsRef, priority, purpose, callingHours,
                callerIdSource, text, answeringMachineDetection, startsOn, endsOn, agents);
    }

    /** The same campaign with answering-machine detection on or off. */
    public Campaign withAnsweringMachineDetection(boolean detect) {
        return new Campaign(clientId, campaignId, status, callerId, instructionsRef, priority, purpose, callingHours,
                callerIdSource, instructions, detect, startsOn, endsOn, agents);
    }

    /** The same campaign in another status. */
    public Campaign withStatus(Status next) {
        return new Campaign(clientId, campaignId, next, callerId, instructionsRef, priority, purpose, callingHours,
                callerIdSource, instructions, answeringMachineDetection, startsOn, endsOn, agents);
    }

    /** The same campaign with agents taking its calls as said (null: agentless). */
    public Campaign withAgents(AgentAssistance assistance) {
        return new Campaign(clientId, campaignId, status, callerId, instructionsRef, priority, purpose, callingHours,
                callerIdSource, instructions, answeringMachineDetection, startsOn, endsOn, assistance);
    }

    /** Whether agents take the campaign's calls (progressive or predictive dialing). */
    public boolean withAgents() {
        return agents.mode().withAgents();
    }

    /** Whether calls may be placed on this day (Europe/Paris) as far as the campaign's dates go. */
    public boolean runsOn(java.time.LocalDate day) {
        return (startsOn == null || !day.isBefore(startsOn)) && (endsOn == null || !day.isAfter(endsOn));
    }

    /** Partition key shared by the campaign's contacts. */
    public String key() {
        return campaignKey(clientId, campaignId);
    }

    public static String campaignKey(String clientId, String campaignId) {
        return clientId + "#" + campaignId;
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }
}
