package com.outboundcalls.dial;

import com.outboundcalls.account.AgentAssistance;
import com.outboundcalls.account.CallAttributes;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.testing.InMemoryPorts;
import com.outboundcalls.testing.SettableClock;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialingWithAgentsTest {

    private static final Instant NOW = Instant.parse("2026-10-06T08:30:00Z");
    private final InMemoryPorts.Accounts accounts = new InMemoryPorts.Accounts().with(
            new Client("acme", "ACME", "FR", new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE,
                    null),
            new Campaign("acme", "sales", Campaign.Status.ACTIVE, "+33948123456", "script-1", 1)
                    .withAgents(new AgentAssistance(AgentAssistance.DialingMode.PROGRESSIVE, "q-sales", null)));
    private final InMemoryPorts.Contacts contacts = new InMemoryPorts.Contacts();
    private final InMemoryPorts.CallControl control = new InMemoryPorts.CallControl();
    private final InMemoryPorts.Connect connect = new InMemoryPorts.Connect();
    private final InMemoryPorts.Agents agents = new InMemoryPorts.Agents();
    private final SettableClock clock = new SettableClock(NOW);
    private final AgentPacing pacing = new AgentPacing(agents, agents, contacts::last24Hours);
    private final Dialing dialing = new Dialing(accounts, contacts, control, control, connect, control,
            new InMemoryPorts.Oppositions(), new InMemoryPorts.Prospecting(), ConnectSetup.withoutDetection("+33948000000"),
            clock, t -> clock.now = t, (client, campaign, reason) -> { }, pacing);
    private final List<DialMessage> sent = new ArrayList<>();
    private final DialFeeding feeding = new DialFeeding(accounts, contacts, control, sent::addAll, 2, 10,
            ConnectSetup.withoutDetection("+33948000000"), pacing);

    private DialMessage queued(int i) {
        String e164 = String.format("+336120000%02d", i);
        String id = InMemoryPorts.CONTACT_IDS.of("acme", "sales", e164);
        contacts.addIfAbsent(new NewContact("acme", "sales", id, e164, "FR", "MOBILE", null, null, null, Map.of(),
                "file", NOW));
        contacts.claimForQueue("acme#sales", id, NOW, NOW.plusSeconds(900));
        return new DialMessage("acme", "sales", id, 1);
    }

    @Test
    void progressiveRingsNoMoreCallsThanAgentsFreeAndEachHoldsItsAgentUntilRated() {
        agents.set("q-sales", 2, 2, 0, 0);
        assertEquals(Dialing.Outcome.PLACED, dialing.dial(queued(1)));
        assertEquals(Dialing.Outcome.PLACED, dialing.dial(queued(2)));
        DialMessage third = queued(3);
        assertEquals(Dialing.Outcome.DEFERRED_NO_AGENT, dialing.dial(third));
        assertEquals(ContactStatus.CALLABLE, contacts.get("acme#sales", third.contactId()).orElseThrow().status());
        assertEquals(2, agents.heldSince("q-sales").size());
        assertEquals(2, control.active(), "a call deferred for want of an agent holds no line");
        // The first call ended and its seat is freed: the agent takes the next one.
        agents.releaseSeat(connect.placed.get(0).clientToken());
        contacts.claimForQueue("acme#sales", third.contactId(), NOW, NOW.plusSeconds(900));
        assertEquals(Dialing.Outcome.PLACED, dialing.dial(third));
    }

    @Test
    void anAgentAssistedCallCarriesItsModeAndQueueForTheFlow() {
        agents.set("q-sales", 1, 1, 0, 0);
        dialing.dial(queued(1));
        Map<String, String> attributes = connect.placed.get(0).attributes();
        assertEquals("PROGRESSIVE", attributes.get(CallAttributes.DIALING_MODE));
        assertEquals("q-sales", attributes.get(CallAttributes.ROUTING_QUEUE));
    }

    @Test
    void theFeederQueuesNoMoreThanTheQueueHasRoomForAndTheLinesStillBind() {
        for (int i = 0; i < 30; i++) {
            String e164 = String.format("+336130000%02d", i);
            contacts.addIfAbsent(new NewContact("acme", "sales", InMemoryPorts.CONTACT_IDS.of("acme", "sales", e164),
                    e164, "FR", "MOBILE", null, null, null, Map.of(), "file", NOW));
        }
        agents.set("q-sales", 10, 4, 6, 0);
        feeding.feed(NOW);
        assertEquals(10, sent.size(), "talking 6 + free 4 seats, none held");
        sent.clear();
        agents.set("q-sales", 60, 50, 0, 0);
        control.maxLines = 10;
        for (int i = 0; i < 8; i++) {
            control.claim("busy-" + i);
        }
        feeding.feed(NOW.plusSeconds(60));
        assertTrue(sent.size() <= 2, "Connect's concurrent calls bind whatever the agents: " + sent.size());
    }

    @Test
    void aFeederRunReadsEachQueuesAgentsOnceAndACampaignsLast24HoursOnlyWhenItHasContactsToCall() {
        int[] queueReads = {0};
        int[] historyReads = {0};
        AgentPacing counted = new AgentPacing(queue -> {
            queueReads[0]++;
            return agents.current(queue);
        }, agents, (campaignKey, now) -> {
            historyReads[0]++;
            return contacts.last24Hours(campaignKey, now);
        });
        DialFeeding feeder = new DialFeeding(accounts, contacts, control, sent::addAll, 2, 10,
                ConnectSetup.withoutDetection("+33948000000"), counted);
        agents.set("q-sales", 10, 4, 6, 0);

        DialFeeding.FeedReport idle = feeder.feed(NOW);
        assertEquals(0, idle.queued());
        assertEquals(1, queueReads[0], "the occupancy the operators' dashboard shows, read once");
        assertEquals(0, historyReads[0], "nothing to pace: the last 24 hours are not read");
        assertEquals(List.of(), idle.nearAbandonmentTarget());
        assertEquals(Map.of("q-sales", 60), idle.agentOccupancy(), "6 of 10 agents on contact");

        for (int i = 0; i < 5; i++) {
            String e164 = String.format("+336140000%02d", i);
            contacts.addIfAbsent(new NewContact("acme", "sales", InMemoryPorts.CONTACT_IDS.of("acme", "sales", e164),
                    e164, "FR", "MOBILE", null, null, null, Map.of(), "file", NOW));
        }
        queueReads[0] = 0;
        DialFeeding.FeedReport busy = feeder.feed(NOW.plusSeconds(60));
        assertEquals(5, busy.queued());
        assertEquals(1, queueReads[0], "the room and the occupancy from one read of the queue");
        assertEquals(1, historyReads[0]);
    }
}
