package com.outboundcalls.account;

import com.outboundcalls.account.AccountRecords.BillingWrite;
import com.outboundcalls.account.AccountRecords.CampaignWrite;
import com.outboundcalls.account.AccountRecords.Change;
import com.outboundcalls.account.AccountRecords.ProfileWrite;
import com.outboundcalls.account.AccountRecords.VersionedCampaign;
import com.outboundcalls.account.AccountRecords.Write;
import com.outboundcalls.phone.PhoneNumberValidator;
import com.outboundcalls.time.Zones;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where account changes are read and written: the current profile or campaign at the version the caller read,
 * and each change committed with its audit entry in one atomic write.
 */
final class AccountLedger {

    private final AccountRecords records;
    private final Clock clock;
    private final PhoneNumberValidator numbers = new PhoneNumberValidator();

    AccountLedger(AccountRecords records, Clock clock) {
        this.records = records;
        this.clock = clock;
    }

    AccountRecords records() {
        return records;
    }

    Clock clock() {
        return clock;
    }

    LocalDate today() {
        return clock.instant().atZone(Zones.BILLING).toLocalDate();
    }

    ClientProfile profileOf(String clientId) {
        return records.profile(clientId).orElseThrow(() -> new RequestRefused.NotFound("client " + clientId));
    }

    /** A number as E.164, valid in the client's region (France when no client is named). */
    String callable(String field, String number, String clientId) {
        if (AccountRules.blank(number)) {
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

    ClientProfile current(String clientId, long version) {
        ClientProfile profile = records.profile(clientId).orElseThrow(() -> new RequestRefused.NotFound("client " + clientId));
        if (profile.version() != version) {
            throw new RequestRefused.StaleVersion("client " + clientId, version, profile.version());
        }
        return profile;
    }

    VersionedCampaign currentCampaign(String clientId, String campaignId, long version) {
        VersionedCampaign campaign = records.campaign(clientId, campaignId)
                .orElseThrow(() -> new RequestRefused.NotFound("campaign " + campaignId));
        if (campaign.version() != version) {
            throw new RequestRefused.StaleVersion("campaign " + campaignId, version, campaign.version());
        }
        return campaign;
    }

    ClientProfile saveProfile(Actor actor, ClientProfile before, ClientProfile after, String action,
                                      List<Write> alongside) {
        ClientProfile next = after.nextVersion();
        Map<String, String> was = new TreeMap<>(AuditFields.of(before));
        Map<String, String> now = new TreeMap<>(AuditFields.of(next));
        List<Write> writes = new ArrayList<>();
        writes.add(new ProfileWrite(next, before.version()));
        for (Write w : alongside) {
            writes.add(w);
            if (w instanceof BillingWrite billing) {
                records.billing(before.clientId()).ifPresent(b -> was.putAll(AuditFields.of(b)));
                now.putAll(AuditFields.of(billing.account()));
            }
        }
        records.commit(new Change(writes, List.of(entry(actor, before.clientId(), action, "client/" + before.clientId(),
                was, now))));
        return next;
    }

    VersionedCampaign saveCampaign(Actor actor, VersionedCampaign before, Campaign after, String action) {
        records.commit(new Change(List.of(new CampaignWrite(after, before.version())), List.of(entry(actor,
                after.clientId(), action, "campaign/" + after.campaignId(), AuditFields.of(before.campaign()), AuditFields.of(after)))));
        return new VersionedCampaign(after, before.version() + 1);
    }

    AuditEntry entry(Actor actor, String clientId, String action, String target, Map<String, String> before,
                             Map<String, String> after) {
        Map<String, AuditEntry.FieldChange> changes = new TreeMap<>();
        Set<String> names = new TreeSet<>(before.keySet());
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
}
