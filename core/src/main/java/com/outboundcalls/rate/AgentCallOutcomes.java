package com.outboundcalls.rate;

import com.outboundcalls.account.Client;
import com.outboundcalls.contact.CallTally;
import com.outboundcalls.contact.Contact;
import com.outboundcalls.contact.ContactBook;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.dial.AgentSeats;
import com.outboundcalls.dial.CallRecord;
import com.outboundcalls.time.RegionZones;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Settles the calls of agent-assisted campaigns. A callee who answered and got no agent was abandoned: the flow
 * played the client's message, the contact is called again after the tariff's delay within its windows, and the
 * call does not use one of the client's attempts. A callee who spoke to an agent is settled by the agent's
 * disposition; a missing one is counted and reported, and the callee taken as reached, never guessed otherwise.
 * Each settlement adds its tally to the campaign's counters in the same write.
 */
public final class AgentCallOutcomes {

    /** Told of a conversation the agent ended without a disposition (an alarm watches them). */
    @FunctionalInterface
    public interface MissingDispositions {
        void missing(String campaignKey, String connectContactId);
    }

    private final ContactBook contacts;
    private final AgentSeats seats;
    private final AgentReports reports;
    private final CalleeRefusals refusals;
    private final MissingDispositions missing;

    public AgentCallOutcomes(ContactBook contacts, AgentSeats seats, AgentReports reports, CalleeRefusals refusals,
                             MissingDispositions missing) {
        this.contacts = contacts;
        this.seats = seats;
        this.reports = reports;
        this.refusals = refusals;
        this.missing = missing;
    }

    /** Frees the call's seat in its queue; true when this call freed it. */
    public boolean release(String clientToken) {
        return seats.releaseSeat(clientToken);
    }

    /** What an agent-assisted call nobody answered (or a machine answered) adds: one call ended. */
    static CallTally ended(ContactEvent event, Instant at, boolean callback) {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(CallTally.ENDED, 1L);
        // Nobody took it (no answer, busy, a machine): it held its seat from dialing to its end.
        counts.put(CallTally.RING_ALL_SECONDS, seconds(event.initiationTimestamp(), at));
        if (callback) {
            counts.put(CallTally.CALLBACKS_PLACED, 1L);
        }
        return new CallTally(counts, at);
    }

    /** Settles an agent-assisted call a person answered. */
    void settleAnswered(CallRecord call, Client client, ContactEvent event, Instant at, boolean callback) {
        String key = call.campaignKey();
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put(CallTally.ENDED, 1L);
        if (callback) {
            counts.put(CallTally.CALLBACKS_PLACED, 1L);
        }
        counts.put(CallTally.ANSWERED, 1L);
        counts.put(CallTally.RING_SECONDS, seconds(event.initiationTimestamp(), event.connectedToSystemTimestamp()));
        counts.put(CallTally.RING_ALL_SECONDS, counts.get(CallTally.RING_SECONDS));
        if (!event.reachedAgent()) {
            counts.put(CallTally.ABANDONED, 1L);
            contacts.settleUncounted(key, call.contactId(), event.contactId(), at.plus(client.tariff().retryDelay()),
                    "ABANDONED", at, new CallTally(counts, at), null);
            return;
        }
        counts.put(CallTally.CONNECTED_TO_AGENT, 1L);
        counts.put(CallTally.TALK_SECONDS, seconds(event.connectedToAgentTimestamp(), event.disconnectTimestamp()));
        counts.put(CallTally.WAIT_MILLIS, Math.max(0, Duration.between(event.connectedToSystemTimestamp(),
                event.connectedToAgentTimestamp()).toMillis()));
        Optional<AgentReports.Report> report = reports.of(event.contactId());
        Optional<Disposition> disposition = report.flatMap(r -> Disposition.parse(r.disposition()));
        if (disposition.isEmpty()) {
            counts.put(CallTally.DISPOSITION_MISSING, 1L);
            if (contacts.settle(key, call.contactId(), event.contactId(), ContactStatus.REACHED, null,
                    "NO_DISPOSITION", at, new CallTally(counts, at))) {
                missing.missing(key, event.contactId());
            }
            return;
        }
        counts.put(CallTally.disposition(disposition.get().name()), 1L);
        CallTally tally = new CallTally(counts, at);
        String outcome = disposition.get().name();
        switch (disposition.get()) {
            case COMPLETED -> contacts.settle(key, call.contactId(), event.contactId(), ContactStatus.REACHED, null,
                    outcome, at, tally);
            case UNSUCCESSFUL -> contacts.settle(key, call.contactId(), event.contactId(), ContactStatus.UNSUCCESSFUL,
                    null, outcome, at, tally);
            case WRONG_PERSON -> contacts.settle(key, call.contactId(), event.contactId(), ContactStatus.NOT_REACHED,
                    null, outcome, at, tally);
            case REFUSED, DO_NOT_CALL -> {
                contacts.get(key, call.contactId()).ifPresent(contact -> refusals.record(call.clientId(),
                        contact.e164(), event.contactId(), at, outcome));
                contacts.settle(key, call.contactId(), event.contactId(), ContactStatus.REACHED, null, outcome, at,
                        tally);
            }
            case CALLBACK -> {
                Map<String, Long> withCallback = new LinkedHashMap<>(counts);
                withCallback.put(CallTally.CALLBACKS, 1L);
                Instant due = contacts.get(key, call.contactId())
                        .map(contact -> callbackTime(report.get().callbackAt(), contact, at))
                        .orElse(at.plus(client.tariff().retryDelay()));
                // The callee asked for it: not one of the client's attempts. The window is checked when it is due.
                contacts.settleUncounted(key, call.contactId(), event.contactId(), due, outcome, at,
                        new CallTally(withCallback, at), event.agentId());
            }
        }
    }

    /**
     * The instant of the local date and time the callee asked for, in the callee's zone; a time already past or
     * unreadable is taken as "as soon as possible" (the next opening of the callee's window).
     */
    static Instant callbackTime(String localDateTime, Contact contact, Instant at) {
        if (localDateTime == null || localDateTime.isBlank()) {
            return at;
        }
        try {
            Instant asked = LocalDateTime.parse(localDateTime.trim()).atZone(RegionZones.of(contact.region())).toInstant();
            return asked.isBefore(at) ? at : asked;
        } catch (DateTimeParseException unreadable) {
            return at;
        }
    }

    private static long seconds(Instant from, Instant to) {
        return from == null || to == null ? 0 : Math.max(0, Duration.between(from, to).toSeconds());
    }

    /** Counter names a campaign's dashboard reads for its dispositions, in order. */
    public static List<String> dispositionCounters() {
        return java.util.Arrays.stream(Disposition.values()).map(d -> CallTally.disposition(d.name())).toList();
    }
}
