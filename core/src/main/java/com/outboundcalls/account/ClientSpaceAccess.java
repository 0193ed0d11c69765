package com.outboundcalls.account;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Who a signed-in client space user is, for any function that serves the client space: the client and role its
 * token names (attributes only the system writes), provided its access still holds on this request (its record
 * active for that client, the client not terminated). A token outlives a removal by up to an hour; this check
 * does not.
 */
public final class ClientSpaceAccess {

    private final AccountRecords records;

    public ClientSpaceAccess(AccountRecords records) {
        this.records = records;
    }

    /**
     * The actor for this user, or why it may not act.
     *
     * @throws RequestRefused.Forbidden when the token names no client or role, or the access has ended
     */
    public Actor actor(String email, String clientId, String role) {
        Optional<ClientRole> parsed = ClientRole.parse(role);
        if (email == null || clientId == null || parsed.isEmpty()) {
            throw new RequestRefused.Forbidden("this user has no client space");
        }
        if (!hasAccess(email, clientId)) {
            throw new RequestRefused.Forbidden("this user no longer has access to the client space");
        }
        return Actor.user(email.strip().toLowerCase(Locale.ROOT), clientId, parsed.get());
    }

    /**
     * The actor for the claims of the ID token the client space's JWT authorizer accepted: the user's address, and
     * its client and role as custom attributes. An access token carries neither: the client space sends ID tokens.
     */
    public Actor actor(Map<String, String> claims) {
        boolean idToken = "id".equals(claims.get("token_use"));
        return actor(claims.get("email"), idToken ? claims.get("custom:client_id") : null, claims.get("custom:role"));
    }

    /**
     * An administrator acting on one of its client's sub-accounts ("everything on its own account and its
     * sub-accounts", in the terms). Anything else, another client's account included, is not found.
     *
     * @throws RequestRefused.NotFound when the account is not a sub-account of the user's client
     * @throws RequestRefused.Forbidden when the user's role is not administrator
     */
    public Actor onSubAccount(Actor user, String subAccountId) {
        boolean ours = records.profile(subAccountId == null ? "" : subAccountId)
                .map(p -> user.clientId().equals(p.parentClientId())).orElse(false);
        if (!ours) {
            throw new RequestRefused.NotFound("sub-account " + subAccountId);
        }
        if (user.role() != ClientRole.ADMINISTRATEUR) {
            throw new RequestRefused.Forbidden("only an administrator acts on the sub-accounts");
        }
        return user.onSubAccount(subAccountId);
    }

    /** The sub-accounts of the user's client, for an administrator. */
    public java.util.List<ClientProfile> subAccounts(Actor user) {
        if (user.role() != ClientRole.ADMINISTRATEUR) {
            throw new RequestRefused.Forbidden("only an administrator acts on the sub-accounts");
        }
        return records.subAccounts(user.clientId());
    }

    boolean hasAccess(String email, String clientId) {
        Optional<ClientUser> user = records.user(email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
        return user.isPresent() && user.get().isActive() && user.get().clientId().equals(clientId)
                && records.profile(clientId).map(p -> p.client().status() != Client.AccountStatus.TERMINATED)
                .orElse(false);
    }
}
