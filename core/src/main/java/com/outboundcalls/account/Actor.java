package com.outboundcalls.account;

/**
 * Who makes a change: an operator of the provider, or a client acting on its own account. The principal is the
 * identity API Gateway authenticated, recorded as is in the audit trail: an IAM role or user ARN, or a client
 * space user ({@code user:email}).
 *
 * @param clientId for a client, the account its identity is bound to; null for an operator
 * @param role     for a client space user, the role its client gave it; null for an operator or an IAM principal
 *                 bound to the client, which may do all a client may
 */
public record Actor(String principal, Audience audience, String clientId, ClientRole role) {

    public enum Audience { OPERATOR, CLIENT }

    public static Actor operator(String principal) {
        return new Actor(principal, Audience.OPERATOR, null, null);
    }

    public static Actor client(String principal, String clientId) {
        return new Actor(principal, Audience.CLIENT, clientId, null);
    }

    /** A person of the client's firm, signed in to the client space with a role. */
    public static Actor user(String email, String clientId, ClientRole role) {
        return new Actor("user:" + email, Audience.CLIENT, clientId, role);
    }

    public boolean isOperator() {
        return audience == Audience.OPERATOR;
    }

    /** Whether this actor's role allows what a route does; operators and bound principals may do it all. */
    public boolean may(ClientRole.Capability capability) {
        return role == null || role.allows(capability);
    }
}
