package com.outboundcalls.account;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The provider's staff, by IAM principal: who may act as an operator (or on finance's routes), checked in code on
 * every request besides the IAM policy API Gateway checks. An entry is a role or user ARN, or ends with {@code *}
 * for every ARN that starts with what comes before. A session of an assumed role counts as its role.
 */
public final class OperatorAllowList {

    private static final Pattern ASSUMED_ROLE =
            Pattern.compile("arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([^/]+)/.+");

    private final List<String> entries;

    public OperatorAllowList(List<String> entries) {
        this.entries = entries.stream().map(String::strip).filter(e -> !e.isEmpty()).toList();
    }

    /** From a comma-separated list (the stack's OperatorPrincipals); an empty list allows no one. */
    public static OperatorAllowList parse(String commaSeparated) {
        return new OperatorAllowList(commaSeparated == null ? List.of() : List.of(commaSeparated.split(",")));
    }

    public boolean allows(String principalArn) {
        if (principalArn == null || principalArn.isBlank()) {
            return false;
        }
        String principal = principalArn;
        Matcher session = ASSUMED_ROLE.matcher(principalArn);
        if (session.matches()) {
            principal = "arn:" + session.group(1) + ":iam::" + session.group(2) + ":role/" + session.group(3);
        }
        for (String entry : entries) {
            boolean match = entry.endsWith("*") ? principal.startsWith(entry.substring(0, entry.length() - 1))
                    : principal.equals(entry);
            if (match) {
                return true;
            }
        }
        return false;
    }
}
