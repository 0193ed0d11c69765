package com.outboundcalls.account;

import java.util.List;

/** Why an administration request changes nothing. Each kind maps to one HTTP status. */
public abstract sealed class RequestRefused extends RuntimeException {

    protected RequestRefused(String message) {
        super(message);
    }

    /** One field of a request and what is wrong with it. */
    public record FieldError(String field, String message) {
    }

    /** The request is malformed or breaks a rule: every field at fault is listed (HTTP 400). */
    public static final class Invalid extends RequestRefused {
        private final List<FieldError> errors;

        public Invalid(List<FieldError> errors) {
            super(errors.stream().map(e -> e.field() + ": " + e.message()).reduce((a, b) -> a + "; " + b).orElse(""));
            this.errors = List.copyOf(errors);
        }

        public static Invalid field(String field, String message) {
            return new Invalid(List.of(new FieldError(field, message)));
        }

        public List<FieldError> errors() {
            return errors;
        }
    }

    /** Nothing of that name in the caller's reach (HTTP 404): the same answer whether it exists elsewhere or not. */
    public static final class NotFound extends RequestRefused {
        public NotFound(String what) {
            super(what + " not found");
        }
    }

    /** The change was made against a version that is no longer the current one (HTTP 409). */
    public static final class StaleVersion extends RequestRefused {
        private final long current;

        public StaleVersion(String what, long given, long current) {
            super(what + " is at version " + current + ", not " + given + ": read it again and redo the change");
            this.current = current;
        }

        public long current() {
            return current;
        }
    }

    /** The thing already exists, or the change does not fit its current state (HTTP 409). */
    public static final class Conflict extends RequestRefused {
        public Conflict(String message) {
            super(message);
        }
    }

    /** The caller is who it says, but its role does not allow this (HTTP 403). */
    public static final class Forbidden extends RequestRefused {
        public Forbidden(String message) {
            super(message);
        }
    }
}
