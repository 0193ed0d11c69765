package com.outboundcalls.functions.accounts;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.account.AccountRecords.VersionedCampaign;
import com.outboundcalls.account.AuditEntry;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.account.ClientProfile;
import com.outboundcalls.account.ClientUser;
import com.outboundcalls.account.ContactFileFormat;
import com.outboundcalls.lambda.HttpJson;

import java.util.TreeMap;

/** The accounts API's JSON views of accounts, formats, campaigns and audit entries. */
final class AccountViews {

    private AccountViews() {
    }

    static ObjectNode view(ClientProfile p, boolean forOperator) {
        ObjectNode v = HttpJson.object();
        Client c = p.client();
        v.put("clientId", c.clientId());
        v.put("name", c.name());
        v.put("defaultRegion", c.defaultRegion());
        v.put("status", c.status().name());
        if (p.suspension() != null) {
            v.putObject("suspension").put("by", p.suspension().by()).put("reason", p.suspension().note());
        }
        if (p.terminatesOn() != null) {
            v.put("lastDay", p.terminatesOn().toString());
        }
        if (p.parentClientId() != null) {
            v.put("parentClientId", p.parentClientId());
        }
        v.put("invoicing", p.invoicing().name());
        v.put("billingEmail", p.billingEmail());
        v.putObject("tariff").put("maxAttempts", c.tariff().maxAttempts())
                .put("retryDelayMinutes", c.tariff().retryDelay().toMinutes());
        v.put("premiumRateAllowed", c.premiumRateAllowed());
        if (forOperator && c.priceListId() != null) {
            v.put("priceListId", c.priceListId());
        }
        ArrayNode provider = v.putArray("providerNumbers");
        p.providerNumbers().forEach(provider::add);
        ArrayNode own = v.putArray("callerIds");
        new TreeMap<>(c.ownNumbers()).forEach((number, o) -> own.addObject().put("number", number)
                .put("verification", o.verification().name()).put("proofReference", o.proofReference()));
        if (c.contactFileFormat() != null) {
            v.set("contactFileFormat", view(c.contactFileFormat()));
        }
        ObjectNode callee = v.putObject("calleeData");
        c.calleeData().callColumns().forEach(callee.putArray("callColumns")::add);
        if (c.calleeData().retentionDays() != null) {
            callee.put("retentionDays", c.calleeData().retentionDays());
        }
        v.put("formatVersion", p.formatVersion());
        v.put("version", p.version());
        return v;
    }

    static ObjectNode view(ContactFileFormat f) {
        ObjectNode v = HttpJson.object();
        if (f.delimiter() != null) {
            v.put("delimiter", f.delimiter() == '\t' ? "\\t" : String.valueOf(f.delimiter()));
        }
        if (f.encoding() != null) {
            v.put("encoding", f.encoding());
        }
        v.put("headerRow", f.headerRow());
        v.put("phone", f.phone());
        putIf(v, "firstName", f.firstName());
        putIf(v, "lastName", f.lastName());
        putIf(v, "company", f.company());
        putIf(v, "country", f.country());
        putIf(v, "consent", f.consent());
        ObjectNode attributes = v.putObject("attributes");
        f.attributes().forEach(attributes::put);
        return v;
    }

    static ObjectNode view(VersionedCampaign vc) {
        Campaign c = vc.campaign();
        ObjectNode v = HttpJson.object();
        v.put("campaignId", c.campaignId());
        v.put("status", c.status().name());
        v.put("purpose", c.purpose().name());
        putIf(v, "callerId", c.callerId());
        v.put("callerIdSource", c.callerIdSource().name());
        putIf(v, "instructionsRef", c.instructionsRef());
        putIf(v, "instructions", c.instructions());
        putIf(v, "callingHours", c.callingHours());
        v.put("priority", c.priority());
        putIf(v, "startsOn", c.startsOn() == null ? null : c.startsOn().toString());
        putIf(v, "endsOn", c.endsOn() == null ? null : c.endsOn().toString());
        v.put("answeringMachineDetection", c.answeringMachineDetection());
        ObjectNode agents = v.putObject("agents");
        agents.put("dialingMode", c.agents().mode().name());
        putIf(agents, "routingQueueId", c.agents().routingQueueId());
        agents.put("abandonmentTargetPercent", c.agents().abandonmentTarget().movePointRight(2).stripTrailingZeros()
                .toPlainString());
        v.put("version", vc.version());
        return v;
    }

    static ObjectNode view(AuditEntry e) {
        ObjectNode v = HttpJson.object();
        v.put("at", e.at().toString());
        v.put("actor", e.actor());
        v.put("action", e.action());
        v.put("target", e.target());
        ObjectNode changes = v.putObject("changes");
        new TreeMap<>(e.changes()).forEach((field, change) -> {
            ObjectNode pair = changes.putObject(field);
            pair.put("before", change.before());
            pair.put("after", change.after());
        });
        return v;
    }

    private static void putIf(ObjectNode v, String name, String value) {
        if (value != null) {
            v.put(name, value);
        }
    }

    static ObjectNode view(ClientUser u) {
        ObjectNode v = HttpJson.object();
        v.put("email", u.email());
        v.put("role", u.role().name());
        v.put("status", u.status().name());
        v.put("invitedBy", u.invitedBy());
        v.put("invitedAt", u.invitedAt().toString());
        return v;
    }

    /** An erasure request as its client sees it: the number's last two digits only, what was removed once done. */
    static ObjectNode view(com.outboundcalls.account.ErasureRequest e) {
        ObjectNode v = HttpJson.object();
        v.put("requestId", e.requestId());
        v.put("number", e.maskedNumber());
        v.put("status", e.status().name());
        v.put("requestedAt", e.requestedAt().toString());
        v.put("requestedBy", e.requestedBy());
        if (e.completedAt() != null) {
            v.put("completedAt", e.completedAt().toString());
            ObjectNode erased = v.putObject("erased");
            e.erased().forEach(erased::put);
        }
        return v;
    }
}
