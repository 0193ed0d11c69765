package com.outboundcalls.dial;

import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.CallAttributes;
import com.outboundcalls.account.CallingWindow;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.contact.Contact;
import com.outboundcalls.contact.ContactBook;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.OppositionList;
import com.outboundcalls.phone.PhoneNumberValidator;
import com.outboundcalls.time.RegionZones;
import com.outboundcalls.time.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Turns one dial message into one Amazon Connect outbound call. A redelivered message finds the contact
 * already dialing and does nothing; a crash between the call and its record is repaired on redelivery by
 * the ClientToken, which makes Connect return the first call instead of placing a second.
 */
public final class Dialing {

    /** How long the dialer waits for a pacing slot before giving the message back. */
    private static final Duration MAX_PACING_WAIT = Duration.ofSeconds(30);

    public enum Outcome {
        PLACED, SKIPPED_STALE, DEFERRED_NO_LINE, DEFERRED_NO_AGENT, DEFERRED_INACTIVE, DEFERRED_WINDOW, DEFERRED_PROSPECTING_LIMIT,
        REFUSED, OPPOSED,
        /** Connect refused the call for a reason of the setup: the campaign is held, the contact waits. */
        HELD_MISCONFIGURED
    }

    /** Holds a campaign whose calls Connect refuses for a reason of the setup, until someone fixes and resumes it. */
    @FunctionalInterface
    public interface CampaignHolds {
        void hold(String clientId, String campaignId, String reason);
    }

    private final AccountDirectory accounts;
    private final ContactBook contacts;
    private final CallLines lines;
    private final DialPacer pacer;
    private final OutboundCalls calls;
    private final CallLog callLog;
    private final OppositionList oppositions;
    private final ProspectingLimit.Histories prospecting;
    private final ConnectSetup connectSetup;
    private final Clock clock;
    private final Sleeper sleeper;
    private final PhoneNumberValidator numbers = new PhoneNumberValidator();
    private final CampaignHolds holds;
    private final AgentPacing agents;

    public Dialing(AccountDirectory accounts, ContactBook contacts, CallLines lines, DialPacer pacer,
                   OutboundCalls calls, CallLog callLog, OppositionList oppositions,
                   ProspectingLimit.Histories prospecting, ConnectSetup connectSetup, Clock clock, Sleeper sleeper) {
        this(accounts, contacts, lines, pacer, calls, callLog, oppositions, prospecting, connectSetup, clock, sleeper,
                (client, campaign, reason) -> {
                    throw new IllegalStateException("campaign " + campaign + " misconfigured, not held: " + reason);
                });
    }

    /** @param holds where a campaign whose calls Connect refuses for a reason of the setup is held */
    public Dialing(AccountDirectory accounts, ContactBook contacts, CallLines lines, DialPacer pacer,
                   OutboundCalls calls, CallLog callLog, OppositionList oppositions,
                   ProspectingLimit.Histories prospecting, ConnectSetup connectSetup, Clock clock, Sleeper sleeper,
                   CampaignHolds holds) {
        this(accounts, contacts, lines, pacer, calls, callLog, oppositions, prospecting, connectSetup, clock, sleeper,
                holds, AgentPacing.UNAVAILABLE);
    }

    /** @param agents the pacing of agent-assisted campaigns to their queue's agents */
    public Dialing(AccountDirectory accounts, ContactBook contacts, CallLines lines, DialPacer pacer,
                   OutboundCalls calls, CallLog callLog, OppositionList oppositions,
                   ProspectingLimit.Histories prospecting, ConnectSetup connectSetup, Clock clock, Sleeper sleeper,
                   CampaignHolds holds, AgentPacing agents) {
        this.agents = agents;
        this.holds = holds;
        this.accounts = accounts;
        this.contacts = contacts;
        this.lines = lines;
        this.pacer = pacer;
        this.calls = calls;
        this.callLog = callLog;
        this.oppositions = oppositions;
        this.prospecting = prospecting;
        this.connectSetup = connectSetup;
        this.clock = clock;
        this.sleeper = sleeper;
    }

