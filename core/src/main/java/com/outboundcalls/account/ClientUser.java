package com.outboundcalls.account;

import java.time.Instant;

/**
 * A person of a client's firm with access to its space, as the system records it: the identity provider keeps
 * the password, this record says for which client and in which role, and whether the access still holds.
 */
public record ClientUser(String email, String clientId, ClientRole role, Status status, String invitedBy,
                         Instant invitedAt) {

    public enum Status { ACTIVE, REMOVED }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    ClientUser removed() {
        return new ClientUser(email, clientId, role, Status.REMOVED, invitedBy, invitedAt);
    }
}
