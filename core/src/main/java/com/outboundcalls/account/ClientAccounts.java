package com.outboundcalls.account;

import com.outboundcalls.account.AccountRecords.BillingWrite;
import com.outboundcalls.account.AccountRecords.Change;
import com.outboundcalls.account.AccountRecords.FormatVersion;
import com.outboundcalls.account.AccountRecords.FormatWrite;
import com.outboundcalls.account.AccountRecords.ProfileWrite;
import com.outboundcalls.account.AccountRecords.Write;
import com.outboundcalls.account.RequestRefused.FieldError;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Clients' accounts as operators run them: onboarding (a client or a sub-account), identity and settings,
 * subscription, suspension, reactivation and termination; and the contact-file
 * format a client agrees.
 */
public final class ClientAccounts {

    private final AccountLedger ledger;

    ClientAccounts(AccountLedger ledger) {
        this.ledger = ledger;
    }

    /** What onboarding a client (or adding a sub-account) takes. Null subscription prices mean zero. */
    public record Onboarding(String clientId, String name, String defaultRegion, LegalEntity identity,
                             String billingEmail, BillingAccount.Plan plan, BillingAccount.Units numbers,
                             BillingAccount.Units users, BillingAccount.Units licences, LocalDate subscribedOn,
                             Integer paymentTermDays, Client.Tariff tariff, boolean premiumRateAllowed,
                             String priceListId, ClientProfile.Invoicing invoicing) {
    }

    /** Onboards a top-level client, or a sub-account of {@code parentClientId} (then non-null). */
    public ClientProfile onboard(Actor actor, String parentClientId, Onboarding request) {
        AccountRules.requireOperator(actor);
        if (parentClientId != null) {
            ledger.records().profile(parentClientId).orElseThrow(() -> new RequestRefused.NotFound("client " + parentClientId));
        }
        List<FieldError> errors = onboardingProblems(parentClientId, request);
        ClientProfile.Invoicing invoicing = request.invoicing() == null ? ClientProfile.Invoicing.OWN : request.invoicing();
        BillingAccount billing = null;
        if (invoicing == ClientProfile.Invoicing.OWN && errors.isEmpty()) {
            billing = new BillingAccount(request.clientId(), request.plan(), request.numbers(), request.users(),
                    request.licences(), request.subscribedOn(), null, identityOf(parentClientId, request),
                    request.paymentTermDays() == null ? BillingAccount.DEFAULT_PAYMENT_TERM_DAYS : request.paymentTermDays());
        }
        AccountRules.refuseIf(errors);
        Client client = new Client(request.clientId(), request.name().strip(), request.defaultRegion(), request.tariff(),
                Client.AccountStatus.ACTIVE, request.priceListId(), request.premiumRateAllowed(), null, null);
        ClientProfile profile = new ClientProfile(client, parentClientId, invoicing, request.billingEmail(), null, null,
                List.of(), 0, 1);
        List<Write> writes = new ArrayList<>();
        writes.add(new ProfileWrite(profile, 0));
        Map<String, String> after = new TreeMap<>(AuditFields.of(profile));
        if (billing != null) {
            writes.add(new BillingWrite(billing));
            after.putAll(AuditFields.of(billing));
        }
        String action = parentClientId == null ? "client.onboarded" : "sub-account.added";
        List<AuditEntry> audit = new ArrayList<>();
        audit.add(ledger.entry(actor, request.clientId(), action, "client/" + request.clientId(), Map.of(), after));
        if (parentClientId != null) {
            audit.add(ledger.entry(actor, parentClientId, "sub-account.added", "client/" + request.clientId(), Map.of(),
                    Map.of("invoicing", invoicing.name())));
        }
        ledger.records().commit(new Change(writes, audit));
        return profile;
    }

