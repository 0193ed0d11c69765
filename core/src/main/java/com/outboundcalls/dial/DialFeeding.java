package com.outboundcalls.dial;

import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.CallingWindow;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.contact.ContactBook.HopperEntry;
import com.outboundcalls.contact.ContactBook;
import com.outboundcalls.time.RegionZones;
import com.outboundcalls.time.Zones;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every minute, moves the contacts callable now into the dial queue: no more than the coming minute's
 * pacing budget and the free lines, shared fairly between the running campaigns. Contacts outside their
 * calling window get the next opening as their due time and stay in the hopper.
 */
public final class DialFeeding {

    /** How long a queued contact is reserved before the feeder may queue it again (a lost message). */
    public static final Duration QUEUE_LEASE = Duration.ofMinutes(15);
    /**
     * Due contacts read per campaign and run: enough to push every contact of a closed window to its next
     * opening in a few runs, whatever the line budget.
     */
    static final int PAGE = 200;
    /** Smallest read of the hopper, so that a run with few free lines still moves a closed window along. */
    static final int MIN_READ = 25;

    private final AccountDirectory accounts;
    private final ContactBook contacts;
    private final CallLines lines;
    private final DialQueue queue;
    private final int callsPerSecond;
    private final int maxConcurrentCalls;
    private final ConnectSetup connectSetup;
    private final AgentPacing agents;

    public DialFeeding(AccountDirectory accounts, ContactBook contacts, CallLines lines, DialQueue queue,
                       int callsPerSecond, int maxConcurrentCalls, ConnectSetup connectSetup) {
        this(accounts, contacts, lines, queue, callsPerSecond, maxConcurrentCalls, connectSetup, AgentPacing.UNAVAILABLE);
    }

    /** @param agents the pacing of agent-assisted campaigns: none gets more contacts than its queue has room for */
    public DialFeeding(AccountDirectory accounts, ContactBook contacts, CallLines lines, DialQueue queue,
                       int callsPerSecond, int maxConcurrentCalls, ConnectSetup connectSetup, AgentPacing agents) {
        this.agents = agents;
        this.connectSetup = connectSetup;
        this.accounts = accounts;
        this.contacts = contacts;
        this.lines = lines;
        this.queue = queue;
        this.callsPerSecond = callsPerSecond;
        this.maxConcurrentCalls = maxConcurrentCalls;
    }

    /**
     * What one run did; {@code budget} is the calls the rate and the free lines allowed (0 when no campaign had a
     * contact due: the lines were not read); {@code refused} names the campaigns held back, with why;
     * {@code agentOccupancy} gives each routing queue of a running agent-assisted campaign its agents' occupancy now
     * (percent); {@code nearAbandonmentTarget}
     * names the campaigns with contacts to call now whose abandonment over 24 hours has reached 80 % of their target
     * (the pacing is holding them back).
     */
    public record FeedReport(int budget, int campaigns, int queued, int deferredToWindow,
                             Map<String, String> refused, Map<String, Integer> agentOccupancy,
                             List<String> nearAbandonmentTarget) {
        public FeedReport(int budget, int campaigns, int queued, int deferredToWindow) {
            this(budget, campaigns, queued, deferredToWindow, Map.of(), Map.of(), List.of());
        }

        public FeedReport(int budget, int campaigns, int queued, int deferredToWindow, Map<String, String> refused) {
            this(budget, campaigns, queued, deferredToWindow, refused, Map.of(), List.of());
        }
    }

    /** Abandonment at this share of a campaign's target is reported (the operators' pacing alarm). */
    static final double NEAR_TARGET = 0.8;

