package com.outboundcalls.account;

import com.outboundcalls.testing.InMemoryAccountRecords;
import com.outboundcalls.testing.InMemoryUserDirectory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClientUsersTest {

    private static final Actor OPS = Actor.operator("arn:aws:iam::111122223333:role/ops");
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-05T08:00:00Z"), ZoneOffset.UTC);

    private final InMemoryAccountRecords records = new InMemoryAccountRecords();
    private final InMemoryUserDirectory directory = new InMemoryUserDirectory();
    private final AccountAdministration admin = new AccountAdministration(records, "+33948000000", CLOCK, directory);

    private static ClientAccounts.Onboarding onboarding(String clientId) {
        return new ClientAccounts.Onboarding(clientId, "Acme SAS", "FR", new LegalEntity("Acme SAS",
                "3 rue des Lilas", "69003", "Lyon", "FR", "542107651", LegalEntity.frenchVatNumber("542107651")),
                "compta@acme.example", new BillingAccount.Plan("Essentiel", new BigDecimal("49.00")),
                null, null, null, LocalDate.of(2026, 10, 1), null, ClientAccounts.tariff(3, 120), false, null, null);
    }

    @BeforeEach
    void onboard() {
        admin.onboard(OPS, null, onboarding("acme"));
        admin.onboard(OPS, null, onboarding("globex"));
    }

    @Test
    void anOperatorInvitesAClientsFirstAdministratorWhoInvitesItsColleagues() {
        admin.inviteUser(OPS, "acme", "Marie@Acme.example ", ClientRole.ADMINISTRATEUR);
        Actor marie = Actor.user("marie@acme.example", "acme", ClientRole.ADMINISTRATEUR);

        admin.inviteUser(marie, "acme", "paul@acme.example", ClientRole.SUPERVISEUR);

        assertEquals(List.of("marie@acme.example", "paul@acme.example"),
                admin.users(marie, "acme").stream().map(ClientUser::email).toList());
        assertEquals(new InMemoryUserDirectory.Invited("acme", ClientRole.SUPERVISEUR), directory.invited.get("paul@acme.example"));
        assertTrue(admin.hasAccess("paul@acme.example", "acme"));
        AuditEntry invited = records.audit("acme").get(records.audit("acme").size() - 1);
        assertEquals("user.invited", invited.action());
        assertEquals("user:marie@acme.example", invited.actor());
        assertEquals("SUPERVISEUR", invited.changes().get("role").after());
    }

    @Test
    void onlyAnAdministratorManagesUsersAndOnlyOfItsOwnClient() {
        Actor supervisor = Actor.user("paul@acme.example", "acme", ClientRole.SUPERVISEUR);
        Actor finance = Actor.user("anne@acme.example", "acme", ClientRole.FINANCE);
        Actor globexAdmin = Actor.user("boss@globex.example", "globex", ClientRole.ADMINISTRATEUR);

        assertThrows(RequestRefused.Forbidden.class,
                () -> admin.inviteUser(supervisor, "acme", "x@acme.example", ClientRole.ADMINISTRATEUR));
        assertThrows(RequestRefused.Forbidden.class, () -> admin.users(finance, "acme"));
        assertThrows(RequestRefused.NotFound.class,
                () -> admin.inviteUser(globexAdmin, "acme", "spy@globex.example", ClientRole.ADMINISTRATEUR),
                "another client's account does not exist for it");
        assertTrue(directory.invited.isEmpty(), "nothing was created where sign-ins happen");
    }

    @Test
    void anAddressHasAccessToOneSpaceOnly() {
        admin.inviteUser(OPS, "acme", "marie@acme.example", ClientRole.ADMINISTRATEUR);
        assertThrows(RequestRefused.Conflict.class,
                () -> admin.inviteUser(OPS, "globex", "marie@acme.example", ClientRole.ADMINISTRATEUR));
        assertFalse(admin.hasAccess("marie@acme.example", "globex"), "a token naming another client gets nothing");
    }

    @Test
    void removingAUserEndsItsAccessAndDisablesItsSignIn() {
        admin.inviteUser(OPS, "acme", "marie@acme.example", ClientRole.ADMINISTRATEUR);
        admin.inviteUser(OPS, "acme", "paul@acme.example", ClientRole.SUPERVISEUR);
        Actor marie = Actor.user("marie@acme.example", "acme", ClientRole.ADMINISTRATEUR);

        admin.removeUser(marie, "acme", "paul@acme.example");

        assertFalse(admin.hasAccess("paul@acme.example", "acme"));
        assertTrue(directory.disabled.contains("paul@acme.example"));
        assertThrows(RequestRefused.Conflict.class, () -> admin.removeUser(marie, "acme", "marie@acme.example"),
                "an administrator does not lock itself out");
        admin.inviteUser(marie, "acme", "paul@acme.example", ClientRole.FINANCE);
        assertTrue(admin.hasAccess("paul@acme.example", "acme"), "a removed user may be invited again");
    }

    @Test
    void terminatingTheClientEndsEveryUsersAccess() {
        admin.inviteUser(OPS, "acme", "marie@acme.example", ClientRole.ADMINISTRATEUR);
        ClientProfile acme = records.profile("acme").orElseThrow();

        admin.terminate(OPS, "acme", acme.version(), LocalDate.of(2026, 10, 4));

        assertFalse(admin.hasAccess("marie@acme.example", "acme"));
        assertThrows(RequestRefused.Conflict.class,
                () -> admin.inviteUser(OPS, "acme", "new@acme.example", ClientRole.FINANCE));
    }

    @Test
    void eachRoleIsAllowedWhatTheTermsGiveIt() {
        assertTrue(ClientRole.SUPERVISEUR.allows(ClientRole.Capability.CAMPAIGNS));
        assertTrue(ClientRole.SUPERVISEUR.allows(ClientRole.Capability.FILES));
        assertFalse(ClientRole.SUPERVISEUR.allows(ClientRole.Capability.INVOICES));
        assertFalse(ClientRole.SUPERVISEUR.allows(ClientRole.Capability.USERS));
        assertTrue(ClientRole.FINANCE.allows(ClientRole.Capability.INVOICES));
        assertFalse(ClientRole.FINANCE.allows(ClientRole.Capability.CAMPAIGNS));
        for (ClientRole.Capability capability : ClientRole.Capability.values()) {
            assertTrue(ClientRole.ADMINISTRATEUR.allows(capability), capability.name());
        }
    }
}
