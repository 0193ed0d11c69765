package com.outboundcalls.dial;

import com.outboundcalls.account.CallerIdPolicy;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;

import java.util.Optional;

/**
 * What the Amazon Connect instance offers the campaigns: the provider number presented when a campaign names
 * none, and the Connect campaign under which calls may run answering-machine detection (StartOutboundVoiceContact
 * accepts detection only with TrafficType CAMPAIGN and a CampaignId), or null when there is none.
 */
public record ConnectSetup(String defaultCallerId, String connectCampaignId) {

    public ConnectSetup {
        connectCampaignId = connectCampaignId == null || connectCampaignId.isBlank() ? null : connectCampaignId;
    }

    /** An instance without a Connect campaign: no answering-machine detection. */
    public static ConnectSetup withoutDetection(String defaultCallerId) {
        return new ConnectSetup(defaultCallerId, null);
    }

    public boolean detectionAvailable() {
        return connectCampaignId != null;
    }

    /** The caller ID a campaign presents: its own, else the provider's default. */
    public String callerIdOf(Campaign campaign) {
        return campaign.callerId() != null ? campaign.callerId() : defaultCallerId;
    }

    /**
     * Why the campaign cannot be dialed as set up, before any call: its caller ID (ARCEP ranges, the client's
     * right to its own number), or detection asked for on an instance that cannot run it.
     */
    public Optional<String> refusal(Campaign campaign, Client client) {
        Optional<String> callerId = CallerIdPolicy.refusal(campaign, client, defaultCallerId);
        if (callerId.isPresent()) {
            return callerId;
        }
        if (campaign.answeringMachineDetection() && !detectionAvailable()) {
            return Optional.of("answering-machine detection needs a Connect campaign (TrafficType CAMPAIGN): set the "
                    + "ConnectCampaignId parameter, or turn detection off for campaign " + campaign.campaignId());
        }
        return Optional.empty();
    }
}
