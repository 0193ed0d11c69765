package com.outboundcalls.account;

/**
 * Who makes a change: an operator of the provider, or a client acting on its own account. The principal is the
 * IAM identity API Gateway authenticated (a role or user ARN), recorded as is in the audit trail.
 *
 * @param clientId for a client, the account its identity is bound to; null for an operator
 */
public record Actor(String principal, Audience audience, String clientId) {

    public enum Audience { OPERATOR, CLIENT }

    public static Actor operator(String principal) {
        return new Actor(principal, Audience.OPERATOR, null);
    }

    public static Actor client(String principal, String clientId) {
        return new Actor(principal, Audience.CLIENT, clientId);
    }

    public boolean isOperator() {
        return audience == Audience.OPERATOR;
    }
}
