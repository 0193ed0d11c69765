package com.outboundcalls.account;

import com.outboundcalls.time.Zones;

import com.outboundcalls.account.AccountRecords.BillingWrite;
import com.outboundcalls.account.AccountRecords.CampaignWrite;
import com.outboundcalls.account.AccountRecords.Change;
import com.outboundcalls.account.AccountRecords.FormatVersion;
import com.outboundcalls.account.AccountRecords.FormatWrite;
import com.outboundcalls.account.AccountRecords.OppositionAdd;
import com.outboundcalls.account.AccountRecords.OppositionRemove;
import com.outboundcalls.account.AccountRecords.PrincipalWrite;
import com.outboundcalls.account.AccountRecords.ProfileWrite;
import com.outboundcalls.account.AccountRecords.VersionedCampaign;
import com.outboundcalls.account.AccountRecords.Write;
import com.outboundcalls.account.RequestRefused.FieldError;
import com.outboundcalls.contact.OppositionList;
import com.outboundcalls.account.CallAttributes;
import com.outboundcalls.account.CallerIdPolicy;
import com.outboundcalls.account.CallingWindow;
import com.outboundcalls.account.ContactFileFormat;
import com.outboundcalls.phone.PhoneNumberValidator;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.rate.RatedCall;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Onboarding and running client accounts and their campaigns: each request is checked whole (every field at
 * fault listed), then applied with its audit entry in one atomic change, against the version the caller read.
 * No AWS type here: {@link AccountRecords} stores it.
 */
public final class AccountAdministration {

    /** Ids go into object keys and table keys: lower-case letters, digits and dashes. */
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern PRINCIPAL = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:(role|user)/[\\w+=,.@/-]{1,512}");

    private final AccountRecords records;
    private final String defaultCallerId;
    private final Clock clock;
    private final PhoneNumberValidator numbers = new PhoneNumberValidator();

    /** @param defaultCallerId the provider's number a campaign presents when it names none */
    public AccountAdministration(AccountRecords records, String defaultCallerId, Clock clock) {
        this.records = records;
        this.defaultCallerId = defaultCallerId;
        this.clock = clock;
    }

    // ------------------------------------------------------------------------------------------------ clients

    /** What onboarding a client (or adding a sub-account) takes. Null subscription prices mean zero. */
    public record Onboarding(String clientId, String name, String defaultRegion, LegalEntity identity,
                             String billingEmail, BillingAccount.Plan plan, BillingAccount.Units numbers,
                             BillingAccount.Units users, BillingAccount.Units licences, LocalDate subscribedOn,
                             Integer paymentTermDays, Client.Tariff tariff, boolean premiumRateAllowed,
                             String priceListId, ClientProfile.Invoicing invoicing) {
    }

    /** Onboards a top-level client, or a sub-account of {@code parentClientId} (then non-null). */
    public ClientProfile onboard(Actor actor, String parentClientId, Onboarding request) {
        requireOperator(actor);
        if (parentClientId != null) {
            records.profile(parentClientId).orElseThrow(() -> new RequestRefused.NotFound("client " + parentClientId));
        }
        List<FieldError> errors = onboardingProblems(parentClientId, request);
        ClientProfile.Invoicing invoicing = request.invoicing() == null ? ClientProfile.Invoicing.OWN : request.invoicing();
        BillingAccount billing = null;
        if (invoicing == ClientProfile.Invoicing.OWN && errors.isEmpty()) {
            billing = new BillingAccount(request.clientId(), request.plan(), request.numbers(), request.users(),
                    request.licences(), request.subscribedOn(), null, identityOf(parentClientId, request),
                    request.paymentTermDays() == null ? BillingAccount.DEFAULT_PAYMENT_TERM_DAYS : request.paymentTermDays());
        }
        refuseIf(errors);
        Client client = new Client(request.clientId(), request.name().strip(), request.defaultRegion(), request.tariff(),
                Client.AccountStatus.ACTIVE, request.priceListId(), request.premiumRateAllowed(), null, null);
        ClientProfile profile = new ClientProfile(client, parentClientId, invoicing, request.billingEmail(), null, null,
                List.of(), 0, 1);
        List<Write> writes = new ArrayList<>();
        writes.add(new ProfileWrite(profile, 0));
        Map<String, String> after = new TreeMap<>(fields(profile));
        if (billing != null) {
            writes.add(new BillingWrite(billing));
            after.putAll(fields(billing));
        }
        String action = parentClientId == null ? "client.onboarded" : "sub-account.added";
        List<AuditEntry> audit = new ArrayList<>();
        audit.add(entry(actor, request.clientId(), action, "client/" + request.clientId(), Map.of(), after));
        if (parentClientId != null) {
            audit.add(entry(actor, parentClientId, "sub-account.added", "client/" + request.clientId(), Map.of(),
                    Map.of("invoicing", invoicing.name())));
        }
        records.commit(new Change(writes, audit));
        return profile;
    }

