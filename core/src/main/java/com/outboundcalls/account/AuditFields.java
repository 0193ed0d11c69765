package com.outboundcalls.account;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/** Accounts, subscriptions and campaigns as named fields, for the audit trail's before and after. */
final class AuditFields {

    private AuditFields() {
    }

    /** A profile as named fields, for the audit trail's before/after. */
    static Map<String, String> of(ClientProfile p) {
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
        if (!c.calleeData().callColumns().isEmpty()) {
            f.put("calleeData.callColumns", String.join(",", c.calleeData().callColumns()));
        }
        put(f, "calleeData.retentionDays", c.calleeData().retentionDays());
        if (p.formatVersion() > 0) {
            f.put("formatVersion", String.valueOf(p.formatVersion()));
        }
        return f;
    }

    static Map<String, String> of(BillingAccount b) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("subscription.plan", b.plan().name() + " " + b.plan().monthlyPrice().toPlainString());
        f.put("subscription.numbers", b.numbers().quantity() + " x " + b.numbers().unitPrice().toPlainString());
        f.put("subscription.users", b.users().quantity() + " x " + b.users().unitPrice().toPlainString());
        f.put("subscription.licences", b.licences().quantity() + " x " + b.licences().unitPrice().toPlainString());
        f.put("subscription.startsOn", b.subscribedOn().toString());
        put(f, "subscription.lastDay", b.terminatedOn());
        put(f, "subscription.terminationNoticeOn", b.terminationNoticeOn());
        f.put("subscription.paymentTermDays", String.valueOf(b.paymentTermDays()));
        for (BillingAccount.Terms t : b.changes()) {
            f.put("subscription.from." + t.from(), t.plan().name() + " " + t.plan().monthlyPrice().toPlainString()
                    + "; numbers " + t.numbers().quantity() + " x " + t.numbers().unitPrice().toPlainString()
                    + "; users " + t.users().quantity() + " x " + t.users().unitPrice().toPlainString()
                    + "; licences " + t.licences().quantity() + " x " + t.licences().unitPrice().toPlainString());
        }
        f.put("identity", b.identity().name() + ", SIREN " + b.identity().siren() + ", VAT " + b.identity().vatNumber());
        return f;
    }

    static Map<String, String> of(Campaign c) {
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
        f.put("dialingMode", c.agents().mode().name());
        if (c.withAgents()) {
            f.put("routingQueueId", c.agents().routingQueueId());
            f.put("abandonmentTarget", c.agents().abandonmentTarget().toPlainString());
        }
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
}