    /**
     * What is wrong with an onboarding request, field by field (empty when nothing is): the request handler adds
     * these to the fields it could not read at all, so that one answer lists every fault.
     */
    public List<FieldError> onboardingProblems(String parentClientId, Onboarding request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.clientId() != null && !AccountRules.ID.matcher(request.clientId()).matches()) {
            errors.add(new FieldError("clientId", "2 to 40 lower-case letters, digits or dashes"));
        } else if (request.clientId() == null) {
            errors.add(new FieldError("clientId", "required"));
        }
        if (AccountRules.blank(request.name())) {
            errors.add(new FieldError("name", "required"));
        }
        if (request.defaultRegion() == null || !request.defaultRegion().matches("[A-Z]{2}")) {
            errors.add(new FieldError("defaultRegion", "an ISO 3166 two-letter code such as FR"));
        }
        if (request.billingEmail() == null || !AccountRules.EMAIL.matcher(request.billingEmail()).matches()) {
            errors.add(new FieldError("billingEmail", "an e-mail address"));
        }
        if (request.tariff() == null) {
            errors.add(new FieldError("tariff", "required: attempts per contact and delay between attempts"));
        }
        ClientProfile.Invoicing invoicing = request.invoicing() == null ? ClientProfile.Invoicing.OWN : request.invoicing();
        if (parentClientId != null) {
            Optional<ClientProfile> parent = ledger.records().profile(parentClientId);
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
        return ledger.records().billing(parentClientId).map(BillingAccount::identity).orElse(null);
    }

    /** Changes to a client's own settings; a null field is left as it is. */
    /** @param calleeData the client's instructions for its callees' data, replacing the current ones when set */
    public record ClientChanges(String name, String billingEmail, Client.Tariff tariff, Boolean premiumRateAllowed,
                                String priceListId, CalleeDataTerms calleeData) {
        public ClientChanges(String name, String billingEmail, Client.Tariff tariff, Boolean premiumRateAllowed,
                             String priceListId) {
            this(name, billingEmail, tariff, premiumRateAllowed, priceListId, null);
        }
    }

    public ClientProfile updateClient(Actor actor, String clientId, long version, ClientChanges changes) {
        AccountRules.requireOperator(actor);
        ClientProfile before = ledger.current(clientId, version);
        List<FieldError> errors = new ArrayList<>();
        if (changes.name() != null && changes.name().isBlank()) {
            errors.add(new FieldError("name", "cannot be blank"));
        }
        if (changes.billingEmail() != null && !AccountRules.EMAIL.matcher(changes.billingEmail()).matches()) {
            errors.add(new FieldError("billingEmail", "an e-mail address"));
        }
        AccountRules.refuseIf(errors);
        Client c = before.client();
        Client client = new Client(c.clientId(), changes.name() != null ? changes.name().strip() : c.name(),
                c.defaultRegion(), changes.tariff() != null ? changes.tariff() : c.tariff(), c.status(),
                changes.priceListId() != null ? changes.priceListId() : c.priceListId(),
                changes.premiumRateAllowed() != null ? changes.premiumRateAllowed() : c.premiumRateAllowed(),
                c.contactFileFormat(), c.ownNumbers(), changes.calleeData() != null ? changes.calleeData() : c.calleeData());
        ClientProfile after = before.with(client)
                .withBillingEmail(changes.billingEmail() != null ? changes.billingEmail() : before.billingEmail());
        return ledger.saveProfile(actor, before, after, "client.updated", List.of());
    }

    /** Changes to what the client subscribes to; null keeps the current value. */
    /** @param effectiveOn the day the change takes effect; null for today */
    public record SubscriptionChanges(BillingAccount.Plan plan, BillingAccount.Units numbers, BillingAccount.Units users,
                                      BillingAccount.Units licences, LocalDate effectiveOn) {
        public SubscriptionChanges(BillingAccount.Plan plan, BillingAccount.Units numbers, BillingAccount.Units users,
                                   BillingAccount.Units licences) {
            this(plan, numbers, users, licences, null);
        }
    }