    /**
     * What is wrong with an onboarding request, field by field (empty when nothing is): the request handler adds
     * these to the fields it could not read at all, so that one answer lists every fault.
     */
    public List<FieldError> onboardingProblems(String parentClientId, Onboarding request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.clientId() != null && !ID.matcher(request.clientId()).matches()) {
            errors.add(new FieldError("clientId", "2 to 40 lower-case letters, digits or dashes"));
        } else if (request.clientId() == null) {
            errors.add(new FieldError("clientId", "required"));
        }
        if (blank(request.name())) {
            errors.add(new FieldError("name", "required"));
        }
        if (request.defaultRegion() == null || !request.defaultRegion().matches("[A-Z]{2}")) {
            errors.add(new FieldError("defaultRegion", "an ISO 3166 two-letter code such as FR"));
        }
        if (request.billingEmail() == null || !EMAIL.matcher(request.billingEmail()).matches()) {
            errors.add(new FieldError("billingEmail", "an e-mail address"));
        }
        if (request.tariff() == null) {
            errors.add(new FieldError("tariff", "required: attempts per contact and delay between attempts"));
        }
        ClientProfile.Invoicing invoicing = request.invoicing() == null ? ClientProfile.Invoicing.OWN : request.invoicing();
        if (parentClientId != null) {
            Optional<ClientProfile> parent = records.profile(parentClientId);
            if (parent.isPresent() && parent.get().parentClientId() != null) {
                errors.add(new FieldError("parentClientId", "a sub-account cannot have sub-accounts of its own"));
            }
        } else if (invoicing == ClientProfile.Invoicing.PARENT_SECTION) {
            errors.add(new FieldError("invoicing", "only a sub-account can be invoiced on its parent's invoice"));
        }
        if (invoicing == ClientProfile.Invoicing.OWN) {
            if (identityOf(parentClientId, request) == null) {
                errors.add(new FieldError("identity", "required: the legal identity invoices are made out to"));
            }
            if (request.plan() == null) {
                errors.add(new FieldError("subscription.plan", "required: the plan's name and monthly price"));
            }
            if (request.subscribedOn() == null) {
                errors.add(new FieldError("subscription.startsOn", "required: the first day of service"));
            }
            Integer terms = request.paymentTermDays();
            if (terms != null && (terms < 0 || terms > 60)) {
                errors.add(new FieldError("subscription.paymentTermDays", "0 to 60 days (Code de commerce L441-10)"));
            }
        }
        return errors;
    }

    /** The identity given, else (for a sub-account) its parent's. */
    private LegalEntity identityOf(String parentClientId, Onboarding request) {
        if (request.identity() != null || parentClientId == null) {
            return request.identity();
        }
        return records.billing(parentClientId).map(BillingAccount::identity).orElse(null);
    }

    /** Changes to a client's own settings; a null field is left as it is. */
    public record ClientChanges(String name, String billingEmail, Client.Tariff tariff, Boolean premiumRateAllowed,
                                String priceListId) {
    }

    public ClientProfile updateClient(Actor actor, String clientId, long version, ClientChanges changes) {
        requireOperator(actor);
        ClientProfile before = current(clientId, version);
        List<FieldError> errors = new ArrayList<>();
        if (changes.name() != null && changes.name().isBlank()) {
            errors.add(new FieldError("name", "cannot be blank"));
        }
        if (changes.billingEmail() != null && !EMAIL.matcher(changes.billingEmail()).matches()) {
            errors.add(new FieldError("billingEmail", "an e-mail address"));
        }
        refuseIf(errors);
        Client c = before.client();
        Client client = new Client(c.clientId(), changes.name() != null ? changes.name().strip() : c.name(),
                c.defaultRegion(), changes.tariff() != null ? changes.tariff() : c.tariff(), c.status(),
                changes.priceListId() != null ? changes.priceListId() : c.priceListId(),
                changes.premiumRateAllowed() != null ? changes.premiumRateAllowed() : c.premiumRateAllowed(),
                c.contactFileFormat(), c.ownNumbers());
        ClientProfile after = before.with(client)
                .withBillingEmail(changes.billingEmail() != null ? changes.billingEmail() : before.billingEmail());
        return saveProfile(actor, before, after, "client.updated", List.of());
    }

    /** Changes to what the client subscribes to; null keeps the current value. */
    public record SubscriptionChanges(BillingAccount.Plan plan, BillingAccount.Units numbers, BillingAccount.Units users,
                                      BillingAccount.Units licences) {
    }

    public ClientProfile updateSubscription(Actor actor, String clientId, long version, SubscriptionChanges changes) {
        requireOperator(actor);
        ClientProfile profile = current(clientId, version);
        BillingAccount b = records.billing(clientId).orElseThrow(() -> RequestRefused.Invalid.field("subscription",
                "this account is invoiced on its parent's invoice and has no subscription of its own"));
        BillingAccount changed = new BillingAccount(clientId, or(changes.plan(), b.plan()), or(changes.numbers(), b.numbers()),
                or(changes.users(), b.users()), or(changes.licences(), b.licences()), b.subscribedOn(), b.terminatedOn(),
                b.identity(), b.paymentTermDays());
        ClientProfile next = profile.nextVersion();
        records.commit(new Change(List.of(new ProfileWrite(next, profile.version()), new BillingWrite(changed)),
                List.of(entry(actor, clientId, "subscription.updated", "client/" + clientId, fields(b), fields(changed)))));
        return next;
    }

    public ClientProfile suspend(Actor actor, String clientId, long version, String reason) {
        requireOperator(actor);
        if (blank(reason)) {
            throw RequestRefused.Invalid.field("reason", "say why the account is suspended");
        }
        ClientProfile before = current(clientId, version);
        if (before.client().status() != Client.AccountStatus.ACTIVE) {
            throw new RequestRefused.Conflict("the account is " + before.client().status() + ", not ACTIVE");
        }
        return saveProfile(actor, before, before.withStanding(Client.AccountStatus.SUSPENDED,
                new ClientProfile.Suspension(ClientProfile.Suspension.OPERATOR, reason.strip()), before.terminatesOn()),
                "client.suspended", List.of());
    }

    public ClientProfile reactivate(Actor actor, String clientId, long version) {
        requireOperator(actor);
        ClientProfile before = current(clientId, version);
        if (before.client().status() != Client.AccountStatus.SUSPENDED) {
            throw new RequestRefused.Conflict("the account is " + before.client().status() + ", not SUSPENDED");
        }
        return saveProfile(actor, before, before.withStanding(Client.AccountStatus.ACTIVE, null, before.terminatesOn()),
                "client.reactivated", List.of());
    }

    /**
     * Ends the service on a day: billed up to that day's month, terminated at once if the day has come, else
     * when {@link #terminateDue} runs on or after it.
     */
    public ClientProfile terminate(Actor actor, String clientId, long version, LocalDate lastDay) {
        requireOperator(actor);
        if (lastDay == null) {
            throw RequestRefused.Invalid.field("lastDay", "required: the last day of service");
        }
        ClientProfile before = current(clientId, version);
        if (before.client().status() == Client.AccountStatus.TERMINATED) {
            throw new RequestRefused.Conflict("the account is already terminated");
        }
        List<Write> extra = new ArrayList<>();
        Optional<BillingAccount> billing = records.billing(clientId);
        if (billing.isPresent()) {
            BillingAccount b = billing.get();
            if (lastDay.isBefore(b.subscribedOn())) {
                throw RequestRefused.Invalid.field("lastDay", "before the subscription's first day " + b.subscribedOn());
            }
            extra.add(new BillingWrite(new BillingAccount(clientId, b.plan(), b.numbers(), b.users(), b.licences(),
                    b.subscribedOn(), lastDay, b.identity(), b.paymentTermDays())));
        }
        boolean now = !lastDay.isAfter(today());
        ClientProfile after = before.withStanding(now ? Client.AccountStatus.TERMINATED : before.client().status(),
                now ? null : before.suspension(), lastDay);
        return saveProfile(actor, before, after, "client.terminated", extra);
    }

    /** Terminates the accounts whose last day of service has passed (a daily run); the ids terminated. */
    public List<String> terminateDue(Actor actor, List<String> clientIds) {
        List<String> done = new ArrayList<>();
        for (String clientId : clientIds) {
            Optional<ClientProfile> profile = records.profile(clientId);
            if (profile.isPresent() && profile.get().terminatesOn() != null
                    && profile.get().terminatesOn().isBefore(today())
                    && profile.get().client().status() != Client.AccountStatus.TERMINATED) {
                ClientProfile before = profile.get();
                try {
                    saveProfile(actor, before, before.withStanding(Client.AccountStatus.TERMINATED, null,
                            before.terminatesOn()), "client.terminated", List.of());
                    done.add(clientId);
                } catch (RequestRefused.StaleVersion changedMeanwhile) {
                    // an operator changed it at the same moment: tomorrow's run looks again
                }
            }
        }
        return done;
    }

    /** Lets an IAM role or user act for this client on the client routes. */
    public void grantAccess(Actor actor, String clientId, String principalArn) {
        requireOperator(actor);
        if (principalArn == null || !PRINCIPAL.matcher(principalArn).matches()) {
            throw RequestRefused.Invalid.field("principalArn", "an IAM role or user ARN");
        }
        records.profile(clientId).orElseThrow(() -> new RequestRefused.NotFound("client " + clientId));
        records.commit(new Change(List.of(new PrincipalWrite(principalArn, clientId)), List.of(entry(actor, clientId,
                "access.granted", "principal/" + principalArn, Map.of(), Map.of("principalArn", principalArn)))));
    }

    // ------------------------------------------------------------------------------------------------ caller IDs

    /** Assigns one of the provider's numbers to the client. */
    public ClientProfile assignProviderNumber(Actor actor, String clientId, long version, String number) {
        requireOperator(actor);
        String e164 = presentable("number", number);
        ClientProfile before = current(clientId, version);
        if (before.providerNumbers().contains(e164)) {
            throw new RequestRefused.Conflict(e164 + " is already assigned to " + clientId);
        }
        List<String> assigned = new ArrayList<>(before.providerNumbers());
        assigned.add(e164);
        return saveProfile(actor, before, before.withProviderNumbers(assigned), "provider-number.assigned", List.of());
    }

    /**
     * A client's own number it wants to present, with the proof it may (e.g. the operator's attribution letter):
     * checked against ARCEP's ranges now, pending until an operator verifies it.
     */
    public ClientProfile submitCallerId(Actor actor, String clientId, String number, String proofReference) {
        requireScope(actor, clientId);
        List<FieldError> errors = new ArrayList<>();
        String e164 = null;
        try {
            e164 = presentable("number", number);
        } catch (RequestRefused.Invalid e) {
            errors.addAll(e.errors());
        }
        if (blank(proofReference)) {
            errors.add(new FieldError("proofReference", "required: the document proving the number is yours"));
        }
        refuseIf(errors);
        ClientProfile before = records.profile(clientId).orElseThrow(() -> new RequestRefused.NotFound("client " + clientId));
        Client.OwnNumber existing = before.client().ownNumbers().get(e164);
        if (existing != null && (existing.verification() == Client.Verification.PENDING
                || existing.verification() == Client.Verification.VERIFIED)) {
            throw new RequestRefused.Conflict(e164 + " is already " + existing.verification());
        }
        ClientProfile after = before.with(before.client().withOwnNumber(e164, Client.Verification.PENDING,
                proofReference.strip()));
        return saveProfile(actor, before, after, "caller-id.submitted", List.of());
    }

    /** An operator's decision on a client's own number: VERIFIED or REJECTED when pending, REVOKED when verified. */
    public ClientProfile decideCallerId(Actor actor, String clientId, String number, Client.Verification decision,
                                        String note) {
        requireOperator(actor);
        ClientProfile before = records.profile(clientId).orElseThrow(() -> new RequestRefused.NotFound("client " + clientId));
        Client.OwnNumber own = before.client().ownNumbers().get(number);
        if (own == null) {
            throw new RequestRefused.NotFound("caller ID " + number + " of " + clientId);
        }
        boolean allowed = switch (decision) {
            case VERIFIED, REJECTED -> own.verification() == Client.Verification.PENDING;
            case REVOKED -> own.verification() == Client.Verification.VERIFIED;
            case PENDING -> false;
        };
        if (!allowed) {
            throw new RequestRefused.Conflict("a " + own.verification() + " caller ID cannot become " + decision);
        }
        String proof = note == null || note.isBlank() ? own.proofReference() : own.proofReference() + " / " + note.strip();
        ClientProfile after = before.with(before.client().withOwnNumber(number, decision, proof));
        return saveProfile(actor, before, after, "caller-id." + decision.name().toLowerCase(java.util.Locale.ROOT),
                List.of());
    }

    // ------------------------------------------------------------------------------------------------ formats

    /** Agrees a new contact-file format; files that arrive from now on are read with it. */
    public ClientProfile agreeFormat(Actor actor, String clientId, long version, ContactFileFormat format) {
        requireScope(actor, clientId);
        ClientProfile before = current(clientId, version);
        int next = before.formatVersion() + 1;
        ClientProfile after = before.withFormat(format, next);
        return saveProfile(actor, before, after, "format.agreed",
                List.of(new FormatWrite(clientId, new FormatVersion(next, format, clock.instant(), actor.principal()))));
    }

    // ------------------------------------------------------------------------------------------------ campaigns

    /** A campaign's settings; on an update, a null field is left as it is. */
    public record CampaignSettings(Campaign.Purpose purpose, String callerId, Campaign.CallerIdSource callerIdSource,
                                   String instructionsRef, String instructions, String callingHours, Integer priority,
                                   LocalDate startsOn, LocalDate endsOn, Boolean answeringMachineDetection) {
    }

    public VersionedCampaign createCampaign(Actor actor, String clientId, String campaignId, CampaignSettings settings) {
        requireScope(actor, clientId);
        ClientProfile profile = records.profile(clientId).orElseThrow(() -> new RequestRefused.NotFound("client " + clientId));
        if (campaignId == null || !ID.matcher(campaignId).matches()) {
            throw RequestRefused.Invalid.field("campaignId", "2 to 40 lower-case letters, digits or dashes");
        }
        Campaign draft = campaign(profile, new Campaign(clientId, campaignId, Campaign.Status.DRAFT, null, null, 1,
                Campaign.Purpose.CUSTOMER_SERVICE), settings, true);
        records.commit(new Change(List.of(new CampaignWrite(draft, 0)), List.of(entry(actor, clientId,
                "campaign.created", "campaign/" + campaignId, Map.of(), fields(draft)))));
        return new VersionedCampaign(draft, 1);
    }

    public VersionedCampaign updateCampaign(Actor actor, String clientId, String campaignId, long version,
                                            CampaignSettings settings) {
        requireScope(actor, clientId);
        ClientProfile profile = records.profile(clientId).orElseThrow(() -> new RequestRefused.NotFound("client " + clientId));
        VersionedCampaign before = currentCampaign(clientId, campaignId, version);
        if (before.campaign().status() == Campaign.Status.FINISHED) {
            throw new RequestRefused.Conflict("campaign " + campaignId + " is finished");
        }
        Campaign after = campaign(profile, before.campaign(), settings, false);
        if (after.isActive()) {
            startable(profile, after);
        }
        return saveCampaign(actor, before, after, "campaign.updated");
    }

    public enum CampaignAction { START, PAUSE, RESUME, FINISH }

    /** Starts, pauses, resumes or finishes a campaign; {@code version} may be null to act on the current one. */
    public VersionedCampaign act(Actor actor, String clientId, String campaignId, CampaignAction action, Long version) {
        requireScope(actor, clientId);
        ClientProfile profile = records.profile(clientId).orElseThrow(() -> new RequestRefused.NotFound("client " + clientId));
        VersionedCampaign before = version == null ? records.campaign(clientId, campaignId)
                .orElseThrow(() -> new RequestRefused.NotFound("campaign " + campaignId))
                : currentCampaign(clientId, campaignId, version);
        Campaign.Status from = before.campaign().status();
        Campaign.Status to = switch (action) {
            case START -> from == Campaign.Status.DRAFT ? Campaign.Status.ACTIVE : null;
            case PAUSE -> from == Campaign.Status.ACTIVE ? Campaign.Status.PAUSED : null;
            case RESUME -> from == Campaign.Status.PAUSED ? Campaign.Status.ACTIVE : null;
            case FINISH -> from != Campaign.Status.FINISHED ? Campaign.Status.FINISHED : null;
        };
        if (to == null) {
            throw new RequestRefused.Conflict("a " + from + " campaign cannot " + action.name().toLowerCase(java.util.Locale.ROOT));
        }
        Campaign after = before.campaign().withStatus(to);
        if (to == Campaign.Status.ACTIVE) {
            startable(profile, after);
        }
        String verb = switch (action) {
            case START -> "started";
            case PAUSE -> "paused";
            case RESUME -> "resumed";
            case FINISH -> "finished";
        };
        return saveCampaign(actor, before, after, "campaign." + verb);
    }

    // ------------------------------------------------------------------------------------------------ oppositions

    /** Puts a number on the client's opposition list: it is never called again for this client. */
    public String oppose(Actor actor, String clientId, String number, String reason) {
        requireScope(actor, clientId);
        String e164 = callable("number", number, clientId);
        if (blank(reason)) {
            throw RequestRefused.Invalid.field("reason", "say why the number must not be called");
        }
        records.commit(new Change(List.of(new OppositionAdd(new OppositionList.Opposition(clientId, e164,
                "api: " + reason.strip(), clock.instant()))), List.of(entry(actor, clientId, "opposition.added",
                "opposition/" + masked(e164), Map.of(), Map.of("reason", reason.strip())))));
        return e164;
    }

    /** Takes a number off the client's list (not off the provider's list for every client). */
    public String withdrawOpposition(Actor actor, String clientId, String number, String reason) {
        requireScope(actor, clientId);
        String e164 = callable("number", number, clientId);
        if (blank(reason)) {
            throw RequestRefused.Invalid.field("reason", "say why the number may be called again");
        }
        records.commit(new Change(List.of(new OppositionRemove(clientId, e164)), List.of(entry(actor, clientId,
                "opposition.removed", "opposition/" + masked(e164), Map.of(), Map.of("reason", reason.strip())))));
        return e164;
    }

    /** Records that the client is sending a suppression file (its entries are imported from the bucket). */
    public void recordOppositionImport(Actor actor, String clientId, String fileName) {
        requireScope(actor, clientId);
        records.profile(clientId).orElseThrow(() -> new RequestRefused.NotFound("client " + clientId));
        records.commit(new Change(List.of(), List.of(entry(actor, clientId, "opposition.import-requested",
                "config/opposition/" + clientId + "/" + fileName, Map.of(), Map.of("fileName", fileName)))));
    }

    // ------------------------------------------------------------------------------------------------ reading

    public ClientProfile profile(Actor actor, String clientId) {
        requireScope(actor, clientId);
        return records.profile(clientId).orElseThrow(() -> new RequestRefused.NotFound("client " + clientId));
    }

    public VersionedCampaign campaign(Actor actor, String clientId, String campaignId) {
        requireScope(actor, clientId);
        return records.campaign(clientId, campaignId).orElseThrow(() -> new RequestRefused.NotFound("campaign " + campaignId));
    }

    public List<VersionedCampaign> campaigns(Actor actor, String clientId) {
        requireScope(actor, clientId);
        return records.campaigns(clientId);
    }

    public List<AuditEntry> audit(Actor actor, String clientId) {
        requireScope(actor, clientId);
        return records.audit(clientId);
    }

    public List<FormatVersion> formats(Actor actor, String clientId) {
        requireScope(actor, clientId);
        return records.formats(clientId);
    }

    public Optional<BillingAccount> billing(Actor actor, String clientId) {
        requireOperator(actor);
        return records.billing(clientId);
    }

    // ------------------------------------------------------------------------------------------------ rules

    private Campaign campaign(ClientProfile profile, Campaign base, CampaignSettings s, boolean creating) {
        List<FieldError> errors = new ArrayList<>();
        Campaign.CallerIdSource source = or(s.callerIdSource(), base.callerIdSource());
        String callerId = s.callerId() != null ? s.callerId() : base.callerId();
        if (s.callerId() != null || s.callerIdSource() != null) {
            callerIdError(profile, source, callerId).ifPresent(errors::add);
        }
        String hours = s.callingHours() != null ? s.callingHours() : base.callingHours();
        if (s.callingHours() != null) {
            try {
                CallingWindow.parse(s.callingHours());
            } catch (RuntimeException e) {
                errors.add(new FieldError("callingHours", e.getMessage()));
            }
        }
        int priority = s.priority() != null ? s.priority() : base.priority();
        if (priority < 1 || priority > 10) {
            errors.add(new FieldError("priority", "1 (lowest) to 10"));
        }
        LocalDate startsOn = s.startsOn() != null ? s.startsOn() : base.startsOn();
        LocalDate endsOn = s.endsOn() != null ? s.endsOn() : base.endsOn();
        if (startsOn != null && endsOn != null && endsOn.isBefore(startsOn)) {
            errors.add(new FieldError("endsOn", "before startsOn " + startsOn));
        }
        if (creating && endsOn != null && endsOn.isBefore(today())) {
            errors.add(new FieldError("endsOn", "already past"));
        }
        Campaign.Purpose purpose = or(s.purpose(), base.purpose());
        if (!creating && s.purpose() != null && s.purpose() != base.purpose()
                && base.status() != Campaign.Status.DRAFT) {
            errors.add(new FieldError("purpose", "can only change while the campaign is a draft"));
        }
        refuseIf(errors);
        Campaign campaign = new Campaign(base.clientId(), base.campaignId(), base.status(), callerId,
                s.instructionsRef() != null ? s.instructionsRef() : base.instructionsRef(), priority, purpose, hours,
                source, s.instructions() != null ? s.instructions() : base.instructions(),
                s.answeringMachineDetection() != null ? s.answeringMachineDetection() : base.answeringMachineDetection(),
                startsOn, endsOn);
        CallAttributes.refusal(campaign).ifPresent(why -> {
            throw RequestRefused.Invalid.field("instructions", why);
        });
        return campaign;
    }

    /** Why this caller ID may not be set on a campaign of the client, if it may not. */
    private Optional<FieldError> callerIdError(ClientProfile profile, Campaign.CallerIdSource source, String callerId) {
        if (callerId == null) {
            return source == Campaign.CallerIdSource.CLIENT
                    ? Optional.of(new FieldError("callerId", "required when the campaign presents the client's own number"))
                    : Optional.empty();
        }
        Optional<String> ranges = CallerIdPolicy.refusal(callerId);
        if (ranges.isPresent()) {
            return Optional.of(new FieldError("callerId", ranges.get()));
        }
        if (source == Campaign.CallerIdSource.PROVIDER && !profile.providerNumbers().contains(callerId)) {
            return Optional.of(new FieldError("callerId", "not one of the provider's numbers assigned to this client"));
        }
        if (source == Campaign.CallerIdSource.CLIENT) {
            Client.OwnNumber own = profile.client().ownNumbers().get(callerId);
            if (own == null || own.verification() == Client.Verification.REJECTED
                    || own.verification() == Client.Verification.REVOKED) {
                return Optional.of(new FieldError("callerId", "not one of the client's own numbers submitted for "
                        + "verification"));
            }
        }
        return Optional.empty();
    }

    /** Refuses to make a campaign active when it could not place a call. */
    private void startable(ClientProfile profile, Campaign campaign) {
        if (!profile.client().mayPlaceCalls()) {
            throw new RequestRefused.Conflict("the account is " + profile.client().status() + ": no campaign can run");
        }
        if (campaign.endsOn() != null && campaign.endsOn().isBefore(today())) {
            throw new RequestRefused.Conflict("the campaign ended on " + campaign.endsOn());
        }
        CallerIdPolicy.refusal(campaign, profile.client(), defaultCallerId).ifPresent(why -> {
            throw new RequestRefused.Conflict("the campaign cannot present its caller ID: " + why);
        });
    }

    private String presentable(String field, String number) {
        String e164 = callable(field, number, null);
        CallerIdPolicy.refusal(e164).ifPresent(why -> {
            throw RequestRefused.Invalid.field(field, why);
        });
        return e164;
    }

    private String callable(String field, String number, String clientId) {
        if (blank(number)) {
            throw RequestRefused.Invalid.field(field, "required");
        }
        String region = clientId == null ? "FR"
                : records.profile(clientId).map(p -> p.client().defaultRegion()).orElse("FR");
        PhoneNumberValidator.Verdict verdict = numbers.validate(number, region, true);
        if (!verdict.isValid()) {
            throw RequestRefused.Invalid.field(field, verdict.message() + " (" + verdict.reason() + ")");
        }
        return verdict.number().e164();
    }

    private ClientProfile current(String clientId, long version) {
        ClientProfile profile = records.profile(clientId).orElseThrow(() -> new RequestRefused.NotFound("client " + clientId));
        if (profile.version() != version) {
            throw new RequestRefused.StaleVersion("client " + clientId, version, profile.version());
        }
        return profile;
    }

    private VersionedCampaign currentCampaign(String clientId, String campaignId, long version) {
        VersionedCampaign campaign = records.campaign(clientId, campaignId)
                .orElseThrow(() -> new RequestRefused.NotFound("campaign " + campaignId));
        if (campaign.version() != version) {
            throw new RequestRefused.StaleVersion("campaign " + campaignId, version, campaign.version());
        }
        return campaign;
    }

    private ClientProfile saveProfile(Actor actor, ClientProfile before, ClientProfile after, String action,
                                      List<Write> alongside) {
        ClientProfile next = after.nextVersion();
        Map<String, String> was = new TreeMap<>(fields(before));
        Map<String, String> now = new TreeMap<>(fields(next));
        List<Write> writes = new ArrayList<>();
        writes.add(new ProfileWrite(next, before.version()));
        for (Write w : alongside) {
            writes.add(w);
            if (w instanceof BillingWrite billing) {
                records.billing(before.clientId()).ifPresent(b -> was.putAll(fields(b)));
                now.putAll(fields(billing.account()));
            }
        }
        records.commit(new Change(writes, List.of(entry(actor, before.clientId(), action, "client/" + before.clientId(),
                was, now))));
        return next;
    }

    private VersionedCampaign saveCampaign(Actor actor, VersionedCampaign before, Campaign after, String action) {
        records.commit(new Change(List.of(new CampaignWrite(after, before.version())), List.of(entry(actor,
                after.clientId(), action, "campaign/" + after.campaignId(), fields(before.campaign()), fields(after)))));
        return new VersionedCampaign(after, before.version() + 1);
    }

    private AuditEntry entry(Actor actor, String clientId, String action, String target, Map<String, String> before,
                             Map<String, String> after) {
        Map<String, AuditEntry.FieldChange> changes = new TreeMap<>();
        java.util.Set<String> names = new java.util.TreeSet<>(before.keySet());
        names.addAll(after.keySet());
        for (String name : names) {
            if (name.equals("version")) {
                continue;
            }
            String was = before.get(name);
            String now = after.get(name);
            if (!Objects.equals(was, now)) {
                changes.put(name, new AuditEntry.FieldChange(was, now));
            }
        }
        return new AuditEntry(clientId, clock.instant(), actor.principal(), action, target, changes);
    }

    /** A profile as named fields, for the audit trail's before/after. */
    static Map<String, String> fields(ClientProfile p) {
        Map<String, String> f = new LinkedHashMap<>();
        Client c = p.client();
        f.put("name", c.name());
        f.put("defaultRegion", c.defaultRegion());
        f.put("tariff.maxAttempts", String.valueOf(c.tariff().maxAttempts()));
        f.put("tariff.retryDelayMinutes", String.valueOf(c.tariff().retryDelay().toMinutes()));
        f.put("premiumRateAllowed", String.valueOf(c.premiumRateAllowed()));
        put(f, "priceListId", c.priceListId());
        f.put("status", c.status().name());
        if (p.suspension() != null) {
            f.put("suspension", p.suspension().by() + ": " + p.suspension().note());
        }
        put(f, "terminatesOn", p.terminatesOn());
        put(f, "parentClientId", p.parentClientId());
        f.put("invoicing", p.invoicing().name());
        put(f, "billingEmail", p.billingEmail());
        if (!p.providerNumbers().isEmpty()) {
            f.put("providerNumbers", String.join(",", p.providerNumbers()));
        }
        new TreeMap<>(c.ownNumbers()).forEach((n, own) -> f.put("callerId." + n, own.verification().name()));
        if (p.formatVersion() > 0) {
            f.put("formatVersion", String.valueOf(p.formatVersion()));
        }
        return f;
    }

    static Map<String, String> fields(BillingAccount b) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("subscription.plan", b.plan().name() + " " + b.plan().monthlyPrice().toPlainString());
        f.put("subscription.numbers", b.numbers().quantity() + " x " + b.numbers().unitPrice().toPlainString());
        f.put("subscription.users", b.users().quantity() + " x " + b.users().unitPrice().toPlainString());
        f.put("subscription.licences", b.licences().quantity() + " x " + b.licences().unitPrice().toPlainString());
        f.put("subscription.startsOn", b.subscribedOn().toString());
        put(f, "subscription.lastDay", b.terminatedOn());
        f.put("subscription.paymentTermDays", String.valueOf(b.paymentTermDays()));
        f.put("identity", b.identity().name() + ", SIREN " + b.identity().siren() + ", VAT " + b.identity().vatNumber());
        return f;
    }

    static Map<String, String> fields(Campaign c) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("status", c.status().name());
        f.put("purpose", c.purpose().name());
        put(f, "callerId", c.callerId());
        f.put("callerIdSource", c.callerIdSource().name());
        put(f, "instructionsRef", c.instructionsRef());
        put(f, "instructions", c.instructions());
        put(f, "callingHours", c.callingHours());
        f.put("priority", String.valueOf(c.priority()));
        put(f, "startsOn", c.startsOn());
        put(f, "endsOn", c.endsOn());
        f.put("answeringMachineDetection", String.valueOf(c.answeringMachineDetection()));
        return f;
    }

    private static void put(Map<String, String> f, String name, Object value) {
        if (value != null) {
            f.put(name, value.toString());
        }
    }

    /** A callee's number as the audit trail shows it: the last two digits only. */
    static String masked(String e164) {
        return e164.length() <= 4 ? "****" : e164.substring(0, 3) + "*".repeat(e164.length() - 5)
                + e164.substring(e164.length() - 2);
    }

    private static void requireOperator(Actor actor) {
        if (!actor.isOperator()) {
            throw new RequestRefused.NotFound("route"); // a client learns nothing of operator-only operations
        }
    }

    /** A client acts on its own account only; anything else does not exist for it. */
    private static void requireScope(Actor actor, String clientId) {
        if (!actor.isOperator() && !Objects.equals(actor.clientId(), clientId)) {
            throw new RequestRefused.NotFound("client " + clientId);
        }
    }

    private static void refuseIf(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new RequestRefused.Invalid(errors);
        }
    }

    private LocalDate today() {
        return clock.instant().atZone(Zones.BILLING).toLocalDate();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }

    /** Retry delays are stated in minutes on the API. */
    public static Client.Tariff tariff(int maxAttempts, long retryDelayMinutes) {
        return new Client.Tariff(maxAttempts, Duration.ofMinutes(retryDelayMinutes));
    }
}
