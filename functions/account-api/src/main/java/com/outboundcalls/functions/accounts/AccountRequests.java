package com.outboundcalls.functions.accounts;

import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.CampaignAdministration.CampaignSettings;
import com.outboundcalls.account.Client;
import com.outboundcalls.account.ClientAccounts;
import com.outboundcalls.account.ClientProfile;
import com.outboundcalls.account.ContactFileFormat;
import com.outboundcalls.account.LegalEntity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads the accounts API's request bodies into the administration's requests, collecting every field at fault. */
final class AccountRequests {

    private AccountRequests() {
    }

    static ClientAccounts.Onboarding onboarding(RequestFields in) {
        String clientId = in.requiredText("clientId");
        String name = in.requiredText("name");
        String region = in.text("defaultRegion");
        String email = in.requiredText("billingEmail");
        RequestFields id = in.object("identity");
        LegalEntity identity = null;
        if (id.present()) {
            String idName = id.requiredText("name");
            String street = id.requiredText("street");
            String postcode = id.requiredText("postcode");
            String city = id.requiredText("city");
            String country = id.text("country") == null ? "FR" : id.text("country");
            String siren = id.text("siren");
            String vat = id.requiredText("vatNumber");
            if (id.ok()) {
                Optional<String> refusal = LegalEntity.refusal(idName, street, postcode, city, country, siren, vat);
                if (refusal.isPresent()) {
                    in.error("identity", refusal.get());
                } else {
                    identity = new LegalEntity(idName, street, postcode, city, country, siren, vat);
                }
            }
        }
        RequestFields sub = in.object("subscription");
        BillingAccount.Plan plan = plan(sub.object("plan"), sub, "plan");
        BillingAccount.Units numbers = units(sub.object("numbers"), sub, "numbers");
        BillingAccount.Units users = units(sub.object("users"), sub, "users");
        BillingAccount.Units licences = units(sub.object("licences"), sub, "licences");
        var startsOn = sub.date("startsOn");
        Integer terms = sub.integer("paymentTermDays");
        Client.Tariff tariff = tariff(in.object("tariff"), in);
        Boolean premium = in.bool("premiumRateAllowed");
        String priceList = in.text("priceListId");
        ClientProfile.Invoicing invoicing = in.choice("invoicing", ClientProfile.Invoicing.class);
        return new ClientAccounts.Onboarding(clientId, name, region == null ? "FR" : region, identity, email,
                plan, numbers, users, licences, startsOn, terms, tariff, premium != null && premium, priceList, invoicing);
    }

    static BillingAccount.Plan plan(RequestFields in, RequestFields parent, String name) {
        if (!in.present()) {
            return null;
        }
        String planName = in.requiredText("name");
        var price = in.decimal("monthlyPrice");
        if (price == null && !in.has("monthlyPrice")) {
            in.error("monthlyPrice", "required");
        }
        return planName == null || price == null ? null
                : parent.checked(name, () -> new BillingAccount.Plan(planName, price));
    }

    static BillingAccount.Units units(RequestFields in, RequestFields parent, String name) {
        if (!in.present()) {
            return null;
        }
        Integer quantity = in.integer("quantity");
        var price = in.decimal("unitPrice");
        if (quantity == null || price == null) {
            if (!in.has("quantity") || !in.has("unitPrice")) {
                parent.error(name, "quantity and unitPrice are both required");
            }
            return null;
        }
        return parent.checked(name, () -> new BillingAccount.Units(quantity, price));
    }

    static Client.Tariff tariff(RequestFields in, RequestFields parent) {
        if (!in.present()) {
            return null;
        }
        Integer attempts = in.integer("maxAttempts");
        Integer delay = in.integer("retryDelayMinutes");
        if (attempts == null || delay == null) {
            if (!in.has("maxAttempts") || !in.has("retryDelayMinutes")) {
                parent.error("tariff", "maxAttempts and retryDelayMinutes are both required");
            }
            return null;
        }
        return parent.checked("tariff", () -> ClientAccounts.tariff(attempts, delay));
    }

    static ClientAccounts.ClientChanges clientChanges(RequestFields in) {
        var changes = new ClientAccounts.ClientChanges(in.text("name"), in.text("billingEmail"),
                tariff(in.object("tariff"), in), in.bool("premiumRateAllowed"), in.text("priceListId"),
                calleeData(in.object("calleeData"), in));
        in.finish();
        return changes;
    }

    /** The client's instructions for its callees' data: {@code {"callColumns": [...], "retentionDays": 90}}. */
    static com.outboundcalls.account.CalleeDataTerms calleeData(RequestFields in, RequestFields parent) {
        if (!in.present()) {
            return null;
        }
        List<String> columns = in.texts("callColumns", 50);
        Integer days = in.integer("retentionDays");
        return parent.checked("calleeData", () -> new com.outboundcalls.account.CalleeDataTerms(
                columns == null ? null : java.util.Set.copyOf(columns), days));
    }

    static ClientAccounts.SubscriptionChanges subscriptionChanges(RequestFields in) {
        return new ClientAccounts.SubscriptionChanges(plan(in.object("plan"), in, "plan"),
                units(in.object("numbers"), in, "numbers"), units(in.object("users"), in, "users"),
                units(in.object("licences"), in, "licences"), in.date("effectiveOn"));
    }

    static CampaignSettings campaignSettings(RequestFields in) {
        return new CampaignSettings(in.choice("purpose", Campaign.Purpose.class), in.text("callerId"),
                in.choice("callerIdSource", Campaign.CallerIdSource.class), in.text("instructionsRef"),
                in.text("instructions"), in.text("callingHours"), in.integer("priority"), in.date("startsOn"),
                in.date("endsOn"), in.bool("answeringMachineDetection"), agents(in.object("agents"), in));
    }

    /** {@code {"dialingMode": "PREDICTIVE", "routingQueueId": "...", "abandonmentTargetPercent": "3"}}, or null. */
    static com.outboundcalls.account.AgentAssistance agents(RequestFields in, RequestFields parent) {
        if (!in.present()) {
            return null;
        }
        com.outboundcalls.account.AgentAssistance.DialingMode mode =
                in.choice("dialingMode", com.outboundcalls.account.AgentAssistance.DialingMode.class);
        String queue = in.text("routingQueueId");
        java.math.BigDecimal percent = in.decimal("abandonmentTargetPercent");
        return parent.checked("agents", () -> new com.outboundcalls.account.AgentAssistance(mode, queue,
                percent == null ? null : percent.movePointLeft(2)));
    }

    static ContactFileFormat format(RequestFields in) {
        if (!in.present()) {
            in.error("", "required");
            return null;
        }
        String delimiter = in.text("delimiter");
        String encoding = in.text("encoding");
        Boolean header = in.bool("headerRow");
        String phone = in.requiredText("phone");
        Map<String, String> attributes = new LinkedHashMap<>();
        RequestFields attrs = in.object("attributes");
        if (attrs.present()) {
            attrs.names().forEach(name -> attributes.put(name, attrs.text(name)));
        }
        if (delimiter != null && delimiter.length() != 1 && !delimiter.equals("\\t")) {
            in.error("delimiter", "one character");
            return null;
        }
        if (phone == null) {
            return null;
        }
        Character d = delimiter == null ? null : delimiter.equals("\\t") ? '\t' : delimiter.charAt(0);
        return in.checked("format", () -> new ContactFileFormat(d, encoding, header == null || header, phone,
                in.text("firstName"), in.text("lastName"), in.text("company"), in.text("country"), in.text("consent"),
                attributes));
    }
}
