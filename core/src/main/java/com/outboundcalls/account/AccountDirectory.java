package com.outboundcalls.account;

import java.util.List;
import java.util.Optional;

/** Where clients and campaigns are read from. */
public interface AccountDirectory {
    Optional<Client> client(String clientId);

    Optional<Campaign> campaign(String clientId, String campaignId);

    List<Campaign> activeCampaigns();

    List<Client> clients();
}
