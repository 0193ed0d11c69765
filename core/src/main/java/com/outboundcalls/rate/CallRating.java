package com.outboundcalls.rate;

import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.Client;
import com.outboundcalls.contact.Contact;
import com.outboundcalls.contact.ContactBook;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.dial.CallLines;
import com.outboundcalls.dial.CallLog;
import com.outboundcalls.dial.CallRecord;

import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rates a call when Connect says it is disconnected, and settles its contact: reached, tried again after
 * the tariff's delay, or not reached once the tariff's attempts are spent. Each step is idempotent, so a
 * duplicated or replayed event yields exactly one rated call and one settlement.
 */
public final class CallRating {

    /** FOREIGN: the event of a contact this system never placed (another application of the instance). */
    public enum Outcome { IGNORED, RATED, UNRATED, FOREIGN }

    /** The event names a call this system has no record of yet: retry later. */
    public static final class UnknownCallException extends RuntimeException {
        public UnknownCallException(String message) {
            super(message);
        }
    }

    private final AccountDirectory accounts;
    private final CallLog callLog;
    private final CallPricer pricer;
    private final RatedCallStore ratedCalls;
    private final ContactBook contacts;
    private final CallLines lines;
    private final ContactDescriptions descriptions;

    /** Told when a call's line is freed, so that it can be taken again at once. */
    @FunctionalInterface
    public interface LineFreed {
        void freed(String clientId, String campaignId);
    }

    private final LineFreed lineFreed;

    public CallRating(AccountDirectory accounts, CallLog callLog, PriceCatalog prices, RatedCallStore ratedCalls,
                      ContactBook contacts, CallLines lines, ContactDescriptions descriptions) {
        this(accounts, callLog, prices, ratedCalls, contacts, lines, descriptions, (client, campaign) -> { });
    }

    private final CalleeRefusals refusals;
    private final CallOrigins origins;
    private final PriceCatalog prices;

    /** The same rating, settling the calls of agent-assisted campaigns with these outcomes and freeing their seats. */
    public CallRating withAgentCalls(AgentCallOutcomes outcomes) {
        return new CallRating(accounts, callLog, prices, ratedCalls, contacts, lines, descriptions, lineFreed,
                refusals, origins, outcomes);
    }

    public CallRating(AccountDirectory accounts, CallLog callLog, PriceCatalog prices, RatedCallStore ratedCalls,
                      ContactBook contacts, CallLines lines, ContactDescriptions descriptions, LineFreed lineFreed) {
        this(accounts, callLog, prices, ratedCalls, contacts, lines, descriptions, lineFreed, null);
    }

    /** With {@code refusals}, an answered callee who asked not to be called again is recorded as such. */
    public CallRating(AccountDirectory accounts, CallLog callLog, PriceCatalog prices, RatedCallStore ratedCalls,
                      ContactBook contacts, CallLines lines, ContactDescriptions descriptions, LineFreed lineFreed,
                      CalleeRefusals refusals) {
        this(accounts, callLog, prices, ratedCalls, contacts, lines, descriptions, lineFreed, refusals, null);
    }

    /**
     * With {@code origins}, the event of a contact that has no call record and that this system never placed is
     * answered FOREIGN (nothing to do, no retry); without, every unknown contact is retried.
     */
    public CallRating(AccountDirectory accounts, CallLog callLog, PriceCatalog prices, RatedCallStore ratedCalls,
                      ContactBook contacts, CallLines lines, ContactDescriptions descriptions, LineFreed lineFreed,
                      CalleeRefusals refusals, CallOrigins origins) {
        this(accounts, callLog, prices, ratedCalls, contacts, lines, descriptions, lineFreed, refusals, origins, null);
    }

    private final AgentCallOutcomes agentCalls;

    private CallRating(AccountDirectory accounts, CallLog callLog, PriceCatalog prices, RatedCallStore ratedCalls,
                       ContactBook contacts, CallLines lines, ContactDescriptions descriptions, LineFreed lineFreed,
                       CalleeRefusals refusals, CallOrigins origins, AgentCallOutcomes agentCalls) {
        this.agentCalls = agentCalls;
        this.prices = prices;
        this.origins = origins;
        this.refusals = refusals;
        this.lineFreed = lineFreed;
        this.descriptions = descriptions;
        this.accounts = accounts;
        this.callLog = callLog;
        this.pricer = new CallPricer(prices);
        this.ratedCalls = ratedCalls;
        this.contacts = contacts;
        this.lines = lines;
    }

    /** Frees the agent seat a call that was never placed still holds (nothing when it holds none). */
    public void releaseSeat(String clientToken) {
        if (agentCalls != null) {
            agentCalls.release(clientToken);
        }
    }