    public FeedReport feed(Instant now) {
        // The lines in use are read once a campaign has contacts due: most minutes (nights, weekends, campaigns
        // waiting for their retries) have none, and the read would be for nothing.
        int[] budget = {-1};
        java.util.function.IntSupplier budgetNow = () -> {
            if (budget[0] < 0) {
                budget[0] = Math.min(callsPerSecond * 60, Math.max(0, maxConcurrentCalls - lines.active()));
            }
            return budget[0];
        };
        List<Campaign> running = new ArrayList<>();
        Map<String, String> refused = new LinkedHashMap<>();
        // A client's profile is read once per run, however many of its campaigns are active.
        Map<String, java.util.Optional<Client>> clients = new java.util.HashMap<>();
        for (Campaign campaign : accounts.activeCampaigns()) {
            java.util.Optional<Client> client = clients.computeIfAbsent(campaign.clientId(), accounts::client);
            if (!accountMayCall(campaign, client, now)) {
                continue;
            }
            java.util.Optional<String> refusal = connectSetup.refusal(campaign, client.get());
            if (refusal.isPresent()) {
                refused.put(campaign.key(), refusal.get()); // no call at all: its contacts wait in the hopper
                continue;
            }
            running.add(campaign);
        }
        if (running.isEmpty()) {
            return new FeedReport(Math.max(0, budget[0]), 0, 0, 0, refused);
        }
        int deferred = 0;
        Map<String, List<HopperEntry>> callable = new LinkedHashMap<>();
        for (Campaign campaign : running) {
            List<HopperEntry> ready = new ArrayList<>();
            CallingWindow window = CallingWindow.of(campaign);
            int read = 0;
            // Read what the budget needs, pushing contacts of a closed window to their next opening, up to a page per
            // run. The first read is small: the lines are read only when it comes back full.
            while (read < PAGE) {
                int limit = read == 0 ? MIN_READ
                        : Math.min(PAGE - read, Math.max(MIN_READ, budgetNow.getAsInt() - ready.size()));
                List<HopperEntry> due = contacts.due(campaign.key(), now, limit);
                read += due.size();
                int deferredNow = 0;
                for (HopperEntry entry : due) {
                    Instant opening = window.nextOpening(now, RegionZones.of(entry.region()));
                    if (opening.equals(now)) {
                        ready.add(entry);
                    } else {
                        contacts.deferTo(entry.campaignKey(), entry.contactId(), opening, now);
                        deferredNow++;
                    }
                }
                deferred += deferredNow;
                if (due.size() < limit || ready.size() >= budgetNow.getAsInt()) {
                    break;
                }
            }
            callable.put(campaign.key(), ready);
        }
        Map<String, FairShare.Demand> demands = new LinkedHashMap<>();
        Map<String, Integer> queueRoom = new LinkedHashMap<>();
        AgentPacing.Reading agentsNow = agents.reading(now);
        for (Campaign campaign : running) {
            int available = callable.get(campaign.key()).size();
            if (campaign.withAgents() && available > 0) {
                // No more than its agents can take: the room left in its routing queue, shared in campaign order.
                String queueId = campaign.agents().routingQueueId();
                int room = queueRoom.computeIfAbsent(queueId, q -> agentsNow.headroom(campaign));
                available = Math.min(available, room);
                queueRoom.put(queueId, room - available);
            }
            demands.put(campaign.key(), new FairShare.Demand(available, campaign.priority()));
        }
        boolean anyDue = callable.values().stream().anyMatch(entries -> !entries.isEmpty());
        Map<String, Integer> granted = anyDue ? FairShare.allocateWeighted(budgetNow.getAsInt(), demands) : Map.of();

        List<DialMessage> messages = new ArrayList<>();
        for (Campaign campaign : running) {
            List<HopperEntry> entries = callable.get(campaign.key());
            int take = granted.getOrDefault(campaign.key(), 0);
            for (HopperEntry entry : entries.subList(0, take)) {
                if (contacts.claimForQueue(entry.campaignKey(), entry.contactId(), now, now.plus(QUEUE_LEASE))) {
                    messages.add(new DialMessage(campaign.clientId(), campaign.campaignId(), entry.contactId(),
                            entry.attempts() + 1));
                }
            }
        }
        queue.send(messages);
        Map<String, Integer> occupancy = new LinkedHashMap<>();
        List<String> nearTarget = new ArrayList<>();
        for (Campaign campaign : running) {
            if (campaign.withAgents()) {
                occupancy.computeIfAbsent(campaign.agents().routingQueueId(),
                        q -> (int) Math.round(100 * agentsNow.queue(q).occupancy()));
                // The pacing holds back only a campaign with contacts to call now; one waiting for its window or
                // its retries is not being paced.
                if (!callable.get(campaign.key()).isEmpty() && agentsNow.abandonment(campaign) >= NEAR_TARGET
                        * campaign.agents().abandonmentTarget().doubleValue()) {
                    nearTarget.add(campaign.key());
                }
            }
        }
        return new FeedReport(Math.max(0, budget[0]), running.size(), messages.size(), deferred, refused, occupancy,
                nearTarget);
    }

    /**
     * The campaign runs (active, and today is within its dates) and its client's account may place calls (not
     * suspended, not terminated).
     */
    static boolean accountMayCall(Campaign campaign, java.util.Optional<Client> client, Instant now) {
        java.time.LocalDate today = now.atZone(Zones.BILLING).toLocalDate();
        return campaign.isActive() && campaign.runsOn(today) && client.map(Client::mayPlaceCalls).orElse(false);
    }

    /**
     * A line was just freed: the campaign that held it takes it back with its next contact callable now, if it
     * has one, rather than leaving the line idle until the next run. The shares the runs grant stay as they
     * were; a campaign with nothing to call leaves the line to the next run. The dialer checks everything again.
     */
    public boolean refill(String clientId, String campaignId, Instant now) {
        int active = lines.active();
        if (active >= maxConcurrentCalls) {
            return false;
        }
        java.util.Optional<Campaign> campaign = accounts.campaign(clientId, campaignId);
        java.util.Optional<Client> client = accounts.client(clientId);
        if (campaign.isEmpty() || !accountMayCall(campaign.get(), client, now)
                || connectSetup.refusal(campaign.get(), client.get()).isPresent()) {
            return false;
        }
        CallingWindow window = CallingWindow.of(campaign.get());
        List<HopperEntry> ready = new ArrayList<>();
        for (HopperEntry entry : contacts.due(campaign.get().key(), now, MIN_READ)) {
            Instant opening = window.nextOpening(now, RegionZones.of(entry.region()));
            if (opening.equals(now)) {
                ready.add(entry);
            } else {
                contacts.deferTo(entry.campaignKey(), entry.contactId(), opening, now);
            }
        }
        if (ready.isEmpty()) {
            return false; // nothing to call now: the agents' room is not even read
        }
        // An agentless campaign takes back the one line; an agent-assisted one fills the room its agents have now.
        int wanted = campaign.get().withAgents()
                ? Math.min(Math.min(MIN_READ, maxConcurrentCalls - active),
                        agents.reading(now).headroom(campaign.get()))
                : 1;
        List<DialMessage> messages = new ArrayList<>();
        for (HopperEntry entry : ready) {
            if (messages.size() >= wanted) {
                break;
            }
            if (contacts.claimForQueue(entry.campaignKey(), entry.contactId(), now, now.plus(QUEUE_LEASE))) {
                messages.add(new DialMessage(clientId, campaignId, entry.contactId(), entry.attempts() + 1));
            }
        }
        if (messages.isEmpty()) {
            return false;
        }
        queue.send(messages);
        return true;
    }
}
