package com.outboundcalls.testing;

import com.outboundcalls.account.AccountRecords;
import com.outboundcalls.account.AuditEntry;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.ClientProfile;
import com.outboundcalls.account.ClientUser;
import com.outboundcalls.account.RequestRefused;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Administration's records in memory, with the same all-or-nothing, version-checked commits as DynamoDB's. */
public final class InMemoryAccountRecords implements AccountRecords {

    public final Map<String, ClientProfile> profiles = new TreeMap<>();
    public final Map<String, BillingAccount> billing = new TreeMap<>();
    public final Map<String, VersionedCampaign> campaigns = new TreeMap<>();
    public final Map<String, List<FormatVersion>> formats = new HashMap<>();
    public final List<AuditEntry> audit = new ArrayList<>();
    public final Map<String, String> oppositions = new LinkedHashMap<>();
    public final Map<String, ClientUser> users = new TreeMap<>();
    public final Map<String, com.outboundcalls.account.ErasureRequest> erasures = new LinkedHashMap<>();

    @Override
    public synchronized Optional<ClientProfile> profile(String clientId) {
        return Optional.ofNullable(profiles.get(clientId));
    }

    @Override
    public synchronized Optional<BillingAccount> billing(String clientId) {
        return Optional.ofNullable(billing.get(clientId));
    }

    @Override
    public synchronized Optional<VersionedCampaign> campaign(String clientId, String campaignId) {
        return Optional.ofNullable(campaigns.get(clientId + "#" + campaignId));
    }

    @Override
    public synchronized List<VersionedCampaign> campaigns(String clientId) {
        return campaigns.values().stream().filter(c -> c.campaign().clientId().equals(clientId)).toList();
    }

    @Override
    public synchronized List<ClientProfile> profiles() {
        return List.copyOf(profiles.values());
    }

    @Override
    public synchronized List<ClientProfile> subAccounts(String parentClientId) {
        return profiles.values().stream().filter(p -> parentClientId.equals(p.parentClientId())).toList();
    }

    @Override
    public synchronized Optional<ClientUser> user(String email) {
        return Optional.ofNullable(users.get(email));
    }

    @Override
    public synchronized List<ClientUser> users(String clientId) {
        return users.values().stream().filter(u -> u.clientId().equals(clientId)).toList();
    }

    @Override
    public synchronized List<FormatVersion> formats(String clientId) {
        return formats.getOrDefault(clientId, List.of());
    }

    @Override
    public synchronized Optional<com.outboundcalls.account.ErasureRequest> erasure(String clientId, String requestId) {
        return Optional.ofNullable(erasures.get(clientId + "|" + requestId));
    }

    @Override
    public synchronized List<com.outboundcalls.account.ErasureRequest> erasures(String clientId) {
        return erasures.values().stream().filter(e -> e.clientId().equals(clientId)).toList();
    }

    @Override
    public synchronized List<AuditEntry> audit(String clientId) {
        return audit.stream().filter(e -> e.clientId().equals(clientId)).toList();
    }

    @Override
    public synchronized void commit(Change change) {
        for (Write write : change.writes()) { // every condition first: all or nothing
            if (write instanceof ProfileWrite p) {
                ClientProfile current = profiles.get(p.profile().clientId());
                long now = current == null ? 0 : current.version();
                if (now != p.replaces()) {
                    if (p.replaces() == 0) {
                        throw new RequestRefused.Conflict("client " + p.profile().clientId() + " already exists");
                    }
                    throw new RequestRefused.StaleVersion("client", p.replaces(), now);
                }
            } else if (write instanceof CampaignWrite c) {
                VersionedCampaign current = campaigns.get(c.campaign().key());
                long now = current == null ? 0 : current.version();
                if (now != c.replaces()) {
                    if (c.replaces() == 0) {
                        throw new RequestRefused.Conflict("campaign already exists");
                    }
                    throw new RequestRefused.StaleVersion("campaign", c.replaces(), now);
                }
            } else if (write instanceof OppositionAdd o) {
                if (oppositions.containsKey(o.opposition().clientId() + "|" + o.opposition().e164())) {
                    throw new RequestRefused.Conflict("already on the list");
                }
            } else if (write instanceof OppositionRemove o) {
                if (!oppositions.containsKey(o.clientId() + "|" + o.e164())) {
                    throw new RequestRefused.NotFound("the number on the client's opposition list");
                }
            } else if (write instanceof ErasureWrite e && !e.replacing()
                    && erasures.containsKey(e.request().clientId() + "|" + e.request().requestId())) {
                throw new RequestRefused.Conflict("erasure " + e.request().requestId() + " already exists");
            } else if (write instanceof UserWrite u && !u.replacing() && users.containsKey(u.user().email())) {
                throw new RequestRefused.Conflict("user " + u.user().email() + " already exists");
            }
        }
        for (Write write : change.writes()) {
            if (write instanceof ProfileWrite p) {
                profiles.put(p.profile().clientId(), p.profile());
            } else if (write instanceof BillingWrite b) {
                billing.put(b.account().clientId(), b.account());
            } else if (write instanceof CampaignWrite c) {
                campaigns.put(c.campaign().key(), new VersionedCampaign(c.campaign(), c.replaces() + 1));
            } else if (write instanceof FormatWrite f) {
                formats.computeIfAbsent(f.clientId(), k -> new ArrayList<>()).add(f.format());
            } else if (write instanceof OppositionAdd o) {
                oppositions.put(o.opposition().clientId() + "|" + o.opposition().e164(), o.opposition().source());
            } else if (write instanceof OppositionRemove o) {
                oppositions.remove(o.clientId() + "|" + o.e164());
            } else if (write instanceof UserWrite u) {
                users.put(u.user().email(), u.user());
            } else if (write instanceof ErasureWrite e) {
                erasures.put(e.request().clientId() + "|" + e.request().requestId(), e.request());
            }
        }
        audit.addAll(change.audit());
    }
}
