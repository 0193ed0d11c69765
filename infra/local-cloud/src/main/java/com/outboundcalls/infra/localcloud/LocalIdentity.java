package com.outboundcalls.infra.localcloud;

import java.util.List;

/**
 * An IAM identity of the local cloud: its key pair, the ARN API Gateway reports for it, and the
 * {@code execute-api:Invoke} resources its policies allow (null: every resource, as for an administrator).
 */
record LocalIdentity(String accessKey, String secretKey, String callerArn, List<String> invokable) {

    /** Whether these policies allow invoking this execute-api resource; {@code *} matches any characters. */
    boolean mayInvoke(String resourceArn) {
        if (invokable == null) {
            return true;
        }
        return invokable.stream().anyMatch(pattern -> matches(pattern, resourceArn));
    }

    /** IAM's wildcard match: {@code *} any run of characters (slashes included), {@code ?} one character. */
    static boolean matches(String pattern, String value) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(java.util.regex.Pattern.quote(String.valueOf(c)));
            }
        }
        return value.matches(regex.toString());
    }
}
