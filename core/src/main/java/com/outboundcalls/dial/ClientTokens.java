package com.outboundcalls.dial;

/** Connect ClientTokens derived from (contact, attempt); Connect honours them for 7 days. */
public final class ClientTokens {
    private ClientTokens() {
    }

    public static String of(String contactId, int attempt) {
        return contactId + "-a" + attempt;
    }
}
