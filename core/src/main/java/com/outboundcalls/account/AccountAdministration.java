package com.outboundcalls.account;

import com.outboundcalls.account.AccountRecords.FormatVersion;
import com.outboundcalls.account.AccountRecords.VersionedCampaign;
import com.outboundcalls.account.CampaignAdministration.CampaignAction;
import com.outboundcalls.account.CampaignAdministration.CampaignSettings;
import com.outboundcalls.account.ClientAccounts.ClientChanges;
import com.outboundcalls.account.ClientAccounts.Onboarding;
import com.outboundcalls.account.ClientAccounts.SubscriptionChanges;
import com.outboundcalls.account.RequestRefused.FieldError;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Onboarding and running client accounts and their campaigns, for operators and for clients on their own
 * account: each request is checked whole (every field at fault listed), then applied with its audit entry in one
 * atomic change, against the version the caller read. The work is done by {@link ClientAccounts},
 * {@link CallerIds}, {@link CampaignAdministration} and {@link OppositionEntries}; this is their one entry point.
 * No AWS type here: {@link AccountRecords} stores it.
 */
public final class AccountAdministration {

    private final AccountLedger ledger;
    private final ClientAccounts clients;
    private final CallerIds callerIds;
    private final CampaignAdministration campaigns;
    private final OppositionEntries oppositions;
    private final CalleeErasures erasures;
    private final ClientUsers users;

    /** Without a user directory: the client space's users cannot be managed (tools, tests of other parts). */
    public AccountAdministration(AccountRecords records, String defaultCallerId, Clock clock) {
        this(records, defaultCallerId, clock, null);
    }

    /**
     * @param defaultCallerId the provider's number a campaign presents when it names none
     * @param directory       where the client space's users sign in
     */
    public AccountAdministration(AccountRecords records, String defaultCallerId, Clock clock, UserDirectory directory) {
        this.ledger = new AccountLedger(records, clock);
        this.clients = new ClientAccounts(ledger);
        this.callerIds = new CallerIds(ledger);
        this.campaigns = new CampaignAdministration(ledger, defaultCallerId);
        this.oppositions = new OppositionEntries(ledger);
        this.erasures = new CalleeErasures(ledger);
        this.users = directory == null ? null : new ClientUsers(ledger, directory);
    }

    // ------------------------------------------------------------------------------------------------ clients

    public ClientProfile onboard(Actor actor, String parentClientId, Onboarding request) {
        return clients.onboard(actor, parentClientId, request);
    }

    public List<FieldError> onboardingProblems(String parentClientId, Onboarding request) {
        return clients.onboardingProblems(parentClientId, request);
    }

    public ClientProfile updateClient(Actor actor, String clientId, long version, ClientChanges changes) {
        return clients.updateClient(actor, clientId, version, changes);
    }

    public ClientProfile updateSubscription(Actor actor, String clientId, long version, SubscriptionChanges changes) {
        return clients.updateSubscription(actor, clientId, version, changes);
    }

    public ClientProfile suspend(Actor actor, String clientId, long version, String reason) {
        return clients.suspend(actor, clientId, version, reason);
    }

    public ClientProfile reactivate(Actor actor, String clientId, long version) {
        return clients.reactivate(actor, clientId, version);
    }

    public ClientProfile terminate(Actor actor, String clientId, long version, LocalDate lastDay) {
        return clients.terminate(actor, clientId, version, lastDay);
    }

    /** The client's notice of termination received on a day: the service ends a month later, or on lastDay. */
    public ClientProfile terminate(Actor actor, String clientId, long version, LocalDate noticeReceivedOn,
                                   LocalDate lastDay) {
        return clients.terminate(actor, clientId, version, noticeReceivedOn, lastDay);
    }

    public List<String> terminateDue(Actor actor, List<String> clientIds) {
        return clients.terminateDue(actor, clientIds);
    }

    public ClientProfile agreeFormat(Actor actor, String clientId, long version, ContactFileFormat format) {
        return clients.agreeFormat(actor, clientId, version, format);
    }

    // ------------------------------------------------------------------------------------------------ caller IDs

    public ClientProfile assignProviderNumber(Actor actor, String clientId, long version, String number) {
        return callerIds.assignProviderNumber(actor, clientId, version, number);
    }

    public ClientProfile submitCallerId(Actor actor, String clientId, String number, String proofReference) {
        return callerIds.submitCallerId(actor, clientId, number, proofReference);
    }

    public ClientProfile decideCallerId(Actor actor, String clientId, String number, Client.Verification decision,
                                        String note) {
        return callerIds.decideCallerId(actor, clientId, number, decision, note);
    }

