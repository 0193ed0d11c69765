package com.outboundcalls.erasure;

import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.AccountRecords;
import com.outboundcalls.account.AuditEntry;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.account.ClientProfile;
import com.outboundcalls.account.ClientRole;
import com.outboundcalls.account.ClientUser;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.mail.Mail;
import com.outboundcalls.testing.InMemoryAccountRecords;
import com.outboundcalls.testing.InMemoryPorts;
import com.outboundcalls.testing.InMemoryUserDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ContractEndDataTest {

    private static final Instant NIGHT = Instant.parse("2026-12-01T23:30:00Z");

    private final InMemoryAccountRecords accounts = new InMemoryAccountRecords();
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    private final com.outboundcalls.testing.SettableClock clock = new com.outboundcalls.testing.SettableClock(NIGHT);
    private final AccountAdministration admin = new AccountAdministration(accounts, "+33948000000", clock, directory);
    private final InMemoryPorts.Contacts contacts = new InMemoryPorts.Contacts();
    private final InMemoryPorts.VersionedFiles files = new InMemoryPorts.VersionedFiles();
    private final InMemoryPorts.Objects bucket = new InMemoryPorts.Objects();
    private final List<Mail> mails = new ArrayList<>();
    private final Map<String, ContractEndData.Stage> stages = new HashMap<>();
    private final ContractEndData.Stages stageStore = new ContractEndData.Stages() {
        @Override
        public Optional<ContractEndData.Stage> of(String clientId) {
            return Optional.ofNullable(stages.get(clientId));
        }

        @Override
        public Optional<ContractEndData.Stage> byTokenDigest(String digest) {
            return stages.values().stream().filter(s -> s.tokenDigest().equals(digest)).findFirst();
        }

        @Override
        public void save(ContractEndData.Stage stage) {
            stages.put(stage.clientId(), stage);
        }
    };

    private ContractEndData contractEnd(int perRun) {
        return new ContractEndData(accounts, admin, contacts, contacts, files, bucket, mails::add, stageStore,
                "https://space.example/returns/", Duration.ofDays(30), perRun, clock);
    }

    @BeforeEach
    void aClientTerminatedYesterdayWithContactsReportsAndAUser() {
        Client acme = new Client("acme", "ACME", "FR", new Client.Tariff(3, Duration.ofHours(1)),
                Client.AccountStatus.TERMINATED, null);
        accounts.profiles.put("acme", new ClientProfile(acme, null, ClientProfile.Invoicing.OWN, "compta@acme.example",
                null, LocalDate.of(2026, 11, 30), List.of(), 0, 1));
        accounts.profiles.put("globex", new ClientProfile(new Client("globex", "Globex", "FR",
                new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE, null), null,
                ClientProfile.Invoicing.OWN, "c@globex.example", null, null, List.of(), 0, 1));
        for (String client : List.of("acme", "globex")) {
            accounts.campaigns.put(client + "#spring", new AccountRecords.VersionedCampaign(
                    new Campaign(client, "spring", Campaign.Status.FINISHED, null, null, 1), 1));
            for (int i = 0; i < 3; i++) {
                String e164 = "+3361234567" + i;
                contacts.addIfAbsent(new NewContact(client, "spring", client + "-" + i, e164, "FR", "MOBILE", null, null,
                        null, Map.of(), "f.csv", NIGHT));
            }
            files.put("reports/" + client + "/spring/campaign-report.csv", "contactId;number\r\n" + client + "-0;+33612345670\r\n");
            bucket.put("reports/" + client + "/spring/campaign-report.csv", new byte[]{1}, "text/csv");
            bucket.put("incoming/" + client + "/spring/u1-f.csv", new byte[]{1}, "text/csv");
        }
        accounts.users.put("marie@acme.example", new ClientUser("marie@acme.example", "acme", ClientRole.ADMINISTRATEUR,
                ClientUser.Status.ACTIVE, "ops", NIGHT));
    }

    @Test
    void aTerminatedClientsDataIsReturnedThenDeletedAfterTheGracePeriodEachStepAudited() throws IOException {
        ContractEndData.Result first = contractEnd(1000).run("acme");

        assertEquals(List.of("acme"), first.returned());
        assertEquals(new ContractEndData.Result(List.of(), List.of(), 0), contractEnd(1000).run("globex"),
                "a client still active keeps everything");
        assertFalse(accounts.users.get("marie@acme.example").isActive(), "its users lose access");
        String key = "returns/acme/callee-data-2026-11-30.zip";
        Map<String, String> archive = unzip(bucket.objects.get(key));
        assertEquals(List.of("contacts.csv", "reports/spring/campaign-report.csv"), List.copyOf(archive.keySet()));
        String csv = archive.get("contacts.csv");
        assertTrue(csv.startsWith("\uFEFFcampaign;number;status;attempts;sourceFile;sourceRow;lastEvent;lastEventAt\r\n"));
        assertEquals(4, csv.split("\r\n").length, "its three contacts, none of another client's: " + csv);
        assertEquals(1, mails.size());
        assertEquals(List.of("compta@acme.example"), mails.get(0).to());
        assertTrue(mails.get(0).text().contains("2027-01-01"), "the mail states when the data goes (30 days on, Paris time)");
        String token = mails.get(0).text().replaceAll("(?s).*https://space.example/returns/([A-Za-z0-9_-]+).*", "$1");
        assertEquals(Optional.of(key), new ReturnDownloads(stageStore, clock).archiveFor(token));
        assertEquals(Optional.empty(), new ReturnDownloads(stageStore, clock).archiveFor(token.substring(1) + "A"), "a forged token");

        assertEquals(List.of(), contractEnd(1000).run("acme").returned(), "returned once");
        assertEquals(1, mails.size());

        clock.now = Instant.parse("2026-12-31T23:30:00Z");
        ContractEndData.Result later = contractEnd(2).run("acme");
        assertEquals(List.of(), later.deleted(), "two contacts a night: not all gone yet");
        assertEquals(2, later.contactsDeleted());
        ContractEndData.Result last = contractEnd(1000).run("acme");
        assertEquals(List.of("acme"), last.deleted());
        assertFalse(bucket.objects.keySet().stream().anyMatch(k -> k.contains("/acme/")), bucket.objects.keySet().toString());
        assertTrue(bucket.objects.containsKey("reports/globex/spring/campaign-report.csv"), "another client's stay");
        assertTrue(contacts.get("acme#spring", "acme-2").isEmpty());
        assertTrue(contacts.get("globex#spring", "globex-2").isPresent());
        assertEquals(Optional.empty(), new ReturnDownloads(stageStore, clock).archiveFor(token), "the link stops working");

        List<String> actions = accounts.audit.stream().map(AuditEntry::action).filter(a -> a.startsWith("contract-end"))
                .toList();
        assertEquals(List.of("contract-end.callee-data.returned", "contract-end.callee-data.deleted"), actions);
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> entries = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return entries;
    }
}
