package com.outboundcalls.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Keeps clients and campaigns read for a short while, so that a dialer or rater container does not read
 * the same profile for every message. A pause or a suspension reaches it within {@code ttl}.
 */
public final class CachedAccountDirectory implements AccountDirectory {

    private record Entry(Object value, Instant expires) {
    }

    private final AccountDirectory source;
    private final Clock clock;
    private final Duration ttl;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public CachedAccountDirectory(AccountDirectory source, Clock clock, Duration ttl) {
        this.source = source;
        this.clock = clock;
        this.ttl = ttl;
    }

    @Override
    public Optional<Client> client(String clientId) {
        return cached("client#" + clientId, () -> source.client(clientId));
    }

    @Override
    public Optional<Campaign> campaign(String clientId, String campaignId) {
        return cached("campaign#" + clientId + "#" + campaignId, () -> source.campaign(clientId, campaignId));
    }

    @Override
    public List<Campaign> activeCampaigns() {
        return source.activeCampaigns();
    }

    @Override
    public List<Client> clients() {
        return source.clients();
    }

    @SuppressWarnings("unchecked")
    private <T> T cached(String key, Supplier<T> load) {
        Instant now = clock.instant();
        Entry entry = entries.get(key);
        if (entry == null || !now.isBefore(entry.expires())) {
            entry = new Entry(load.get(), now.plus(ttl));
            entries.put(key, entry);
        }
        return (T) entry.value();
    }
}