    /**
     * Changes the fixed part from a day on (today by default), prorated by day in the month it changes. A price
     * increase (of the plan or of a unit price) needs one month's notice (terms art. 7): its day is at least one
     * month away. A day already invoiced cannot change.
     */
    public ClientProfile updateSubscription(Actor actor, String clientId, long version, SubscriptionChanges changes) {
        AccountRules.requireOperator(actor);
        ClientProfile profile = ledger.current(clientId, version);
        BillingAccount b = ledger.records().billing(clientId).orElseThrow(() -> RequestRefused.Invalid.field("subscription",
                "this account is invoiced on its parent's invoice and has no subscription of its own"));
        LocalDate today = ledger.today();
        LocalDate effectiveOn = changes.effectiveOn() == null ? today : changes.effectiveOn();
        if (effectiveOn.isBefore(today)) {
            throw RequestRefused.Invalid.field("effectiveOn", "in the past: a change takes effect today or later");
        }
        BillingAccount.Terms before = b.termsOn(effectiveOn.minusDays(1));
        BillingAccount.Terms after = new BillingAccount.Terms(effectiveOn, AccountRules.or(changes.plan(), before.plan()),
                AccountRules.or(changes.numbers(), before.numbers()), AccountRules.or(changes.users(), before.users()),
                AccountRules.or(changes.licences(), before.licences()));
        if (after.raisesPricesOf(before) && effectiveOn.isBefore(today.plusMonths(1))) {
            throw RequestRefused.Invalid.field("effectiveOn", "a price increase of the fixed part needs one month's "
                    + "notice: " + today.plusMonths(1) + " at the earliest");
        }
        BillingAccount changed = !effectiveOn.isAfter(b.subscribedOn())
                ? new BillingAccount(clientId, after.plan(), after.numbers(), after.users(), after.licences(),
                        b.subscribedOn(), b.terminatedOn(), b.identity(), b.paymentTermDays(), b.terminationNoticeOn(),
                        b.changes())
                : b.withChange(after);
        ClientProfile next = profile.nextVersion();
        ledger.records().commit(new Change(List.of(new ProfileWrite(next, profile.version()), new BillingWrite(changed)),
                List.of(ledger.entry(actor, clientId, "subscription.updated", "client/" + clientId, AuditFields.of(b), AuditFields.of(changed)))));
        return next;
    }

    public ClientProfile suspend(Actor actor, String clientId, long version, String reason) {
        AccountRules.requireOperator(actor);
        if (AccountRules.blank(reason)) {
            throw RequestRefused.Invalid.field("reason", "say why the account is suspended");
        }
        ClientProfile before = ledger.current(clientId, version);
        if (before.client().status() != Client.AccountStatus.ACTIVE) {
            throw new RequestRefused.Conflict("the account is " + before.client().status() + ", not ACTIVE");
        }
        return ledger.saveProfile(actor, before, before.withStanding(Client.AccountStatus.SUSPENDED,
                new ClientProfile.Suspension(ClientProfile.Suspension.OPERATOR, reason.strip()), before.terminatesOn()),
                "client.suspended", List.of());
    }

    public ClientProfile reactivate(Actor actor, String clientId, long version) {
        AccountRules.requireOperator(actor);
        ClientProfile before = ledger.current(clientId, version);
        if (before.client().status() != Client.AccountStatus.SUSPENDED) {
            throw new RequestRefused.Conflict("the account is " + before.client().status() + ", not SUSPENDED");
        }
        return ledger.saveProfile(actor, before, before.withStanding(Client.AccountStatus.ACTIVE, null, before.terminatesOn()),
                "client.reactivated", List.of());
    }

    /**
     * Ends the service on a day: billed up to that day's month, terminated at once if the day has come, else
     * when {@link #terminateDue} runs on or after it.
     */
    public ClientProfile terminate(Actor actor, String clientId, long version, LocalDate lastDay) {
        return terminate(actor, clientId, version, null, lastDay);
    }

