package com.outboundcalls.dial;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DialFeedingTest {

    private static final Instant MONDAY_1030_PARIS = Instant.parse("2026-10-05T08:30:00Z");
    private final InMemoryPorts.Accounts accounts = new InMemoryPorts.Accounts().with(
            new Client("acme", "ACME", "FR", new Client.Tariff(3, Duration.ofHours(1)),
                    Client.AccountStatus.ACTIVE, null),
            new Campaign("acme", "legal", Campaign.Status.ACTIVE, "+33948123456", null, 1),
            new Campaign("acme", "mobile-id", Campaign.Status.ACTIVE, "+33612345678", null, 1));
    private final InMemoryPorts.Contacts contacts = new InMemoryPorts.Contacts();
    private final List<DialMessage> queued = new ArrayList<>();
    private final DialFeeding feeding = new DialFeeding(accounts, contacts, new InMemoryPorts.CallControl(),
            queued::addAll, 2, 10, ConnectSetup.withoutDetection("+33948000000"));

    @Test
    void aCampaignPresentingAMobileNumberIsRefusedBeforeAnyCallAndItsContactsWait() {
        for (String campaign : List.of("legal", "mobile-id")) {
            for (int i = 0; i < 3; i++) {
                String e164 = "+3361" + campaign.length() + "00000" + i;
                contacts.addIfAbsent(new NewContact("acme", campaign, campaign + i, e164, "FR", "MOBILE", null, null,
                        null, Map.of(), "f", MONDAY_1030_PARIS.minusSeconds(60)));
            }
        }
        DialFeeding.FeedReport report = feeding.feed(MONDAY_1030_PARIS);

        assertEquals(3, report.queued());
        assertTrue(queued.stream().allMatch(m -> m.campaignId().equals("legal")));
        assertTrue(report.refused().get("acme#mobile-id").contains("06/07 mobile"));
        assertEquals(3, contacts.due("acme#mobile-id", MONDAY_1030_PARIS, 10).size(), "its contacts still wait");
    }

    @Test
    void aRunReadsAClientsProfileOnceWhateverTheNumberOfItsCampaigns() {
        feeding.feed(MONDAY_1030_PARIS);
        assertEquals(1, accounts.clientReads, "two active campaigns of one client");
    }

    @Test
    void aSuspendedAccountPlacesNoCallAndItsContactsGoOutOnceTheSuspensionIsLifted() {
        for (int i = 0; i < 3; i++) {
            contacts.addIfAbsent(new NewContact("acme", "legal", "c" + i, "+3361200000" + i, "FR", "MOBILE", null,
                    null, null, Map.of(), "f", MONDAY_1030_PARIS.minusSeconds(60)));
        }
        Client active = accounts.clients.get("acme");
        accounts.clients.put("acme", new Client("acme", "ACME", "FR", active.tariff(),
                Client.AccountStatus.SUSPENDED, null));
        assertEquals(0, feeding.feed(MONDAY_1030_PARIS).queued());
        assertEquals(3, contacts.due("acme#legal", MONDAY_1030_PARIS, 10).size(), "they wait in the hopper");

        accounts.clients.put("acme", active);
        assertEquals(3, feeding.feed(MONDAY_1030_PARIS.plusSeconds(60)).queued());
        assertEquals(3, queued.size());
    }

    @Test
    void contactsOfAClosedWindowArePushedToTheirNextOpeningNotQueued() {
        contacts.addIfAbsent(new NewContact("acme", "legal", "late", "+33612000009", "FR", "MOBILE", null, null, null,
                Map.of(), "f", MONDAY_1030_PARIS));
        Instant fridayEvening = Instant.parse("2026-10-09T18:30:00Z"); // 20:30 in Paris
        DialFeeding.FeedReport report = feeding.feed(fridayEvening);
        assertEquals(0, report.queued());
        assertEquals(1, report.deferredToWindow());
        assertTrue(contacts.due("acme#legal", fridayEvening, 10).isEmpty());
        assertEquals(1, contacts.due("acme#legal", Instant.parse("2026-10-12T08:00:00Z"), 10).size(),
                "due Monday 10:00 in Paris");
    }

    @Test
    void aFreedLineIsTakenAgainAtOnceByItsCampaignsNextCallableContact() {
        contacts.addIfAbsent(new NewContact("acme", "legal", "next", "+33612000011", "FR", "MOBILE", null, null, null,
                Map.of(), "f", MONDAY_1030_PARIS.minusSeconds(60)));
        assertTrue(feeding.refill("acme", "legal", MONDAY_1030_PARIS));
        assertEquals(1, queued.size());
        assertEquals("next", queued.get(0).contactId());
        assertTrue(!feeding.refill("acme", "legal", MONDAY_1030_PARIS), "nothing more to call: the line waits");
    }

    @Test
    void aRefillRespectsTheCalleesWindowAndTheCampaignsState() {
        contacts.addIfAbsent(new NewContact("acme", "legal", "late", "+33612000012", "FR", "MOBILE", null, null, null,
                Map.of(), "f", MONDAY_1030_PARIS));
        Instant fridayEvening = Instant.parse("2026-10-09T18:30:00Z");
        assertTrue(!feeding.refill("acme", "legal", fridayEvening));
        assertTrue(queued.isEmpty());
        assertEquals(1, contacts.due("acme#legal", Instant.parse("2026-10-12T08:00:00Z"), 10).size(),
                "pushed to Monday 10:00");
        assertTrue(!feeding.refill("acme", "mobile-id", MONDAY_1030_PARIS), "a refused caller ID takes no line");
    }
}
