package com.outboundcalls.dial;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialingTest {

    private static final Instant NOW = Instant.parse("2026-10-05T08:30:00Z");
    private final InMemoryPorts.Accounts accounts = new InMemoryPorts.Accounts().with(
            new Client("acme", "ACME", "FR", new Client.Tariff(3, Duration.ofHours(1)),
                    Client.AccountStatus.ACTIVE, null),
            new Campaign("acme", "spring", Campaign.Status.ACTIVE, "+33948123456", "script-1", 1));
    private final InMemoryPorts.Contacts contacts = new InMemoryPorts.Contacts();
    private final InMemoryPorts.CallControl control = new InMemoryPorts.CallControl();
    private final InMemoryPorts.Connect connect = new InMemoryPorts.Connect();
    private Instant now = NOW;
    private final Clock clock = new Clock() {
        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    };
    private final InMemoryPorts.Oppositions oppositions = new InMemoryPorts.Oppositions();
    private final InMemoryPorts.Prospecting prospecting = new InMemoryPorts.Prospecting();
    private final Dialing dialing = new Dialing(accounts, contacts, control, control, connect, control, oppositions, prospecting,
            new ConnectSetup("+33948000000", "local-campaign"), clock, t -> now = t);

    private DialMessage queued(String e164) {
        return queued("spring", e164, "FR");
    }

    private DialMessage queued(String campaign, String e164) {
        return queued(campaign, e164, "FR");
    }

    private DialMessage queuedIn(String e164, String region) {
        return queued("spring", e164, region);
    }

    private DialMessage queued(String campaign, String e164, String region) {
        String id = com.outboundcalls.testing.InMemoryPorts.CONTACT_IDS.of("acme", campaign, e164);
        contacts.addIfAbsent(new NewContact("acme", campaign, id, e164, region, "MOBILE", "Léa", null, null,
                Map.of("ref", "R1"), "file", NOW));
        contacts.claimForQueue("acme#" + campaign, id, NOW, NOW.plusSeconds(900));
        return new DialMessage("acme", campaign, id, 1);
    }

    @Test
    void aColumnTheClientNoLongerMarksForTheCallStaysOffTheCall() {
        DialMessage m = queued("+33612345678"); // stored with its column "ref", which the client has not marked
        assertEquals(Dialing.Outcome.PLACED, dialing.dial(m));
        assertFalse(connect.placed.get(0).attributes().containsKey("x_ref"), connect.placed.get(0).attributes().toString());
    }

    @Test
    void aClientsOwnNumberRevokedAfterQueueingIsNeverPresented() {
        accounts.campaigns.put("acme#own", new Campaign("acme", "own", Campaign.Status.ACTIVE, null, null, 1)
                .presentingClientsOwnNumber("+33162000001"));
        Client client = accounts.clients.get("acme");
        accounts.clients.put("acme", client.withOwnNumber("+33162000001", Client.Verification.VERIFIED, "proof-1"));
        DialMessage first = queued("own", "+33612345678");
        assertEquals(Dialing.Outcome.PLACED, dialing.dial(first));
        assertEquals("+33162000001", connect.placed.get(0).callerId());

        accounts.clients.put("acme", client.withOwnNumber("+33162000001", Client.Verification.REVOKED, "proof-1"));
        DialMessage second = queued("own", "+33612345679");
        assertEquals(Dialing.Outcome.DEFERRED_INACTIVE, dialing.dial(second));
        assertEquals(1, connect.placed.size());
        assertEquals(ContactStatus.CALLABLE, contacts.get("acme#own", second.contactId()).orElseThrow().status(),
                "the contact waits for the number to be verified again");
    }

    @Test
    void aCallCarriesTheCampaignsCallerIdInstructionsAndTheContactsColumns() {
        Client client = accounts.clients.get("acme");
        accounts.clients.put("acme", client.withCalleeData(new com.outboundcalls.account.CalleeDataTerms(
                java.util.Set.of("ref"), null)));
        DialMessage m = queued("+33612345678");
        assertEquals(Dialing.Outcome.PLACED, dialing.dial(m));
        OutboundCalls.OutboundCall call = connect.placed.get(0);
        assertEquals("+33948123456", call.callerId());
        assertEquals(m.contactId() + "-a1", call.clientToken());
        assertEquals("script-1", call.attributes().get("instructionsRef"));
        assertEquals("R1", call.attributes().get("x_ref"));
        assertEquals(ContactStatus.DIALING, contacts.get("acme#spring", m.contactId()).orElseThrow().status());
    }

    @Test
    void aCampaignAskingForAnsweringMachineDetectionGetsItOnEachCall() {
        accounts.campaigns.put("acme#amd", new Campaign("acme", "amd", Campaign.Status.ACTIVE, "+33948123456", null, 1)
                .withAnsweringMachineDetection(true));
        assertEquals(Dialing.Outcome.PLACED, dialing.dial(queued("amd", "+33612345678")));
        assertTrue(connect.placed.get(0).detectAnsweringMachine());
        assertEquals(Dialing.Outcome.PLACED, dialing.dial(queued("+33612345679")));
        assertTrue(!connect.placed.get(1).detectAnsweringMachine(), "the other campaign did not ask for it");
    }

    @Test
    void detectionAskedOnAnInstanceWithoutAConnectCampaignPlacesNoCall() {
        Dialing withoutCampaign = new Dialing(accounts, contacts, control, control, connect, control, oppositions,
                prospecting, ConnectSetup.withoutDetection("+33948000000"), clock, t -> now = t);
        accounts.campaigns.put("acme#amd", new Campaign("acme", "amd", Campaign.Status.ACTIVE, "+33948123456", null, 1)
                .withAnsweringMachineDetection(true));
        DialMessage m = queued("amd", "+33612345678");
        assertEquals(Dialing.Outcome.DEFERRED_INACTIVE, withoutCampaign.dial(m));
        assertTrue(connect.placed.isEmpty());
        assertEquals(ContactStatus.CALLABLE, contacts.get("acme#amd", m.contactId()).orElseThrow().status());
        assertTrue(new ConnectSetup("+33948000000", " ").refusal(accounts.campaigns.get("acme#amd"),
                accounts.clients.get("acme")).orElseThrow().contains("ConnectCampaignId"));
    }

    @Test
    void aContactReachingTheDialerAsItsWindowClosesGoesBackUntilItOpens() {
        DialMessage m = queued("+33612345678");
        now = Instant.parse("2026-10-09T18:00:30Z"); // Friday 20:00:30 in Paris
        assertEquals(Dialing.Outcome.DEFERRED_WINDOW, dialing.dial(m));
        assertTrue(connect.placed.isEmpty());
        var contact = contacts.get("acme#spring", m.contactId()).orElseThrow();
        assertEquals(ContactStatus.CALLABLE, contact.status());
        assertEquals(Instant.parse("2026-10-12T08:00:00Z"), contact.dueAt(), "Monday 10:00 in Paris");
        assertEquals(0, contact.attempts(), "no attempt spent");
    }

    @Test
    void aCustomerServiceCampaignFollowsItsClientsHoursButConsumerProspectingFollowsTheLaw() {
        accounts.campaigns.put("acme#service", new Campaign("acme", "service", Campaign.Status.ACTIVE, "+33948123456",
                null, 1, Campaign.Purpose.CUSTOMER_SERVICE).withCallingHours("MON-SAT 08:00-21:00"));
        accounts.campaigns.put("acme#prospects", new Campaign("acme", "prospects", Campaign.Status.ACTIVE,
                "+33948123456", null, 1, Campaign.Purpose.CONSUMER_PROSPECTING).withCallingHours("MON-SAT 08:00-21:00"));
        DialMessage service = queued("service", "+33612345678");
        DialMessage prospect = queued("prospects", "+33612345678");
        now = Instant.parse("2026-10-09T18:30:00Z"); // Friday 20:30 in Paris
        assertEquals(Dialing.Outcome.PLACED, dialing.dial(service));
        assertEquals(Dialing.Outcome.DEFERRED_WINDOW, dialing.dial(prospect));
    }

    @Test
    void consumerProspectingCallsTheSamePersonAtMostFourTimesInThirtyDaysAcrossTheClientsCampaigns() {
        accounts.campaigns.put("acme#p1", new Campaign("acme", "p1", Campaign.Status.ACTIVE, "+33948123456", null, 1,
                Campaign.Purpose.CONSUMER_PROSPECTING));
        accounts.campaigns.put("acme#p2", new Campaign("acme", "p2", Campaign.Status.ACTIVE, "+33948123456", null, 1,
                Campaign.Purpose.CONSUMER_PROSPECTING));
        for (int day = 0; day < 4; day++) {
            prospecting.recordCall("acme", "+33612345678", NOW.minus(Duration.ofDays(20 - day)));
        }
        DialMessage fifth = queued("p2", "+33612345678");
        assertEquals(Dialing.Outcome.DEFERRED_PROSPECTING_LIMIT, dialing.dial(fifth));
        assertTrue(connect.placed.isEmpty());
        assertEquals(NOW.minus(Duration.ofDays(20)).plus(Duration.ofDays(30)),
                contacts.get("acme#p2", fifth.contactId()).orElseThrow().dueAt(), "when the oldest call is 30 days old");

        DialMessage other = queued("p1", "+33612345679");
        assertEquals(Dialing.Outcome.PLACED, dialing.dial(other));
        assertEquals(1, prospecting.of("acme", "+33612345679").calls().size(), "the placed call is counted");
    }

    @Test
    void aRefusalStopsConsumerProspectingCallsForSixtyDaysButNotCustomerService() {
        accounts.campaigns.put("acme#p1", new Campaign("acme", "p1", Campaign.Status.ACTIVE, "+33948123456", null, 1,
                Campaign.Purpose.CONSUMER_PROSPECTING));
        prospecting.recordRefusal("acme", "+33612345678", NOW.minus(Duration.ofDays(5)));
        assertEquals(Dialing.Outcome.DEFERRED_PROSPECTING_LIMIT, dialing.dial(queued("p1", "+33612345678")));
        assertEquals(Dialing.Outcome.PLACED, dialing.dial(queued("+33612345678")), "customer service is not prospecting");
    }

    @Test
    void aCalleeInReunionIsCalledInReunionHours() {
        DialMessage m = queuedIn("+262692123456", "RE");
        now = Instant.parse("2026-10-05T16:30:00Z"); // 18:30 in Paris, 20:30 in Réunion
        assertEquals(Dialing.Outcome.DEFERRED_WINDOW, dialing.dial(m));
        assertEquals(Instant.parse("2026-10-06T06:00:00Z"), contacts.get("acme#spring", m.contactId()).orElseThrow()
                .dueAt(), "10:00 in Réunion");
    }

    @Test
    void aNumberOpposedAfterItWasQueuedIsNeverCalledAndLeavesTheCampaign() {
        DialMessage m = queued("+33612345678");
        oppositions.addAll(java.util.List.of(new com.outboundcalls.contact.OppositionList.Opposition(
                "acme", "+33612345678", "callee asked", NOW)));
        assertEquals(Dialing.Outcome.OPPOSED, dialing.dial(m));
        assertTrue(connect.placed.isEmpty());
        assertEquals(ContactStatus.OPPOSED, contacts.get("acme#spring", m.contactId()).orElseThrow().status());
        assertEquals(Dialing.Outcome.SKIPPED_STALE, dialing.dial(m), "a redelivery does nothing more");
    }

    @Test
    void anOppositionForEveryClientStopsTheCallToo() {
        DialMessage m = queued("+33612345679");
        oppositions.addAll(java.util.List.of(new com.outboundcalls.contact.OppositionList.Opposition(
                com.outboundcalls.contact.OppositionList.EVERY_CLIENT, "+33612345679", "provider list", NOW)));
        assertEquals(Dialing.Outcome.OPPOSED, dialing.dial(m));
        assertTrue(connect.placed.isEmpty());
    }

    @Test
    void aCrashAfterTheConnectCallIsRepairedOnRedeliveryWithoutASecondCall() {
        DialMessage m = queued("+33612345678");
        control.failNextRecord = true;
        assertThrows(IllegalStateException.class, () -> dialing.dial(m));
        assertEquals(ContactStatus.QUEUED, contacts.get("acme#spring", m.contactId()).orElseThrow().status());

        assertEquals(Dialing.Outcome.PLACED, dialing.dial(m));
        assertEquals(1, connect.placed.size());
        assertEquals(1, control.active(), "the line held by the token is held once");
        assertEquals("connect-1", contacts.get("acme#spring", m.contactId()).orElseThrow().connectContactId());
    }

    @Test
    void aThrottledCallGivesItsLineBackAndFailsTheMessage() {
        DialMessage m = queued("+33612345678");
        connect.throttleNext = 1;
        assertThrows(OutboundCalls.CallThrottledException.class, () -> dialing.dial(m));
        assertEquals(0, control.active());
        assertEquals(ContactStatus.QUEUED, contacts.get("acme#spring", m.contactId()).orElseThrow().status());
    }

    @Test
    void noMoreThanTheRatePerSecondWaitingForTheNextSecond() {
        for (int i = 0; i < 5; i++) {
            dialing.dial(queued("+3361234567" + i));
        }
        assertEquals(5, connect.placed.size());
        control.slots.values().forEach(taken -> assertEquals(true, taken <= 2));
        assertEquals(NOW.plusSeconds(2), now, "five calls at 2 per second span three seconds");
    }

    @Test
    void aPausedCampaignsContactGoesBackToTheHopperUncalled() {
        DialMessage m = queued("+33612345678");
        accounts.campaigns.put("acme#spring", new Campaign("acme", "spring", Campaign.Status.PAUSED, null, null, 1));
        assertEquals(Dialing.Outcome.DEFERRED_INACTIVE, dialing.dial(m));
        assertEquals(0, connect.placed.size());
        assertEquals(ContactStatus.CALLABLE, contacts.get("acme#spring", m.contactId()).orElseThrow().status());
    }

    @Test
    void aCallRefusedForTheSetupHoldsTheCampaignAndTheContactKeepsItsAttempt() {
        java.util.List<String> held = new java.util.ArrayList<>();
        Dialing holding = new Dialing(accounts, contacts, control, control, connect, control, oppositions, prospecting,
                new ConnectSetup("+33948000000", "local-campaign"), clock, t -> now = t,
                (client, campaign, reason) -> held.add(client + "/" + campaign + ": " + reason));
        DialMessage m = queued("+33612345678");
        connect.misconfigured = "InvalidParameterException (ContactFlowId is not a flow of this instance)";

        assertEquals(Dialing.Outcome.HELD_MISCONFIGURED, holding.dial(m));
        assertEquals(java.util.List.of("acme/spring: InvalidParameterException (ContactFlowId is not a flow of this "
                + "instance)"), held);
        assertEquals(0, control.active(), "the line is given back");
        var contact = contacts.get("acme#spring", m.contactId()).orElseThrow();
        assertEquals(ContactStatus.CALLABLE, contact.status(), "not written off: it waits for the campaign");
        assertEquals(0, contact.attempts(), "no attempt used");
        assertEquals(0, connect.placed.size());
    }
}