    /**
     * Records the client's notice of termination, received on a day: the service ends one month later (or on a
     * later day given), and every month it runs in is due in full.
     *
     * @param noticeReceivedOn the day the notice was received, or null for an end the provider decides
     * @param lastDay          the last day of service; null for one month after the notice
     */
    public ClientProfile terminate(Actor actor, String clientId, long version, LocalDate noticeReceivedOn,
                                   LocalDate lastDay) {
        AccountRules.requireOperator(actor);
        if (noticeReceivedOn != null && noticeReceivedOn.isAfter(ledger.today())) {
            throw RequestRefused.Invalid.field("noticeReceivedOn", "in the future");
        }
        if (lastDay == null && noticeReceivedOn != null) {
            lastDay = BillingAccount.earliestLastDay(noticeReceivedOn);
        }
        if (lastDay == null) {
            throw RequestRefused.Invalid.field("lastDay", "required: the last day of service, or the day the "
                    + "client's notice was received (noticeReceivedOn)");
        }
        if (noticeReceivedOn != null && lastDay.isBefore(BillingAccount.earliestLastDay(noticeReceivedOn))) {
            throw RequestRefused.Invalid.field("lastDay", "a notice received on " + noticeReceivedOn
                    + " ends the service on " + BillingAccount.earliestLastDay(noticeReceivedOn)
                    + " at the earliest (one month)");
        }
        ClientProfile before = ledger.current(clientId, version);
        if (before.client().status() == Client.AccountStatus.TERMINATED) {
            throw new RequestRefused.Conflict("the account is already terminated");
        }
        List<Write> extra = new ArrayList<>();
        Optional<BillingAccount> billing = ledger.records().billing(clientId);
        if (billing.isPresent()) {
            BillingAccount b = billing.get();
            if (lastDay.isBefore(b.subscribedOn())) {
                throw RequestRefused.Invalid.field("lastDay", "before the subscription's first day " + b.subscribedOn());
            }
            extra.add(new BillingWrite(new BillingAccount(clientId, b.plan(), b.numbers(), b.users(), b.licences(),
                    b.subscribedOn(), lastDay, b.identity(), b.paymentTermDays(), noticeReceivedOn, b.changes())));
        }
        boolean now = !lastDay.isAfter(ledger.today());
        ClientProfile after = before.withStanding(now ? Client.AccountStatus.TERMINATED : before.client().status(),
                now ? null : before.suspension(), lastDay);
        return ledger.saveProfile(actor, before, after, "client.terminated", extra);
    }

    /** Terminates the accounts whose last day of service has passed (a daily run); the ids terminated. */
    public List<String> terminateDue(Actor actor, List<String> clientIds) {
        List<String> done = new ArrayList<>();
        for (String clientId : clientIds) {
            Optional<ClientProfile> profile = ledger.records().profile(clientId);
            if (profile.isPresent() && profile.get().terminatesOn() != null
                    && profile.get().terminatesOn().isBefore(ledger.today())
                    && profile.get().client().status() != Client.AccountStatus.TERMINATED) {
                ClientProfile before = profile.get();
                try {
                    ledger.saveProfile(actor, before, before.withStanding(Client.AccountStatus.TERMINATED, null,
                            before.terminatesOn()), "client.terminated", List.of());
                    done.add(clientId);
                } catch (RequestRefused.StaleVersion changedMeanwhile) {
                    // an operator changed it at the same moment: tomorrow's run looks again
                }
            }
        }
        return done;
    }

    /** Agrees a new contact-file format; files that arrive from now on are read with it. */
    public ClientProfile agreeFormat(Actor actor, String clientId, long version, ContactFileFormat format) {
        AccountRules.requireScope(actor, clientId);
        ClientProfile before = ledger.current(clientId, version);
        int next = before.formatVersion() + 1;
        ClientProfile after = before.withFormat(format, next);
        return ledger.saveProfile(actor, before, after, "format.agreed",
                List.of(new FormatWrite(clientId, new FormatVersion(next, format, ledger.clock().instant(), actor.principal()))));
    }

    /** Retry delays are stated in minutes on the API. */
    public static Client.Tariff tariff(int maxAttempts, long retryDelayMinutes) {
        return new Client.Tariff(maxAttempts, Duration.ofMinutes(retryDelayMinutes));
    }
}
