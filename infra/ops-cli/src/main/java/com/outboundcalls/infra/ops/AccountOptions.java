package com.outboundcalls.infra.ops;

import com.fasterxml.jackson.databind.node.ObjectNode;
import picocli.CommandLine.Option;

/** What onboarding a client or a sub-account asks for. */
final class AccountOptions {
    @Option(names = "--id", required = true, description = "The client's id (lower-case letters, digits, dashes).")
    String id;
    @Option(names = "--name", required = true, description = "The client's trading name.")
    String name;
    @Option(names = "--callee-region", defaultValue = "FR", description = "Region its files' national numbers "
            + "belong to (default: FR).")
    String region;
    @Option(names = "--email", required = true, description = "Where invoices and reminders go.")
    String email;
    @Option(names = "--legal-name", description = "Legal name on invoices.")
    String legalName;
    @Option(names = "--street", description = "Registered address: street.")
    String street;
    @Option(names = "--postcode", description = "Registered address: postcode.")
    String postcode;
    @Option(names = "--city", description = "Registered address: city.")
    String city;
    @Option(names = "--country", defaultValue = "FR", description = "Registered address: country (default FR).")
    String country;
    @Option(names = "--siren", description = "SIREN (nine digits) of a French company.")
    String siren;
    @Option(names = "--vat", description = "Intra-community VAT number.")
    String vat;
    @Option(names = "--plan", description = "Plan name.")
    String plan;
    @Option(names = "--plan-price", description = "Plan's monthly price excluding VAT, e.g. 49.00.")
    String planPrice;
    @Option(names = "--numbers", description = "Numbers rented, as quantity@unitPrice.")
    String numbers;
    @Option(names = "--users", description = "User accounts, as quantity@unitPrice.")
    String users;
    @Option(names = "--licences", description = "Call-center licences, as quantity@unitPrice.")
    String licences;
    @Option(names = "--starts-on", description = "First day of service (YYYY-MM-DD).")
    String startsOn;
    @Option(names = "--payment-terms", description = "Days from issue to due date (default 30).")
    Integer paymentTerms;
    @Option(names = "--attempts", defaultValue = "3", description = "Attempts per contact (default 3).")
    int attempts;
    @Option(names = "--retry-delay-minutes", defaultValue = "120", description = "Delay between attempts "
            + "(default 120).")
    int retryDelay;
    @Option(names = "--premium-allowed", description = "The contract allows premium-rate numbers.")
    boolean premium;
    @Option(names = "--price-list", description = "A negotiated price list's id.")
    String priceList;

    ObjectNode body() {
        ObjectNode b = Ops.JSON.createObjectNode().put("clientId", id).put("name", name).put("defaultRegion", region)
                .put("billingEmail", email).put("premiumRateAllowed", premium);
        if (priceList != null) {
            b.put("priceListId", priceList);
        }
        if (legalName != null || siren != null || vat != null) {
            ObjectNode identity = b.putObject("identity").put("name", legalName).put("street", street)
                    .put("postcode", postcode).put("city", city).put("country", country).put("vatNumber", vat);
            if (siren != null) {
                identity.put("siren", siren);
            }
        }
        if (plan != null || startsOn != null) {
            ObjectNode subscription = b.putObject("subscription");
            if (plan != null) {
                subscription.putObject("plan").put("name", plan).put("monthlyPrice", planPrice);
            }
            if (numbers != null) {
                subscription.set("numbers", Ops.units(numbers));
            }
            if (users != null) {
                subscription.set("users", Ops.units(users));
            }
            if (licences != null) {
                subscription.set("licences", Ops.units(licences));
            }
            if (startsOn != null) {
                subscription.put("startsOn", startsOn);
            }
            if (paymentTerms != null) {
                subscription.put("paymentTermDays", paymentTerms);
            }
        }
        b.putObject("tariff").put("maxAttempts", attempts).put("retryDelayMinutes", retryDelay);
        return b;
    }
}