    // ------------------------------------------------------------------------------------------------ campaigns

    public VersionedCampaign createCampaign(Actor actor, String clientId, String campaignId, CampaignSettings settings) {
        return campaigns.createCampaign(actor, clientId, campaignId, settings);
    }

    public VersionedCampaign updateCampaign(Actor actor, String clientId, String campaignId, long version,
                                            CampaignSettings settings) {
        return campaigns.updateCampaign(actor, clientId, campaignId, version, settings);
    }

    public VersionedCampaign act(Actor actor, String clientId, String campaignId, CampaignAction action, Long version) {
        return campaigns.act(actor, clientId, campaignId, action, version);
    }

    // ------------------------------------------------------------------------------------------------ oppositions

    public String oppose(Actor actor, String clientId, String number, String reason) {
        return oppositions.oppose(actor, clientId, number, reason);
    }

    public String withdrawOpposition(Actor actor, String clientId, String number, String reason) {
        return oppositions.withdrawOpposition(actor, clientId, number, reason);
    }

    public void recordOppositionImport(Actor actor, String clientId, String fileName) {
        oppositions.recordOppositionImport(actor, clientId, fileName);
    }

    // ------------------------------------------------------------------------------------------------ erasures

    /** Asks for a callee's number to be erased from the client's data; it is opposed from now on. */
    public ErasureRequest requestErasure(Actor actor, String clientId, String number) {
        return erasures.request(actor, clientId, number);
    }

    /** Records an erasure done, with what it removed (a completed one stays as it was). */
    public ErasureRequest completeErasure(Actor actor, ErasureRequest request, java.util.Map<String, Long> removed) {
        return erasures.complete(actor, request, removed);
    }

    /** Erasure requests still pending after {@code age}, whose hand-over to the erasure may have been lost. */
    public List<ErasureRequest> stalledErasures(String clientId, java.time.Duration age) {
        return erasures.stalled(clientId, age);
    }

    public ErasureRequest erasure(Actor actor, String clientId, String requestId) {
        return erasures.find(actor, clientId, requestId);
    }

    public List<ErasureRequest> erasures(Actor actor, String clientId) {
        return erasures.list(actor, clientId);
    }

    // ------------------------------------------------------------------------------------------------ users

    public ClientUser inviteUser(Actor actor, String clientId, String email, ClientRole role) {
        return users().invite(actor, clientId, email, role);
    }

    public void removeUser(Actor actor, String clientId, String email) {
        users().remove(actor, clientId, email);
    }

    public List<ClientUser> users(Actor actor, String clientId) {
        return users().list(actor, clientId);
    }

    /** Whether a signed-in client space user still has access to this client's space. */
    public boolean hasAccess(String email, String clientId) {
        return new ClientSpaceAccess(ledger.records()).hasAccess(email, clientId);
    }

    private ClientUsers users() {
        if (users == null) {
            throw new IllegalStateException("no user directory is wired to this administration");
        }
        return users;
    }

    // ------------------------------------------------------------------------------------------------ reading

    public ClientProfile profile(Actor actor, String clientId) {
        AccountRules.requireScope(actor, clientId);
        return ledger.profileOf(clientId);
    }

    public VersionedCampaign campaign(Actor actor, String clientId, String campaignId) {
        AccountRules.requireScope(actor, clientId);
        return ledger.records().campaign(clientId, campaignId)
                .orElseThrow(() -> new RequestRefused.NotFound("campaign " + campaignId));
    }

    public List<VersionedCampaign> campaigns(Actor actor, String clientId) {
        AccountRules.requireScope(actor, clientId);
        return ledger.records().campaigns(clientId);
    }

    /** Records in the client's audit trail something the system did to its data (no change of its account). */
    public void recordEvent(Actor actor, String clientId, String action, String target,
                            java.util.Map<String, String> details) {
        AccountRules.requireOperator(actor);
        ledger.records().commit(new AccountRecords.Change(List.of(), List.of(ledger.entry(actor, clientId, action,
                target, java.util.Map.of(), details))));
    }

    public List<AuditEntry> audit(Actor actor, String clientId) {
        AccountRules.requireScope(actor, clientId);
        return ledger.records().audit(clientId);
    }

    public List<FormatVersion> formats(Actor actor, String clientId) {
        AccountRules.requireScope(actor, clientId);
        return ledger.records().formats(clientId);
    }

    public Optional<BillingAccount> billing(Actor actor, String clientId) {
        AccountRules.requireOperator(actor);
        return ledger.records().billing(clientId);
    }
}
