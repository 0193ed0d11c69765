package com.outboundcalls.account;

import com.outboundcalls.account.RequestRefused.FieldError;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** The checks every account change shares: who may act, the shapes of ids, refusing with every field at fault. */
final class AccountRules {

    /** Ids go into object keys and table keys: lower-case letters, digits and dashes. */
    static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private AccountRules() {
    }

    static void requireOperator(Actor actor) {
        if (!actor.isOperator()) {
            throw new RequestRefused.NotFound("route"); // a client learns nothing of operator-only operations
        }
    }

    /** A client acts on its own account only; anything else does not exist for it. */
    static void requireScope(Actor actor, String clientId) {
        if (!actor.isOperator() && !Objects.equals(actor.clientId(), clientId)) {
            throw new RequestRefused.NotFound("client " + clientId);
        }
    }

    static void refuseIf(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new RequestRefused.Invalid(errors);
        }
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
