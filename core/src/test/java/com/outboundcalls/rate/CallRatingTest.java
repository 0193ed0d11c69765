package com.outboundcalls.rate;

import com.outboundcalls.account.Client;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.dial.CallRecord;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CallRatingTest {

    private static final Instant T0 = Instant.parse("2026-10-05T09:00:00Z");
    private final InMemoryPorts.Accounts accounts = new InMemoryPorts.Accounts().with(new Client("acme", "ACME", "FR", new Client.Tariff(2, Duration.ofHours(2)), Client.AccountStatus.ACTIVE, "acme-deal"));
    private final InMemoryPorts.Contacts contacts = new InMemoryPorts.Contacts();
    private final InMemoryPorts.CallControl control = new InMemoryPorts.CallControl();
    private final InMemoryPorts.RatedCalls rated = new InMemoryPorts.RatedCalls();
    private final InMemoryPorts.Prices prices = new InMemoryPorts.Prices()
            .with("default", "FR", "FR", "MOBILE", "0.12", Instant.parse("2026-01-01T00:00:00Z"), "default-1")
            .with("acme-deal", "FR", "FR", "MOBILE", "0.06", Instant.parse("2026-10-05T09:00:30Z"), "acme-2");
    private final java.util.Map<String, ContactEvent> connectKnows = new java.util.HashMap<>();
    private final CallRating rating = new CallRating(accounts, control, prices, rated, contacts, control,
            id -> java.util.Optional.ofNullable(connectKnows.get(id)));

    private String dialing(String connectId, int attempt) {
        contacts.addIfAbsent(new NewContact("acme", "spring", "ct-" + connectId, "+33612345678", "FR", "MOBILE",
                null, null, null, Map.of(), "f", T0));
        for (int a = 1; a <= attempt; a++) {
            contacts.claimForQueue("acme#spring", "ct-" + connectId, T0, T0);
            contacts.markDialing("acme#spring", "ct-" + connectId, a, a == attempt ? connectId : "old-" + a, T0);
            if (a < attempt) {
                contacts.settle("acme#spring", "ct-" + connectId, "old-" + a, ContactStatus.CALLABLE, T0, "x", T0);
            }
        }
        control.claim("tok-" + connectId);
        control.records.put(connectId, new CallRecord(connectId, "tok-" + connectId, "acme", "spring",
                "ct-" + connectId, attempt, "FR", "FR", "MOBILE", T0));
        return "ct-" + connectId;
    }

    private static ContactEvent disconnected(String id, Instant answered, Instant end, String amd) {
        return new ContactEvent("DISCONNECTED", id, T0, answered, end, "CUSTOMER_DISCONNECT", amd, end);
    }

    @Test
    void theSameDisconnectionTwiceIsRatedAndSettledOnce() {
        String contact = dialing("c1", 1);
        ContactEvent e = disconnected("c1", T0.plusSeconds(5), T0.plusMillis(66_001), null);
        rating.handle(e);
        rating.handle(e);
        assertEquals(1, rated.calls.size());
        assertEquals(62, rated.calls.get("c1").billedSeconds());
        assertEquals(ContactStatus.REACHED, contacts.get("acme#spring", contact).orElseThrow().status());
        assertEquals(0, control.active());
    }

    @Test
    void theNegotiatedPriceValidWhenTheCalleeAnsweredApplies() {
        dialing("before", 1);
        dialing("after", 1);
        rating.handle(disconnected("before", T0.plusSeconds(29), T0.plusSeconds(89), null));
        rating.handle(disconnected("after", T0.plusSeconds(30), T0.plusSeconds(90), null));
        // Before 09:00:30 the client's list has no row yet: the provider's default applies.
        assertEquals(new BigDecimal("0.120000"), rated.calls.get("before").amount());
        assertEquals("default-1", rated.calls.get("before").priceListVersion());
        assertEquals(new BigDecimal("0.060000"), rated.calls.get("after").amount());
        assertEquals("acme-2", rated.calls.get("after").priceListVersion());
    }

    @Test
    void voicemailIsBilledButTheContactIsTriedAgainAfterTheTariffsDelay() {
        String contact = dialing("vm", 1);
        rating.handle(disconnected("vm", T0.plusSeconds(5), T0.plusSeconds(25), "VOICEMAIL_BEEP"));
        assertEquals(20, rated.calls.get("vm").billedSeconds());
        var c = contacts.get("acme#spring", contact).orElseThrow();
        assertEquals(ContactStatus.CALLABLE, c.status());
        assertEquals(T0.plusSeconds(25).plus(Duration.ofHours(2)), c.dueAt());
    }

    @Test
    void noAttemptBeyondTheTariff() {
        String contact = dialing("last", 2);
        rating.handle(disconnected("last", null, T0.plusSeconds(30), null));
        assertEquals(ContactStatus.NOT_REACHED, contacts.get("acme#spring", contact).orElseThrow().status());
    }

    @Test
    void anAnsweredCallWithoutAPriceIsStoredUnratedNeverFree() {
        dialing("far", 1);
        control.records.put("far", new CallRecord("far", "tok-far", "acme", "spring", "ct-far", 1, "FR", "JP",
                "MOBILE", T0));
        assertEquals(CallRating.Outcome.UNRATED, rating.handle(disconnected("far", T0.plusSeconds(3), T0.plusSeconds(63),
                null)));
        RatedCall call = rated.calls.get("far");
        assertEquals(RatedCall.Status.UNRATED, call.status());
        assertEquals(60, call.billedSeconds());
        assertEquals("no price for FR to JP MOBILE", call.unratedReason());
    }

    @Test
    void anEventWithoutItsTimestampsIsCompletedFromDescribeContact() {
        String contact = dialing("bare", 1);
        connectKnows.put("bare", disconnected("bare", T0.plusSeconds(4), T0.plusSeconds(34), null));
        rating.handle(new ContactEvent("DISCONNECTED", "bare", null, null, null, null, null, T0.plusSeconds(35)));
        assertEquals(30, rated.calls.get("bare").billedSeconds());
        assertEquals(ContactStatus.REACHED, contacts.get("acme#spring", contact).orElseThrow().status());
    }

    @Test
    void anEventForAnUnknownCallIsRetriedLater() {
        assertThrows(CallRating.UnknownCallException.class,
                () -> rating.handle(disconnected("nobody", null, T0.plusSeconds(3), null)));
        assertEquals(CallRating.Outcome.IGNORED, rating.handle(new ContactEvent("INITIATED", "nobody", T0, null, null,
                null, null, T0)));
    }

    private static ContactEvent unanswered(String id, String reason) {
        return new ContactEvent("DISCONNECTED", id, T0, null, T0.plusSeconds(30), reason, null, T0.plusSeconds(30));
    }

    @Test
    void anInvalidNumberStopsTheAttemptsAtOnce() {
        String contact = dialing("inv", 1);
        rating.handle(unanswered("inv", "TELECOM_NUMBER_INVALID"));
        var settled = contacts.get("acme#spring", contact).orElseThrow();
        assertEquals(ContactStatus.NOT_REACHED, settled.status(), "tariff allows 2 attempts, none more is made");
    }

    @Test
    void aCalleeWhoHangsUpAtOnceIsReachedButUnsuccessful() {
        String contact = dialing("hang", 1);
        rating.handle(new ContactEvent("DISCONNECTED", "hang", T0, T0.plusSeconds(8), T0.plusMillis(9_500),
                "CUSTOMER_DISCONNECT", null, T0.plusSeconds(10)));
        assertEquals(ContactStatus.UNSUCCESSFUL, contacts.get("acme#spring", contact).orElseThrow().status());
        assertEquals(2, rated.calls.get("hang").billedSeconds(), "the seconds it lasted are still due");
    }

    @Test
    void aCallConnectCouldNotPlaceIsTriedAgainWithoutCountingAgainstTheTariff() {
        String contact = dialing("net", 1);
        rating.handle(unanswered("net", "TELECOM_PROBLEM"));
        var afterNetwork = contacts.get("acme#spring", contact).orElseThrow();
        assertEquals(ContactStatus.CALLABLE, afterNetwork.status());
        assertEquals(1, afterNetwork.uncountedAttempts());
        assertEquals(T0.plusSeconds(30).plus(CallRating.NETWORK_RETRY_DELAY), afterNetwork.dueAt());

        // Attempt 2 is the first counted one; the tariff's 2 counted attempts end with attempt 3.
        redial(contact, "net2", 2);
        rating.handle(unanswered("net2", "EXPIRED"));
        assertEquals(ContactStatus.CALLABLE, contacts.get("acme#spring", contact).orElseThrow().status());
        redial(contact, "net3", 3);
        rating.handle(unanswered("net3", "TELECOM_BUSY"));
        var last = contacts.get("acme#spring", contact).orElseThrow();
        assertEquals(ContactStatus.NOT_REACHED, last.status());
        assertEquals(2, last.countedAttempts());
    }

    private void redial(String contact, String connectId, int attempt) {
        contacts.claimForQueue("acme#spring", contact, T0.plus(java.time.Duration.ofDays(1)),
                T0.plus(java.time.Duration.ofDays(1)));
        contacts.markDialing("acme#spring", contact, attempt, connectId, T0);
        control.claim("tok-" + connectId);
        control.records.put(connectId, new CallRecord(connectId, "tok-" + connectId, "acme", "spring", contact, attempt,
                "FR", "FR", "MOBILE", T0));
    }

    @Test
    void aFreedLineIsOfferedBackOnceEvenWhenTheEventComesTwice() {
        java.util.List<String> freed = new java.util.ArrayList<>();
        CallRating withRefill = new CallRating(accounts, control, prices, rated, contacts, control,
                id -> java.util.Optional.empty(), (client, campaign) -> freed.add(client + "#" + campaign));
        dialing("twice", 1);
        ContactEvent e = disconnected("twice", T0.plusSeconds(5), T0.plusSeconds(40), null);
        withRefill.handle(e);
        withRefill.handle(e);
        assertEquals(java.util.List.of("acme#spring"), freed);
    }

    @Test
    void aCalleeWhoAsksNotToBeCalledAgainGoesOnTheClientsOppositionListAndCountsAsARefusal() {
        InMemoryPorts.Oppositions oppositions = new InMemoryPorts.Oppositions();
        InMemoryPorts.Prospecting histories = new InMemoryPorts.Prospecting();
        CallRating withRefusals = new CallRating(accounts, control, prices, rated, contacts, control,
                id -> java.util.Optional.empty(), (client, campaign) -> { },
                new CalleeRefusals(id -> id.equals("no-more"), oppositions, histories));
        dialing("no-more", 1);
        withRefusals.handle(disconnected("no-more", T0.plusSeconds(5), T0.plusSeconds(40), null));
        assertEquals(java.util.Set.of("+33612345678"), oppositions.opposed("acme", java.util.List.of("+33612345678")));
        assertEquals(T0.plusSeconds(40), histories.of("acme", "+33612345678").refusedAt());

        dialing("fine", 1);
        withRefusals.handle(disconnected("fine", T0.plusSeconds(5), T0.plusSeconds(40), null));
        assertEquals(2, rated.calls.size(), "both calls rated; only the first callee refused");
    }

    @Test
    void anEventForAContactThisSystemNeverPlacedIsForeignAndOneOfOursNotRecordedYetIsRetried() {
        java.util.Set<String> ours = java.util.Set.of("ours-not-recorded");
        CallRating recognizing = new CallRating(accounts, control, prices, rated, contacts, control,
                id -> java.util.Optional.empty(), (client, campaign) -> { }, null, ours::contains);
        ContactEvent foreign = disconnected("inbound-elsewhere", T0.plusSeconds(5), T0.plusSeconds(65), null);
        assertEquals(CallRating.Outcome.FOREIGN, recognizing.handle(foreign));
        org.junit.jupiter.api.Assertions.assertThrows(CallRating.UnknownCallException.class, () -> recognizing.handle(
                disconnected("ours-not-recorded", T0.plusSeconds(5), T0.plusSeconds(65), null)));
        assertEquals(0, rated.calls.size(), "nothing rated for either");
    }
}
