package com.outboundcalls.account;

/**
 * Who makes a change: an operator of the provider, or a person of a client's firm acting on its account. The
 * principal is the identity API Gateway authenticated, recorded as is in the audit trail: an operator's IAM role or
 * user ARN, or a client space user ({@code user:email}).
 *
 * @param clientId for a client space user, the account it acts on; null for an operator
 * @param role     for a client space user, the role its client gave it; null for an operator, who may do it all
 */
public record Actor(String principal, Audience audience, String clientId, ClientRole role) {

    public enum Audience { OPERATOR, CLIENT }

    public static Actor operator(String principal) {
        return new Actor(principal, Audience.OPERATOR, null, null);
    }

    /** A person of the client's firm, signed in to the client space with a role. */
    public static Actor user(String email, String clientId, ClientRole role) {
        return new Actor("user:" + email, Audience.CLIENT, clientId, role);
    }

    /**
     * The same person acting on one of its client's sub-accounts (an administrator's right, which
     * {@link ClientSpaceAccess#onSubAccount} checks): its principal and role, the sub-account's id.
     */
    Actor onSubAccount(String subAccountId) {
        return new Actor(principal, audience, subAccountId, role);
    }

    public boolean isOperator() {
        return audience == Audience.OPERATOR;
    }

    /** Whether this actor's role allows what a route does; operators may do it all. */
    public boolean may(ClientRole.Capability capability) {
        return role == null || role.allows(capability);
    }
}
