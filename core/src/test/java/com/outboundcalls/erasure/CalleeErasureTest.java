package com.outboundcalls.erasure;

import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.AccountRecords;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.AuditEntry;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.account.ClientProfile;
import com.outboundcalls.account.ClientRole;
import com.outboundcalls.account.ErasureRequest;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.ingest.IngestCheckpoint;
import com.outboundcalls.testing.InMemoryAccountRecords;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalleeErasureTest {

    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final String ERASED = "+33612345678";
    private static final String KEPT = "+33612345679";
    private static final Actor MARIE = Actor.user("marie@acme.example", "acme", ClientRole.SUPERVISEUR);

    private final InMemoryAccountRecords accounts = new InMemoryAccountRecords();
    private final AccountAdministration admin = new AccountAdministration(accounts, "+33948000000",
            Clock.fixed(NOW, ZoneOffset.UTC));
    private final InMemoryPorts.Contacts contacts = new InMemoryPorts.Contacts();
    private final InMemoryPorts.Prospecting histories = new InMemoryPorts.Prospecting();
    private final InMemoryPorts.VersionedFiles files = new InMemoryPorts.VersionedFiles();
    private final InMemoryPorts.Ledger ledger = new InMemoryPorts.Ledger();
    private final com.outboundcalls.files.LatestRewrites reportRewrites =
            com.outboundcalls.files.LatestRewrites.inMemory();
    private final CalleeErasure erasure = new CalleeErasure(accounts, admin, contacts, histories, files, ledger,
            InMemoryPorts.CONTACT_IDS, (campaign, erasure) -> reportRewrites.started(
                    com.outboundcalls.report.CampaignReport.csvKey(campaign), erasure));

    @BeforeEach
    void aClientWithTheNumberInTwoCampaignsItsFilesAndReports() {
        accounts.profiles.put("acme", new ClientProfile(new Client("acme", "ACME", "FR",
                new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE, null), null,
                ClientProfile.Invoicing.OWN, "c@acme.example", null, null, List.of(), 0, 1));
        for (String campaign : List.of("spring", "autumn")) {
            accounts.campaigns.put("acme#" + campaign, new AccountRecords.VersionedCampaign(
                    new Campaign("acme", campaign, Campaign.Status.ACTIVE, null, null, 1), 1));
            for (String e164 : List.of(ERASED, KEPT)) {
                contacts.addIfAbsent(new NewContact("acme", campaign, InMemoryPorts.CONTACT_IDS.of("acme", campaign, e164),
                        e164, "FR", "MOBILE", null, null, null, Map.of(), "f.csv", NOW));
            }
        }
        histories.recordCall("acme", ERASED, NOW);
        files.put("incoming/acme/spring/u1-contacts.csv", "tel;nom\n06 12 34 56 78;Durand\n0612345679;Martin\n");
        files.put("incoming/acme/spring/u1-contacts.csv", "tel;nom\n06 12 34 56 78;Durand\n0612345679;Martin\n");
        files.put("incoming/acme/autumn/u2-others.csv", "tel;nom\n0612345679;Martin\n");
        files.put("reports/acme/spring/u1-contacts.csv.rejects.csv",
                "\uFEFFrow;reason;message;tel;nom\r\n3;DUPLICATE;an earlier row;0033 6 12 34 56 78;Durand\r\n"
                        + "4;NOT_A_NUMBER;not a number;abc;Faure\r\n");
        files.put("reports/acme/spring/campaign-report.csv", "\uFEFFcontactId;row;number;status\r\n"
                + "ct-1;2;+33612345678;REACHED\r\nct-2;3;+33612345679;REACHED\r\n");
        files.put("reports/acme/spring/u1-contacts.csv.summary.json", "{\"accepted\":2}");
    }

    @Test
    void anErasedNumberLeavesOnlyItsOppositionEntryAndBothStepsAreAudited() {
        ErasureRequest request = admin.requestErasure(MARIE, "acme", "06 12 34 56 78");
        assertEquals(ErasureRequest.Status.REQUESTED, request.status());
        assertTrue(accounts.oppositions.containsKey("acme|" + ERASED), "opposed from the moment it is asked");
        reportRewrites.started("reports/acme/spring/campaign-report.csv", "hourly-rewrite-under-way");

        ErasureRequest done = erasure.run("acme", request.requestId());

        assertNotEquals(java.util.Optional.of("hourly-rewrite-under-way"),
                reportRewrites.latest("reports/acme/spring/campaign-report.csv"),
                "a report rewrite under way, whose pages may hold the number, is stopped");

        assertEquals(ErasureRequest.Status.COMPLETED, done.status());
        assertNull(done.e164(), "the request keeps no number once done");
        for (String campaign : List.of("spring", "autumn")) {
            assertTrue(contacts.get("acme#" + campaign, InMemoryPorts.CONTACT_IDS.of("acme", campaign, ERASED)).isEmpty());
            assertTrue(contacts.get("acme#" + campaign, InMemoryPorts.CONTACT_IDS.of("acme", campaign, KEPT)).isPresent());
        }
        assertFalse(histories.knows("acme", ERASED));
        assertFalse(files.versions.containsKey("incoming/acme/spring/u1-contacts.csv"), "every version of the upload");
        assertTrue(files.versions.containsKey("incoming/acme/autumn/u2-others.csv"), "a file without it stays");
        assertEquals("\uFEFFrow;reason;message;tel;nom\r\n4;NOT_A_NUMBER;not a number;abc;Faure\r\n",
                files.current("reports/acme/spring/u1-contacts.csv.rejects.csv"));
        assertEquals("\uFEFFcontactId;row;number;status\r\nct-2;3;+33612345679;REACHED\r\n",
                files.current("reports/acme/spring/campaign-report.csv"));
        assertEquals(1, files.versions.get("reports/acme/spring/campaign-report.csv").size(), "no older version left");
        assertEquals(Map.of("contacts", 2L, "reportRows", 2L, "uploadedFiles", 1L), done.erased());
        assertTrue(accounts.oppositions.containsKey("acme|" + ERASED), "the opposition entry stays");

        List<String> actions = accounts.audit.stream().map(AuditEntry::action).toList();
        assertEquals(List.of("callee.erasure.requested", "callee.erasure.completed"), actions);
        assertEquals("user:marie@acme.example", accounts.audit.get(0).actor());
        assertFalse(accounts.audit.toString().contains("612345678"), "the audit trail shows the last digits only");

        assertEquals(done, erasure.run("acme", request.requestId()), "a redelivery finds it done");
        assertEquals(2, accounts.audit.size());
    }

    @Test
    void aFileHoldingTheNumberStillBeingIngestedMakesTheErasureWaitWithNothingHalfDone() {
        ledger.checkpoints.put("bucket/incoming/acme/spring/u1-contacts.csv#v2", new IngestCheckpoint(1, 1, 1, 1, 0,
                Map.of(), NOW.toString(), 0, true));
        ErasureRequest request = admin.requestErasure(MARIE, "acme", ERASED);

        assertThrows(CalleeErasure.FileBeingIngested.class, () -> erasure.run("acme", request.requestId()));
        assertTrue(contacts.get("acme#spring", InMemoryPorts.CONTACT_IDS.of("acme", "spring", ERASED)).isPresent());
        assertEquals(ErasureRequest.Status.REQUESTED, accounts.erasure("acme", request.requestId()).orElseThrow().status());

        ledger.done.put("bucket/incoming/acme/spring/u1-contacts.csv#v2", "{}");
        assertEquals(ErasureRequest.Status.COMPLETED, erasure.run("acme", request.requestId()).status());
    }

    @Test
    void aRequestStillPendingAnHourOnIsHandedOnAgainAndADoneOneIsNot() {
        ErasureRequest pending = admin.requestErasure(MARIE, "acme", ERASED);
        assertEquals(List.of(), admin.stalledErasures("acme", Duration.ofHours(1)), "just asked");
        AccountAdministration later = new AccountAdministration(accounts, "+33948000000",
                Clock.fixed(NOW.plus(Duration.ofHours(2)), ZoneOffset.UTC));
        assertEquals(List.of(pending.requestId()), later.stalledErasures("acme", Duration.ofHours(1)).stream()
                .map(ErasureRequest::requestId).toList());
        assertEquals(List.of(), later.stalledErasures("other", Duration.ofHours(1)), "another client's own only");
        erasure.run("acme", pending.requestId());
        assertEquals(List.of(), later.stalledErasures("acme", Duration.ofHours(1)));
    }

    @Test
    void anotherClientCannotAskToEraseFromThisClientsData() {
        Actor other = Actor.user("bob@globex.example", "globex", ClientRole.ADMINISTRATEUR);
        assertThrows(com.outboundcalls.account.RequestRefused.NotFound.class,
                () -> admin.requestErasure(other, "acme", ERASED));
        assertTrue(accounts.erasures.isEmpty());
        assertThrows(com.outboundcalls.account.RequestRefused.Invalid.class,
                () -> admin.requestErasure(MARIE, "acme", "not a number"));
        assertTrue(accounts.erasures.isEmpty());
    }
}
