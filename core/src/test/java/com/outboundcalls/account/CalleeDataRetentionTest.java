package com.outboundcalls.account;

import com.outboundcalls.contact.NewContact;
import com.outboundcalls.testing.InMemoryAccountRecords;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalleeDataRetentionTest {

    private static final Instant NIGHT = Instant.parse("2026-11-30T23:30:00Z");

    private final InMemoryAccountRecords accounts = new InMemoryAccountRecords();
    private final InMemoryPorts.Contacts contacts = new InMemoryPorts.Contacts();
    private final InMemoryPorts.Objects reports = new InMemoryPorts.Objects();
    private final Map<String, CalleeDataRetention.Mark> marks = new HashMap<>();
    private final CalleeDataRetention.Marks store = new CalleeDataRetention.Marks() {
        @Override
        public Optional<CalleeDataRetention.Mark> of(String campaignKey) {
            return Optional.ofNullable(marks.get(campaignKey));
        }

        @Override
        public void save(CalleeDataRetention.Mark mark) {
            marks.put(mark.campaignKey(), mark);
        }
    };
    private final com.outboundcalls.testing.SettableClock clock = new com.outboundcalls.testing.SettableClock(NIGHT);

    private CalleeDataRetention retention(int perRun) {
        return new CalleeDataRetention(accounts, contacts, reports, store, Duration.ofDays(90), perRun, clock);
    }

    private void campaign(String id, Campaign.Status status, LocalDate endsOn, int contactsCount) {
        Client client = new Client("acme", "ACME", "FR", new Client.Tariff(3, Duration.ofHours(1)),
                Client.AccountStatus.ACTIVE, null);
        accounts.profiles.put("acme", new ClientProfile(client, null, ClientProfile.Invoicing.OWN, "c@acme.example",
                null, null, List.of(), 1, 1));
        accounts.campaigns.put("acme#" + id, new AccountRecords.VersionedCampaign(new Campaign("acme", id, status, null,
                null, 1, Campaign.Purpose.CUSTOMER_SERVICE, null, null, null, false, null, endsOn), 1));
        for (int i = 0; i < contactsCount; i++) {
            contacts.addIfAbsent(new NewContact("acme", id, id + "-" + i, "+3361200000" + i, "FR", "MOBILE", null, null,
                    null, Map.of(), "f.csv", NIGHT));
        }
        reports.put("reports/acme/" + id + "/campaign-report.csv", new byte[]{1}, "text/csv");
        reports.put("reports/acme/" + id + "/f.csv.rejects.csv", new byte[]{1}, "text/csv");
    }

    @Test
    void anEndedCampaignsContactsExpireNinetyDaysLaterAndItsReportsGoThen() {
        campaign("done", Campaign.Status.FINISHED, null, 3);
        campaign("past", Campaign.Status.ACTIVE, LocalDate.of(2026, 11, 29), 1);
        campaign("running", Campaign.Status.ACTIVE, null, 2);

        CalleeDataRetention.Result first = retention(1000).run("acme");
        assertEquals(List.of("acme#done", "acme#past"), first.started().stream().sorted().toList());
        assertEquals(4, first.contactsGivenAnExpiry());
        Instant expiry = NIGHT.plus(Duration.ofDays(90));
        assertEquals(expiry, contacts.expiries.get("acme#done|done-0"));
        assertFalse(contacts.expiries.containsKey("acme#running|running-0"), "a running campaign keeps its contacts");
        assertEquals(List.of(), first.reportsDeleted(), "the reports stay until the expiry");
        assertTrue(reports.objects.containsKey("reports/acme/done/campaign-report.csv"));

        clock.now = expiry.plusSeconds(3600);
        CalleeDataRetention.Result later = retention(1000).run("acme");
        assertEquals(List.of("acme#done", "acme#past"), later.reportsDeleted().stream().sorted().toList());
        assertFalse(reports.objects.containsKey("reports/acme/done/campaign-report.csv"));
        assertFalse(reports.objects.containsKey("reports/acme/done/f.csv.rejects.csv"));
        assertTrue(reports.objects.containsKey("reports/acme/running/campaign-report.csv"), "the running one's stay");
        assertEquals(List.of(), retention(1000).run("acme").reportsDeleted(), "a re-run deletes nothing more");
    }

    @Test
    void aRunGivesAtMostItsShareAndTheNextGoesOn() {
        campaign("big", Campaign.Status.FINISHED, null, 5);
        assertEquals(2, retention(2).run("acme").contactsGivenAnExpiry());
        assertFalse(marks.get("acme#big").contactsDone());
        assertEquals(2, retention(2).run("acme").contactsGivenAnExpiry());
        assertEquals(1, retention(2).run("acme").contactsGivenAnExpiry());
        assertTrue(marks.get("acme#big").contactsDone());
        assertEquals(0, retention(2).run("acme").contactsGivenAnExpiry());
        assertEquals(5, contacts.expiries.size());
    }

    @Test
    void aClientsOwnRetentionReplacesTheDefault() {
        campaign("done", Campaign.Status.FINISHED, null, 1);
        ClientProfile profile = accounts.profiles.get("acme");
        accounts.profiles.put("acme", profile.with(profile.client().withCalleeData(
                new CalleeDataTerms(java.util.Set.of(), 30))));

        retention(1000).run("acme");
        assertEquals(NIGHT.plus(Duration.ofDays(30)), contacts.expiries.get("acme#done|done-0"));

        clock.now = NIGHT.plus(Duration.ofDays(31));
        assertEquals(List.of("acme#done"), retention(1000).run("acme").reportsDeleted(), "its reports go after 30 days");
    }

    @Test
    void aRetentionOutsideOneDayToThreeYearsIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CalleeDataTerms(java.util.Set.of(), 0));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> new CalleeDataTerms(java.util.Set.of(), CalleeDataTerms.MAX_RETENTION_DAYS + 1));
    }
}
