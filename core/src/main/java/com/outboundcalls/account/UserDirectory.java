package com.outboundcalls.account;

/**
 * Where client space users sign in (a Cognito user pool in production): the system invites them, with the client
 * and role set by the system, never by the user, and ends their access.
 */
public interface UserDirectory {

    /**
     * Creates the user and sends it a temporary password to change at first sign-in. Inviting again the same
     * address for the same client and role does nothing more (a retried request); a disabled user is invited
     * afresh, for the client and role given now.
     *
     * @throws RequestRefused.Conflict when the address is an enabled user of another client or another role
     */
    void invite(String email, String clientId, ClientRole role);

    /** Disables the user and revokes its sessions: it can no longer sign in. Doing it twice changes nothing. */
    void disable(String email);
}