    public Outcome handle(ContactEvent received) {
        if (!received.isDisconnected()) {
            return Outcome.IGNORED;
        }
        java.util.Optional<CallRecord> recorded = callLog.find(received.contactId());
        if (recorded.isEmpty()) {
            if (origins != null && !origins.placedByThisSystem(received.contactId())) {
                return Outcome.FOREIGN;
            }
            // Ours, its record not written yet (the dialer records the call once Connect accepted it): later.
            throw new UnknownCallException("no call recorded for this Connect contact yet");
        }
        ContactEvent event = complete(received);
        CallRecord call = recorded.get();
        Client client = accounts.client(call.clientId())
                .orElseThrow(() -> new IllegalStateException("call of an unknown client " + call.clientId()));

        RatedCall rated = pricer.price(call, client.priceListId(), event);
        ratedCalls.saveIfAbsent(rated);
        boolean agentCall = agentCalls != null && accounts.campaign(call.clientId(), call.campaignId())
                .map(com.outboundcalls.account.Campaign::withAgents).orElse(false);
        settleContact(call, client, event, agentCall);
        if (agentCall) {
            agentCalls.release(call.clientToken());
        }
        if (lines.release(call.clientToken())) {
            lineFreed.freed(call.clientId(), call.campaignId());
        }
        return rated.status() == RatedCall.Status.RATED ? Outcome.RATED : Outcome.UNRATED;
    }

    /**
     * An event without its initiation or disconnect timestamp is completed from DescribeContact; what the
     * event does carry wins. Without a disconnect time there is nothing to rate yet: retry later.
     */
    private ContactEvent complete(ContactEvent event) {
        if (event.initiationTimestamp() != null && event.disconnectTimestamp() != null) {
            return event;
        }
        ContactEvent described = descriptions.describe(event.contactId()).orElse(null);
        ContactEvent completed = described == null ? event : new ContactEvent(event.eventType(), event.contactId(),
                first(event.initiationTimestamp(), described.initiationTimestamp()),
                first(event.connectedToSystemTimestamp(), described.connectedToSystemTimestamp()),
                first(event.disconnectTimestamp(), described.disconnectTimestamp()),
                first(event.disconnectReason(), described.disconnectReason()),
                first(event.answeringMachineDetectionStatus(), described.answeringMachineDetectionStatus()),
                event.eventTime(), first(event.connectedToAgentTimestamp(), described.connectedToAgentTimestamp()),
                first(event.agentId(), described.agentId()));
        if (completed.disconnectTimestamp() == null) {
            throw new UnknownCallException("Connect does not know when this contact ended yet");
        }
        return completed;
    }

    private static <T> T first(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** Network errors tried again without counting, at most, before they count like any failed attempt. */
    static final int MAX_UNCOUNTED_ATTEMPTS = 3;
    static final java.time.Duration NETWORK_RETRY_DELAY = java.time.Duration.ofMinutes(5);

    private void settleContact(CallRecord call, Client client, ContactEvent event, boolean agentCall) {
        Instant at = event.disconnectTimestamp() != null ? event.disconnectTimestamp() : event.eventTime();
        CallOutcome outcome = CallOutcome.of(event);
        String campaignKey = call.campaignKey();
        boolean person = outcome == CallOutcome.ANSWERED || outcome == CallOutcome.UNSUCCESSFUL;
        // The contact as it stands, read once whatever asks for it.
        Supplier<Optional<Contact>> contact = new Supplier<>() {
            private Optional<Contact> read;

            @Override
            public Optional<Contact> get() {
                if (read == null) {
                    read = contacts.get(campaignKey, call.contactId());
                }
                return read;
            }
        };
        // A call placed to the agent the callee asked for is the callback they requested.
        boolean callback = agentCall && contact.get().map(c -> c.preferredAgent() != null).orElse(false);
        if (agentCall && person) {
            agentCalls.settleAnswered(call, client, event, at, callback);
            return;
        }
        com.outboundcalls.contact.CallTally tally = agentCall ? AgentCallOutcomes.ended(event, at, callback)
                : com.outboundcalls.contact.CallTally.NONE;
        if (refusals != null && person) {
            contact.get().ifPresent(found ->
                    refusals.recordIfRefused(call.clientId(), found.e164(), event.contactId(), at));
        }
        switch (outcome) {
            case ANSWERED -> contacts.settle(campaignKey, call.contactId(), event.contactId(), ContactStatus.REACHED,
                    null, outcome.name(), at, tally);
            case UNSUCCESSFUL -> contacts.settle(campaignKey, call.contactId(), event.contactId(),
                    ContactStatus.UNSUCCESSFUL, null, outcome.name(), at, tally);
            case INVALID_NUMBER -> contacts.settle(campaignKey, call.contactId(), event.contactId(),
                    ContactStatus.NOT_REACHED, null, outcome.name(), at, tally);
            default -> {
                int uncounted = contact.get().map(c -> c.uncountedAttempts()).orElse(0);
                if (outcome == CallOutcome.NETWORK_ERROR && uncounted < MAX_UNCOUNTED_ATTEMPTS) {
                    contacts.settleUncounted(campaignKey, call.contactId(), event.contactId(),
                            at.plus(NETWORK_RETRY_DELAY), outcome.name(), at, tally, null);
                } else if (call.attempt() - uncounted >= client.tariff().maxAttempts()) {
                    contacts.settle(campaignKey, call.contactId(), event.contactId(), ContactStatus.NOT_REACHED, null,
                            outcome.name(), at, tally);
                } else {
                    contacts.settle(campaignKey, call.contactId(), event.contactId(), ContactStatus.CALLABLE,
                            at.plus(client.tariff().retryDelay()), outcome.name(), at, tally);
                }
            }
        }
    }
}
