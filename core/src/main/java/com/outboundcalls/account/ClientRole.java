package com.outboundcalls.account;

import java.util.EnumSet;
import java.util.Set;

/**
 * The roles the provider's terms give the people of a client's firm in its space: an administrator does
 * everything on the account, its users included; a supervisor runs campaigns, files, dashboards and reports but
 * sees no invoice; finance reads invoices, exports and notices.
 */
public enum ClientRole {
    ADMINISTRATEUR(EnumSet.allOf(Capability.class)),
    SUPERVISEUR(EnumSet.of(Capability.ACCOUNT, Capability.CAMPAIGNS, Capability.FILES, Capability.REPORTS)),
    FINANCE(EnumSet.of(Capability.ACCOUNT, Capability.INVOICES, Capability.NOTICES));

    /** What a route of the client space does, as a role grants it. */
    public enum Capability {
        /** The account as it stands (read only). */
        ACCOUNT,
        /** The account's settings: contact-file formats, caller-ID requests. */
        SETTINGS,
        CAMPAIGNS,
        /** Contact files and opposition entries. */
        FILES,
        /** Dashboards and campaign reports. */
        REPORTS,
        INVOICES,
        NOTICES,
        /** The account's users: invited, listed, removed. */
        USERS,
        /** The audit trail. */
        AUDIT
    }

    private final Set<Capability> capabilities;

    ClientRole(Set<Capability> capabilities) {
        this.capabilities = capabilities;
    }

    public boolean allows(Capability capability) {
        return capabilities.contains(capability);
    }

    /** The role a token's claim names, if it names one. */
    public static java.util.Optional<ClientRole> parse(String name) {
        for (ClientRole role : values()) {
            if (role.name().equalsIgnoreCase(name == null ? "" : name.strip())) {
                return java.util.Optional.of(role);
            }
        }
        return java.util.Optional.empty();
    }
}
