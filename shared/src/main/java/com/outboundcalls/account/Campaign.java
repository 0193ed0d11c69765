package com.outboundcalls.account;

/**
 * A client's calling campaign.
 *
 * @param callerId        E.164 number presented to callees, or null for the provider's default number
 * @param instructionsRef reference of the conversation script the agents or flow follow
 */
public record Campaign(String clientId, String campaignId, Status status, String callerId,
                       String instructionsRef, int priority) {

    public enum Status { DRAFT, ACTIVE, PAUSED, FINISHED }

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