    public Outcome dial(DialMessage message) {
        Optional<Contact> found = contacts.get(message.campaignKey(), message.contactId());
        if (found.isEmpty()) {
            return Outcome.SKIPPED_STALE;
        }
        Contact contact = found.get();
        if (contact.status() != ContactStatus.QUEUED || contact.attempts() != message.attempt() - 1) {
            return Outcome.SKIPPED_STALE;
        }
        Optional<Campaign> campaign = accounts.campaign(message.clientId(), message.campaignId());
        Optional<Client> client = accounts.client(message.clientId());
        if (campaign.isEmpty() || !DialFeeding.accountMayCall(campaign.get(), client, clock.instant())) {
            contacts.returnToHopper(message.campaignKey(), message.contactId(), clock.instant(),
                    "campaign or account not active");
            return Outcome.DEFERRED_INACTIVE;
        }
        String callerId = connectSetup.callerIdOf(campaign.get());
        Optional<String> refusal = connectSetup.refusal(campaign.get(), client.get());
        if (refusal.isPresent()) {
            // Checked again here: a caller ID changed after the contact was queued is never presented.
            contacts.returnToHopper(message.campaignKey(), message.contactId(), clock.instant(), refusal.get());
            return Outcome.DEFERRED_INACTIVE;
        }
        if (oppositions.isOpposed(message.clientId(), contact.e164())) {
            // Checked again here: the number may have gone on the list after the file was ingested.
            contacts.markOpposed(message.campaignKey(), message.contactId(), clock.instant());
            return Outcome.OPPOSED;
        }
        Instant now = clock.instant();
        Instant opening = CallingWindow.of(campaign.get()).nextOpening(now, RegionZones.of(contact.region()));
        if (!opening.equals(now)) {
            // Reached the dialer just as the callee's window closed: back to the hopper until it opens again.
            contacts.returnToHopper(message.campaignKey(), message.contactId(), opening,
                    "outside the callee's calling window until " + opening);
            return Outcome.DEFERRED_WINDOW;
        }
        boolean consumerProspecting = campaign.get().purpose() == Campaign.Purpose.CONSUMER_PROSPECTING;
        if (consumerProspecting) {
            Optional<Instant> allowed = ProspectingLimit.nextAllowed(
                    prospecting.of(message.clientId(), contact.e164()), now);
            if (allowed.isPresent()) {
                contacts.returnToHopper(message.campaignKey(), message.contactId(), allowed.get(),
                        "4 calls in 30 days or a refusal within 60 days (décret 2022-1313): not before " + allowed.get());
                return Outcome.DEFERRED_PROSPECTING_LIMIT;
            }
        }
        String token = message.clientToken();
        boolean withAgents = campaign.get().withAgents();
        // An agent first: the seat is checked against the agents free now in the same write that takes it.
        if (withAgents && agents.claim(campaign.get(), token, now) == AgentSeats.Claim.FULL) {
            contacts.returnToHopper(message.campaignKey(), message.contactId(), clock.instant(), "no free agent");
            return Outcome.DEFERRED_NO_AGENT;
        }
        Runnable release = () -> {
            lines.release(token);
            if (withAgents) {
                agents.release(token);
            }
        };
        if (lines.claim(token) == CallLines.Claim.FULL) {
            if (withAgents) {
                agents.release(token);
            }
            contacts.returnToHopper(message.campaignKey(), message.contactId(), clock.instant(), "no free line");
            return Outcome.DEFERRED_NO_LINE;
        }
        if (!awaitPacingSlot()) {
            release.run();
            throw new OutboundCalls.CallThrottledException("no pacing slot within " + MAX_PACING_WAIT, null);
        }
        String connectContactId;
        try {
            connectContactId = calls.start(new OutboundCalls.OutboundCall(token, contact.e164(), callerId,
                    attributes(campaign.get(), client.get(), contact, message), campaign.get().answeringMachineDetection()));
        } catch (OutboundCalls.CallThrottledException e) {
            release.run();
            throw e;
        } catch (OutboundCalls.CallRefusedException e) {
            release.run();
            contacts.markUndialable(message.campaignKey(), message.contactId(), "REFUSED_BY_CONNECT", clock.instant());
            return Outcome.REFUSED;
        } catch (OutboundCalls.CallMisconfiguredException e) {
            // Not the callee's fault: the contact keeps its attempt and waits; the campaign stops until fixed.
            release.run();
            holds.hold(message.clientId(), message.campaignId(), e.getMessage());
            contacts.returnToHopper(message.campaignKey(), message.contactId(), clock.instant(),
                    "campaign held: " + e.getMessage());
            return Outcome.HELD_MISCONFIGURED;
        }
        Instant placedAt = clock.instant();
        if (consumerProspecting) {
            prospecting.recordCall(message.clientId(), contact.e164(), placedAt);
        }
        callLog.record(new CallRecord(connectContactId, token, message.clientId(), message.campaignId(),
                message.contactId(), message.attempt(), numbers.regionOf(callerId), contact.region(),
                contact.numberType(), placedAt));
        contacts.markDialing(message.campaignKey(), message.contactId(), message.attempt(), connectContactId,
                placedAt);
        return Outcome.PLACED;
    }

    private boolean awaitPacingSlot() {
        Instant deadline = clock.instant().plus(MAX_PACING_WAIT);
        while (true) {
            Instant now = clock.instant();
            if (pacer.tryTake(now.getEpochSecond())) {
                return true;
            }
            Instant nextSecond = Instant.ofEpochSecond(now.getEpochSecond() + 1);
            if (nextSecond.isAfter(deadline)) {
                return false;
            }
            sleeper.sleepUntil(nextSecond);
        }
    }

    /**
     * Contact attributes for the contact flow: the campaign's instructions and the file's extra columns, those of an
     * agreed format, or for a file read leniently those the client marked as needed for the call (as they stand
     * now: a column unmarked since the file was read no longer travels).
     */
    static Map<String, String> attributes(Campaign campaign, Client client, Contact contact, DialMessage message) {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("clientId", campaign.clientId());
        attributes.put("campaignId", campaign.campaignId());
        attributes.put("contactId", contact.contactId());
        attributes.put("attempt", Integer.toString(message.attempt()));
        if (campaign.instructionsRef() != null) {
            attributes.put("instructionsRef", campaign.instructionsRef());
        }
        if (campaign.instructions() != null) {
            attributes.put("instructions", campaign.instructions());
        }
        if (campaign.withAgents()) {
            // The flow greets the callee, then puts the call in this queue for an agent, who reads the script.
            attributes.put(CallAttributes.DIALING_MODE, campaign.agents().mode().name());
            attributes.put(CallAttributes.ROUTING_QUEUE, campaign.agents().routingQueueId());
            attributes.put(CallAttributes.ABANDONED_MESSAGE, "Bonjour, " + client.name() + " a cherché à vous joindre "
                    + "et vous rappellera. Au revoir.");
        }
        if (campaign.withAgents() && contact.preferredAgent() != null) {
            attributes.put(CallAttributes.PREFERRED_AGENT, contact.preferredAgent());
        }
        boolean agreed = client.contactFileFormat() != null;
        contact.attributes().forEach((k, v) -> {
            if (agreed || client.calleeData().travels(k)) {
                attributes.putIfAbsent(CallAttributes.key(k), v);
            }
        });
        return attributes;
    }
}
