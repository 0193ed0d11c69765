package com.outboundcalls.rate;

import com.outboundcalls.account.AgentAssistance;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.contact.CallTally;
import com.outboundcalls.contact.Contact;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.dial.CallRecord;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AgentCallOutcomesTest {

    private static final Instant T0 = Instant.parse("2026-10-06T09:00:00Z");
    private final InMemoryPorts.Accounts accounts = new InMemoryPorts.Accounts().with(
            new Client("acme", "ACME", "FR", new Client.Tariff(2, Duration.ofHours(2)), Client.AccountStatus.ACTIVE,
                    null),
            new Campaign("acme", "sales", Campaign.Status.ACTIVE, null, "script-1", 1)
                    .withAgents(new AgentAssistance(AgentAssistance.DialingMode.PREDICTIVE, "q-sales", null)));
    private final InMemoryPorts.Contacts contacts = new InMemoryPorts.Contacts();
    private final InMemoryPorts.CallControl control = new InMemoryPorts.CallControl();
    private final InMemoryPorts.RatedCalls rated = new InMemoryPorts.RatedCalls();
    private final InMemoryPorts.Prices prices = new InMemoryPorts.Prices()
            .with("default", "FR", "FR", "MOBILE", "0.12", Instant.parse("2026-01-01T00:00:00Z"), "default-1")
            .with("default", "RE", "RE", "MOBILE", "0.12", Instant.parse("2026-01-01T00:00:00Z"), "default-1");
    private final InMemoryPorts.Agents agents = new InMemoryPorts.Agents();
    private final InMemoryPorts.Oppositions oppositions = new InMemoryPorts.Oppositions();
    private final InMemoryPorts.Prospecting prospecting = new InMemoryPorts.Prospecting();
    private final Map<String, AgentReports.Report> agentSaid = new HashMap<>();
    private final List<String> missing = new ArrayList<>();
    private final CallRating rating = new CallRating(accounts, control, prices, rated, contacts, control,
            id -> Optional.empty()).withAgentCalls(new AgentCallOutcomes(contacts, agents,
            id -> Optional.ofNullable(agentSaid.get(id)),
            new CalleeRefusals(id -> false, oppositions, prospecting), (campaign, id) -> missing.add(id)));

    private String dialing(String connectId, String region) {
        String e164 = "RE".equals(region) ? "+262692000001" : "+33612345678";
        contacts.addIfAbsent(new NewContact("acme", "sales", "ct-" + connectId, e164, region, "MOBILE",
                null, null, null, Map.of(), "f", T0));
        contacts.claimForQueue("acme#sales", "ct-" + connectId, T0, T0);
        contacts.markDialing("acme#sales", "ct-" + connectId, 1, connectId, T0);
        control.claim("tok-" + connectId);
        agents.claimSeat("q-sales", "tok-" + connectId, 10);
        control.records.put(connectId, new CallRecord(connectId, "tok-" + connectId, "acme", "sales",
                "ct-" + connectId, 1, "FR", region, "MOBILE", T0));
        return "ct-" + connectId;
    }

    /** Answered after 8 s, to an agent 1.5 s later, who talked 90 s. */
    private static ContactEvent withAgent(String id) {
        Instant answered = T0.plusSeconds(8);
        Instant agent = answered.plusMillis(1500);
        Instant end = agent.plusSeconds(90);
        return new ContactEvent("DISCONNECTED", id, T0, answered, end, "CUSTOMER_DISCONNECT", null, end, agent,
                "agent-7");
    }

    private Contact contact(String contactId) {
        return contacts.get("acme#sales", contactId).orElseThrow();
    }

    private long counter(String name) {
        return contacts.tallies.getOrDefault("acme#sales", Map.of()).getOrDefault(name, 0L);
    }

    @Test
    void eachDispositionLeadsToItsStatusAndCounter() {
        Map<String, ContactStatus> expected = Map.of("COMPLETED", ContactStatus.REACHED,
                "UNSUCCESSFUL", ContactStatus.UNSUCCESSFUL, "WRONG_PERSON", ContactStatus.NOT_REACHED,
                "REFUSED", ContactStatus.REACHED, "DO_NOT_CALL", ContactStatus.REACHED,
                "CALLBACK", ContactStatus.CALLABLE);
        expected.forEach((disposition, status) -> {
            String contact = dialing(disposition, "FR");
            agentSaid.put(disposition, new AgentReports.Report(disposition, "2026-10-07T15:00"));
            rating.handle(withAgent(disposition));
            assertEquals(status, contact(contact).status(), disposition);
            assertEquals(1, counter(CallTally.disposition(disposition)), disposition);
        });
        assertEquals(6, counter(CallTally.CONNECTED_TO_AGENT));
        assertEquals(6 * 90, counter(CallTally.TALK_SECONDS));
        assertEquals(6 * 1500, counter(CallTally.WAIT_MILLIS));
        assertEquals(1, counter(CallTally.CALLBACKS));
        assertTrue(oppositions.isOpposed("acme", "+33612345678"), "a refusal puts the number on the opposition list");
        assertTrue(agents.seatQueue.isEmpty(), "every seat freed");
        assertTrue(missing.isEmpty());
    }

    @Test
    void aCallbackForTomorrowAtThreeIsDueThenInTheCalleesZoneToTheSameAgentWithoutUsingAnAttempt() {
        String contact = dialing("cb", "RE");
        agentSaid.put("cb", new AgentReports.Report("callback", "2026-10-07T15:00"));
        rating.handle(withAgent("cb"));
        Contact after = contact(contact);
        assertEquals(ContactStatus.CALLABLE, after.status());
        assertEquals(Instant.parse("2026-10-07T15:00:00Z").atZone(ZoneId.of("UTC"))
                .withZoneSameLocal(ZoneId.of("Indian/Reunion")).toInstant(), after.dueAt());
        assertEquals("agent-7", after.preferredAgent());
        assertEquals(0, after.countedAttempts());
    }

    @Test
    void aCallbackWithoutAReadableTimeIsDueAtOnceAndTheWindowDecides() {
        String contact = dialing("cb2", "FR");
        agentSaid.put("cb2", new AgentReports.Report("CALLBACK", "tomorrow afternoon"));
        rating.handle(withAgent("cb2"));
        assertEquals(withAgent("cb2").disconnectTimestamp(), contact(contact).dueAt());
    }

    @Test
    void anAnsweredCallNoAgentTookIsAbandonedCalledAgainLaterAndUsesNoAttempt() {
        String contact = dialing("ab", "FR");
        Instant answered = T0.plusSeconds(6);
        Instant end = answered.plusSeconds(14); // the recorded message
        rating.handle(new ContactEvent("DISCONNECTED", "ab", T0, answered, end, "CONTACT_FLOW_DISCONNECT", null, end));
        Contact after = contact(contact);
        assertEquals(ContactStatus.CALLABLE, after.status());
        assertEquals(end.plus(Duration.ofHours(2)), after.dueAt());
        assertEquals(0, after.countedAttempts());
        assertEquals(1, counter(CallTally.ABANDONED));
        assertEquals(1, counter(CallTally.ANSWERED));
        assertEquals(1, rated.calls.size(), "the recorded message is billed per second as any call");
    }

    @Test
    void aMissingDispositionIsCountedAndReportedOnceAndTheCalleeTakenAsReached() {
        String contact = dialing("nd", "FR");
        rating.handle(withAgent("nd"));
        rating.handle(withAgent("nd"));
        assertEquals(ContactStatus.REACHED, contact(contact).status());
        assertEquals("NO_DISPOSITION", contacts.outcomeOf("acme#sales", contact));
        assertEquals(1, counter(CallTally.DISPOSITION_MISSING));
        assertEquals(List.of("nd"), missing);
    }

    @Test
    void anUnknownDispositionIsMissingNotGuessed() {
        String contact = dialing("odd", "FR");
        agentSaid.put("odd", new AgentReports.Report("MAYBE_LATER", null));
        rating.handle(withAgent("odd"));
        assertEquals("NO_DISPOSITION", contacts.outcomeOf("acme#sales", contact));
    }

    @Test
    void unansweredAgentCallsCountForTheAnswerRateAndFollowTheTariff() {
        String contact = dialing("na", "FR");
        rating.handle(new ContactEvent("DISCONNECTED", "na", T0, null, T0.plusSeconds(30), "EXPIRED", null,
                T0.plusSeconds(30)));
        assertEquals(ContactStatus.CALLABLE, contact(contact).status());
        assertEquals(1, contact(contact).countedAttempts());
        assertEquals(1, counter(CallTally.ENDED));
        assertEquals(0, counter(CallTally.ANSWERED));
        assertFalse(agents.seatQueue.containsKey("tok-na"));
        assertNull(contact(contact).preferredAgent());
    }

    @Test
    void anUnansweredAgentCallReadsItsContactOnceToSettleIt() {
        dialing("nr", "FR");
        int before = contacts.reads;
        rating.handle(new ContactEvent("DISCONNECTED", "nr", T0, null, T0.plusSeconds(30), "EXPIRED", null,
                T0.plusSeconds(30)));
        assertEquals(1, contacts.reads - before, "whether it was a callback, then its uncounted attempts");
    }
}
