package com.outboundcalls.account;

import com.outboundcalls.account.CampaignAdministration.CampaignAction;
import com.outboundcalls.account.CampaignAdministration.CampaignSettings;
import com.outboundcalls.testing.InMemoryAccountRecords;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AccountAdministrationTest {

    private static final Actor OPS = Actor.operator("arn:aws:iam::111122223333:role/ops");
    private static final Actor ACME = Actor.user("marie@acme.example", "acme", ClientRole.ADMINISTRATEUR);
    private static final Actor GLOBEX = Actor.user("paul@globex.example", "globex", ClientRole.ADMINISTRATEUR);
    /** Monday 5 October 2026, 08:00 UTC (10:00 in Paris). */
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-10-05T08:00:00Z"), ZoneOffset.UTC);

    private final InMemoryAccountRecords records = new InMemoryAccountRecords();
    private final AccountAdministration admin = new AccountAdministration(records, "+33948000000", CLOCK);

    private static ClientAccounts.Onboarding onboarding(String clientId) {
        return new ClientAccounts.Onboarding(clientId, "Acme SAS", "FR", new LegalEntity("Acme SAS",
                "3 rue des Lilas", "69003", "Lyon", "FR", "542107651", LegalEntity.frenchVatNumber("542107651")),
                "compta@acme.example", new BillingAccount.Plan("Essentiel", new BigDecimal("49.00")),
                new BillingAccount.Units(2, new BigDecimal("5.00")), null, null, LocalDate.of(2026, 10, 1), null,
                ClientAccounts.tariff(3, 120), false, null, null);
    }

    private ClientProfile onboarded() {
        return admin.onboard(OPS, null, onboarding("acme"));
    }

    private static CampaignSettings settings(String callerId, Campaign.CallerIdSource source) {
        return new CampaignSettings(null, callerId, source, "script-1", null, null, null, null, null, null);
    }

    @Test
    void onboardingStoresTheAccountItsSubscriptionAndOneAuditEntry() {
        ClientProfile profile = onboarded();

        assertEquals(1, profile.version());
        assertEquals(Client.AccountStatus.ACTIVE, profile.client().status());
        BillingAccount billing = records.billing.get("acme");
        assertEquals(LocalDate.of(2026, 10, 1), billing.subscribedOn());
        assertEquals(30, billing.paymentTermDays());
        assertEquals(1, records.audit.size());
        AuditEntry entry = records.audit.get(0);
        assertEquals("client.onboarded", entry.action());
        assertEquals(OPS.principal(), entry.actor());
        assertEquals("Essentiel 49.00", entry.changes().get("subscription.plan").after());
        assertNull(entry.changes().get("subscription.plan").before());
    }

    @Test
    void onboardingTwiceIsRefusedAndChangesNothing() {
        onboarded();
        assertThrows(RequestRefused.Conflict.class, () -> admin.onboard(OPS, null, onboarding("acme")));
        assertEquals(1, records.audit.size());
    }

    @Test
    void aClientCannotOnboardAnyone() {
        assertThrows(RequestRefused.NotFound.class, () -> admin.onboard(ACME, null, onboarding("acme")));
        assertTrue(records.profiles.isEmpty());
    }

    @Test
    void aSubAccountOnItsParentsInvoiceHasNoSubscriptionAndCannotHaveSubAccounts() {
        onboarded();
        var sub = new ClientAccounts.Onboarding("acme-out", "Acme relances", "FR", null, "out@acme.example",
                null, null, null, null, null, null, ClientAccounts.tariff(2, 60), false, null,
                ClientProfile.Invoicing.PARENT_SECTION);

        ClientProfile added = admin.onboard(OPS, "acme", sub);

        assertEquals("acme", added.parentClientId());
        assertTrue(records.billing("acme-out").isEmpty(), "invoiced on acme's invoice");
        var nested = new ClientAccounts.Onboarding("acme-out-2", "x", "FR", null, "x@acme.example", null, null,
                null, null, null, null, ClientAccounts.tariff(2, 60), false, null,
                ClientProfile.Invoicing.PARENT_SECTION);
        RequestRefused.Invalid refused = assertThrows(RequestRefused.Invalid.class,
                () -> admin.onboard(OPS, "acme-out", nested));
        assertEquals("parentClientId", refused.errors().get(0).field());
    }

    @Test
    void aSubAccountInvoicedSeparatelyTakesItsParentsIdentity() {
        onboarded();
        var sub = new ClientAccounts.Onboarding("acme-out", "Acme relances", "FR", null, "out@acme.example",
                new BillingAccount.Plan("Relances", new BigDecimal("19.00")), null, null, null, LocalDate.of(2026, 10, 1),
                null, ClientAccounts.tariff(2, 60), false, null, ClientProfile.Invoicing.OWN);

        admin.onboard(OPS, "acme", sub);

        assertEquals("542107651", records.billing.get("acme-out").identity().siren());
    }

    @Test
    void aChangeMadeOnAnOlderVersionIsRefusedWithTheCurrentOne() {
        onboarded();
        admin.suspend(OPS, "acme", 1, "unpaid setup fee");

        RequestRefused.StaleVersion stale = assertThrows(RequestRefused.StaleVersion.class,
                () -> admin.updateClient(OPS, "acme", 1, new ClientAccounts.ClientChanges("New name", null, null,
                        null, null)));

        assertEquals(2, stale.current());
        assertEquals("Acme SAS", records.profiles.get("acme").client().name());
    }

    @Test
    void aSuspensionKeepsItsReasonAndIsLiftedByReactivation() {
        onboarded();
        ClientProfile suspended = admin.suspend(OPS, "acme", 1, "contract dispute");
        assertEquals(Client.AccountStatus.SUSPENDED, suspended.client().status());
        assertEquals(new ClientProfile.Suspension("OPERATOR", "contract dispute"), suspended.suspension());
        assertThrows(RequestRefused.Conflict.class, () -> admin.suspend(OPS, "acme", 2, "again"));

        ClientProfile active = admin.reactivate(OPS, "acme", 2);

        assertEquals(Client.AccountStatus.ACTIVE, active.client().status());
        assertNull(active.suspension());
    }

    @Test
    void terminationOnAFutureDayIsBilledToThatDayAndAppliedWhenItHasPassed() {
        onboarded();
        ClientProfile later = admin.terminate(OPS, "acme", 1, LocalDate.of(2026, 12, 31));
        assertEquals(Client.AccountStatus.ACTIVE, later.client().status(), "still running until its last day");
        assertEquals(LocalDate.of(2026, 12, 31), records.billing.get("acme").terminatedOn());

        assertEquals(List.of(), admin.terminateDue(OPS, List.of("acme")));
        AccountAdministration inJanuary = new AccountAdministration(records, "+33948000000",
                Clock.fixed(Instant.parse("2027-01-01T08:00:00Z"), ZoneOffset.UTC));
        assertEquals(List.of("acme"), inJanuary.terminateDue(OPS, List.of("acme")));
        assertEquals(Client.AccountStatus.TERMINATED, records.profiles.get("acme").client().status());
    }

    @Test
    void aChangeOfTheFixedPartTakesEffectOnItsDayAndAPriceIncreaseNeedsAMonthsNotice() {
        onboarded(); // subscribed on 1 October with 2 numbers at 5.00; today is 5 October
        admin.updateSubscription(OPS, "acme", 1, new ClientAccounts.SubscriptionChanges(null,
                new BillingAccount.Units(5, new BigDecimal("5.00")), null, null, LocalDate.of(2026, 10, 20)));
        BillingAccount billing = records.billing.get("acme");
        assertEquals(2, billing.termsOn(LocalDate.of(2026, 10, 19)).numbers().quantity());
        assertEquals(5, billing.termsOn(LocalDate.of(2026, 10, 20)).numbers().quantity(), "more numbers: no notice");

        RequestRefused.Invalid raise = assertThrows(RequestRefused.Invalid.class, () -> admin.updateSubscription(OPS,
                "acme", 2, new ClientAccounts.SubscriptionChanges(new BillingAccount.Plan("Essentiel",
                        new BigDecimal("59.00")), null, null, null, LocalDate.of(2026, 11, 1))));
        assertTrue(raise.getMessage().contains("one month's notice: 2026-11-05 at the earliest"), raise.getMessage());
        assertThrows(RequestRefused.Invalid.class, () -> admin.updateSubscription(OPS, "acme", 2,
                new ClientAccounts.SubscriptionChanges(null, null, null, null, LocalDate.of(2026, 10, 4))),
                "a day already past");
        admin.updateSubscription(OPS, "acme", 2, new ClientAccounts.SubscriptionChanges(new BillingAccount.Plan(
                "Essentiel", new BigDecimal("59.00")), null, null, null, LocalDate.of(2026, 12, 1)));
        billing = records.billing.get("acme");
        assertEquals(new BigDecimal("59.00"), billing.termsOn(LocalDate.of(2026, 12, 1)).plan().monthlyPrice());
        assertEquals(5, billing.termsOn(LocalDate.of(2026, 12, 1)).numbers().quantity(), "the earlier change kept");
        assertEquals(new BigDecimal("49.00"), billing.termsOn(LocalDate.of(2026, 11, 30)).plan().monthlyPrice());
    }

    @Test
    void aNoticeOfTerminationIsRecordedAndEndsTheServiceOneMonthLaterAndNotBefore() {
        onboarded();
        RequestRefused.Invalid early = assertThrows(RequestRefused.Invalid.class, () -> admin.terminate(OPS, "acme", 1,
                LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 31)));
        assertTrue(early.getMessage().contains("2026-11-02 at the earliest"), early.getMessage());
        assertThrows(RequestRefused.Invalid.class, () -> admin.terminate(OPS, "acme", 1, LocalDate.of(2026, 10, 6),
                null), "a notice received tomorrow");

        admin.terminate(OPS, "acme", 1, LocalDate.of(2026, 10, 2), null);

        BillingAccount billing = records.billing.get("acme");
        assertEquals(LocalDate.of(2026, 10, 2), billing.terminationNoticeOn());
        assertEquals(LocalDate.of(2026, 11, 2), billing.terminatedOn(), "one month after the notice");
        assertEquals(LocalDate.of(2026, 11, 2), records.profiles.get("acme").terminatesOn());
        assertTrue(records.audit.stream().anyMatch(e -> e.action().equals("client.terminated")
                && e.changes().containsKey("subscription.terminationNoticeOn")), "the notice date is in the audit trail");
    }

    @Test
    void aMobileNumberIsRefusedAsCallerIdAndAVerifiedOwnNumberCanBePresented() {
        onboarded();
        RequestRefused.Invalid mobile = assertThrows(RequestRefused.Invalid.class,
                () -> admin.submitCallerId(ACME, "acme", "06 12 34 56 78", "letter"));
        assertEquals("number", mobile.errors().get(0).field());

        admin.submitCallerId(ACME, "acme", "09 48 12 34 56", "letter-118");
        var draft = admin.createCampaign(ACME, "acme", "winter", settings("+33948123456",
                Campaign.CallerIdSource.CLIENT));
        RequestRefused.Conflict pending = assertThrows(RequestRefused.Conflict.class,
                () -> admin.act(ACME, "acme", "winter", CampaignAction.START, null));
        assertTrue(pending.getMessage().contains("pending"), pending.getMessage());
        assertThrows(RequestRefused.NotFound.class, () -> admin.decideCallerId(ACME, "acme", "+33948123456",
                Client.Verification.VERIFIED, null), "a client cannot verify its own number");

        admin.decideCallerId(OPS, "acme", "+33948123456", Client.Verification.VERIFIED, "checked");
        var started = admin.act(ACME, "acme", "winter", CampaignAction.START, draft.version());

        assertEquals(Campaign.Status.ACTIVE, started.campaign().status());
        assertEquals(2, started.version());
    }

    @Test
    void aProviderNumberMustBeAssignedToTheClientBeforeACampaignPresentsIt() {
        onboarded();
        RequestRefused.Invalid unassigned = assertThrows(RequestRefused.Invalid.class, () -> admin.createCampaign(
                ACME, "acme", "winter", settings("+33948100200", Campaign.CallerIdSource.PROVIDER)));
        assertEquals("callerId", unassigned.errors().get(0).field());

        admin.assignProviderNumber(OPS, "acme", 1, "09 48 10 02 00");
        var draft = admin.createCampaign(ACME, "acme", "winter", settings("+33948100200",
                Campaign.CallerIdSource.PROVIDER));

        assertEquals("+33948100200", draft.campaign().callerId());
    }

    @Test
    void onlyAnOperatorRoutesACampaignToTheProvidersAgentsAndTheClientKeepsTheRouting() {
        onboarded();
        admin.createCampaign(ACME, "acme", "winter", settings(null, null));
        AgentAssistance predictive = new AgentAssistance(AgentAssistance.DialingMode.PREDICTIVE, "q-sales", null);
        CampaignSettings routed = new CampaignSettings(null, null, null, null, null, null, null, null, null, null,
                predictive);
        RequestRefused.Invalid refused = assertThrows(RequestRefused.Invalid.class,
                () -> admin.updateCampaign(ACME, "acme", "winter", 1, routed));
        assertTrue(refused.getMessage().contains("agents") || refused.toString().contains("agents"), refused.toString());
        var byOperator = admin.updateCampaign(OPS, "acme", "winter", 1, routed);
        assertEquals(predictive, byOperator.campaign().agents());
        // The client changes its script: the routing stays as the operator set it.
        var byClient = admin.updateCampaign(ACME, "acme", "winter", 2, new CampaignSettings(null, null, null,
                "script-2", null, null, null, null, null, null));
        assertEquals(predictive, byClient.campaign().agents());
        assertEquals("script-2", byClient.campaign().instructionsRef());
    }

    @Test
    void aCampaignGoesThroughItsStatesAndAFinishedOneStaysFinished() {
        onboarded();
        admin.createCampaign(ACME, "acme", "winter", settings(null, null));
        assertThrows(RequestRefused.Conflict.class, () -> admin.act(ACME, "acme", "winter", CampaignAction.PAUSE, null));
        admin.act(ACME, "acme", "winter", CampaignAction.START, null);
        admin.act(ACME, "acme", "winter", CampaignAction.PAUSE, null);
        admin.act(ACME, "acme", "winter", CampaignAction.RESUME, null);
        var finished = admin.act(ACME, "acme", "winter", CampaignAction.FINISH, null);

        assertEquals(Campaign.Status.FINISHED, finished.campaign().status());
        assertThrows(RequestRefused.Conflict.class, () -> admin.act(ACME, "acme", "winter", CampaignAction.RESUME, null));
        assertThrows(RequestRefused.Conflict.class, () -> admin.updateCampaign(ACME, "acme", "winter", 5,
                settings(null, null)));
        assertEquals(List.of("client.onboarded", "campaign.created", "campaign.started", "campaign.paused",
                "campaign.resumed", "campaign.finished"), records.audit.stream().map(AuditEntry::action).toList());
    }

    @Test
    void aSuspendedAccountCannotStartACampaign() {
        onboarded();
        admin.createCampaign(ACME, "acme", "winter", settings(null, null));
        admin.suspend(OPS, "acme", 1, "unpaid");

        assertThrows(RequestRefused.Conflict.class, () -> admin.act(ACME, "acme", "winter", CampaignAction.START, null));
    }

    @Test
    void aClientReachesItsOwnAccountOnlyAndLearnsNothingOfAnother() {
        onboarded();
        admin.createCampaign(ACME, "acme", "winter", settings(null, null));

        RequestRefused.NotFound foreign = assertThrows(RequestRefused.NotFound.class,
                () -> admin.campaign(GLOBEX, "acme", "winter"));
        RequestRefused.NotFound missing = assertThrows(RequestRefused.NotFound.class,
                () -> admin.campaign(GLOBEX, "globex", "winter"));
        assertTrue(foreign.getMessage().startsWith("client acme") || foreign.getMessage().startsWith("campaign"));
        assertEquals("campaign winter not found", missing.getMessage());
        assertThrows(RequestRefused.NotFound.class, () -> admin.act(GLOBEX, "acme", "winter", CampaignAction.START, null));
        assertEquals(Campaign.Status.DRAFT, records.campaigns.get("acme#winter").campaign().status());
    }

    @Test
    void invalidCampaignSettingsAreListedFieldByField() {
        onboarded();
        CampaignSettings bad = new CampaignSettings(null, null, null, null, null, "every day 25:00-26:00", 42,
                LocalDate.of(2026, 12, 1), LocalDate.of(2026, 11, 1), null);

        RequestRefused.Invalid refused = assertThrows(RequestRefused.Invalid.class,
                () -> admin.createCampaign(ACME, "acme", "winter", bad));

        assertEquals(List.of("callingHours", "priority", "endsOn"),
                refused.errors().stream().map(RequestRefused.FieldError::field).toList());
        assertTrue(records.campaigns.isEmpty());
    }

    @Test
    void anOppositionIsAuditedWithItsReasonAndAMaskedNumber() {
        onboarded();
        String e164 = admin.oppose(ACME, "acme", "06 12 34 56 78", "asked on the phone");
        assertEquals("+33612345678", e164);
        assertThrows(RequestRefused.Conflict.class, () -> admin.oppose(ACME, "acme", "+33612345678", "again"));

        admin.withdrawOpposition(OPS, "acme", "+33612345678", "entered by mistake");

        assertThrows(RequestRefused.NotFound.class,
                () -> admin.withdrawOpposition(OPS, "acme", "+33612345678", "twice"));
        List<AuditEntry> trail = records.audit("acme");
        assertEquals("opposition/+33*******78", trail.get(1).target());
        assertEquals("asked on the phone", trail.get(1).changes().get("reason").after());
        assertEquals("entered by mistake", trail.get(2).changes().get("reason").after());
        assertTrue(trail.stream().noneMatch(e -> e.toString().contains("612345678")), "no callee number in the trail");
    }

    @Test
    void aNewFormatIsAgreedAsTheNextVersionAndKept() {
        onboarded();
        var format = new com.outboundcalls.account.ContactFileFormat(';', "windows-1252", true, "Tel", null, "Nom",
                null, null, null, null);

        ClientProfile after = admin.agreeFormat(ACME, "acme", 1, format);

        assertEquals(1, after.formatVersion());
        assertEquals(format, after.client().contactFileFormat());
        assertEquals(1, records.formats("acme").size());
        assertEquals(ACME.principal(), records.formats("acme").get(0).agreedBy());
    }
}
