package com.outboundcalls.account;

import java.time.LocalDate;
import java.util.List;

/**
 * A client account as operators manage it: what the dialing side reads ({@link Client}) and what only
 * administration needs. Every change makes a new version; a change made against an older one is refused.
 *
 * @param parentClientId   the account this one is a sub-account of (e.g. a secretariat account), or null
 * @param invoicing        how a sub-account is invoiced; {@link Invoicing#OWN} for a top-level account
 * @param billingEmail     where invoices and reminders are sent
 * @param suspension       why the account is suspended (by an operator, or for non-payment), or null
 * @param terminatesOn     the last day of service once termination is decided, or null
 * @param providerNumbers  the provider's numbers assigned to this client, which its campaigns may present
 * @param formatVersion    the version of the contact-file format in force (0: none agreed, files read leniently)
 * @param version          the account's version, 1 when onboarded
 */
public record ClientProfile(Client client, String parentClientId, Invoicing invoicing, String billingEmail,
                            Suspension suspension, LocalDate terminatesOn, List<String> providerNumbers,
                            int formatVersion, long version) {

    /** How a sub-account's calls are invoiced, as its contract says. */
    public enum Invoicing {
        /** On an invoice of its own (every top-level account). */
        OWN,
        /** On its parent's invoice, in a section of its own. */
        PARENT_SECTION
    }

    /** Who suspended the account and why. */
    public record Suspension(String by, String note) {
        public static final String OPERATOR = "OPERATOR";
        public static final String NON_PAYMENT = "NON_PAYMENT";
    }

    public ClientProfile {
        invoicing = invoicing == null ? Invoicing.OWN : invoicing;
        providerNumbers = providerNumbers == null ? List.of() : List.copyOf(providerNumbers);
    }

    public String clientId() {
        return client.clientId();
    }

    public ClientProfile with(Client changed) {
        return new ClientProfile(changed, parentClientId, invoicing, billingEmail, suspension, terminatesOn,
                providerNumbers, formatVersion, version);
    }

    public ClientProfile withBillingEmail(String email) {
        return new ClientProfile(client, parentClientId, invoicing, email, suspension, terminatesOn, providerNumbers,
                formatVersion, version);
    }

    public ClientProfile withStanding(Client.AccountStatus status, Suspension why, LocalDate terminates) {
        Client c = client;
        Client changed = new Client(c.clientId(), c.name(), c.defaultRegion(), c.tariff(), status, c.priceListId(),
                c.premiumRateAllowed(), c.contactFileFormat(), c.ownNumbers(), c.calleeData());
        return new ClientProfile(changed, parentClientId, invoicing, billingEmail, why, terminates, providerNumbers,
                formatVersion, version);
    }

    public ClientProfile withProviderNumbers(List<String> numbers) {
        return new ClientProfile(client, parentClientId, invoicing, billingEmail, suspension, terminatesOn, numbers,
                formatVersion, version);
    }

    public ClientProfile withFormat(com.outboundcalls.account.ContactFileFormat format, int newFormatVersion) {
        return new ClientProfile(client.withContactFileFormat(format), parentClientId, invoicing, billingEmail,
                suspension, terminatesOn, providerNumbers, newFormatVersion, version);
    }

    /** The version the next change makes. */
    public ClientProfile nextVersion() {
        return new ClientProfile(client, parentClientId, invoicing, billingEmail, suspension, terminatesOn,
                providerNumbers, formatVersion, version + 1);
    }
}
