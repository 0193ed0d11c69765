package com.outboundcalls.functions.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.outboundcalls.account.RequestRefused.FieldError;
import com.outboundcalls.account.RequestRefused;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a JSON request field by field, noting every field at fault rather than stopping at the first, so that
 * one 400 answer lists them all. Absent fields read as null; {@link #finish()} throws if anything was wrong.
 */
final class RequestFields {

    private final JsonNode node;
    private final String prefix;
    private final List<FieldError> errors;

    private RequestFields(JsonNode node, String prefix, List<FieldError> errors) {
        this.node = node == null ? MissingNode.getInstance() : node;
        this.prefix = prefix;
        this.errors = errors;
    }

    static RequestFields of(JsonNode body) {
        List<FieldError> errors = new ArrayList<>();
        if (body != null && !body.isMissingNode() && !body.isObject()) {
            errors.add(new FieldError("body", "a JSON object"));
        }
        return new RequestFields(body, "", errors);
    }

    /** The fields of a nested object, reported as {@code parent.field}; empty if absent. */
    RequestFields object(String name) {
        JsonNode value = node.get(name);
        if (value != null && !value.isNull() && !value.isObject()) {
            error(name, "an object");
            value = null;
        }
        return new RequestFields(value, prefix + name + ".", errors);
    }

    /** The names of the object's fields, in order. */
    List<String> names() {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    boolean has(String name) {
        return node.hasNonNull(name);
    }

    boolean present() {
        return !node.isMissingNode() && !node.isNull();
    }

    String text(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            error(name, "a string");
            return null;
        }
        return value.asText();
    }

    String requiredText(String name) {
        String value = text(name);
        if (value == null && !node.has(name)) {
            error(name, "required");
        } else if (value != null && value.isBlank()) {
            error(name, "cannot be blank");
            return null;
        }
        return value;
    }

    Integer integer(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            error(name, "a whole number");
            return null;
        }
        return value.asInt();
    }

    Long longValue(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isIntegralNumber()) {
            error(name, "a whole number");
            return null;
        }
        return value.asLong();
    }

    long requiredVersion() {
        Long version = longValue("version");
        if (version == null && !errors.stream().anyMatch(e -> e.field().equals(prefix + "version"))) {
            error("version", "required: the version this change was made on (optimistic concurrency)");
        }
        return version == null ? -1 : version;
    }

    /** A list of strings, at most {@code max} of them, each at most 100 characters; null when absent. */
    List<String> texts(String name, int max) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isArray() || value.size() > max) {
            error(name, "a list of at most " + max + " strings");
            return null;
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode item : value) {
            if (!item.isTextual() || item.asText().isBlank() || item.asText().length() > 100) {
                error(name, "each a non-blank string of at most 100 characters");
                return null;
            }
            texts.add(item.asText());
        }
        return texts;
    }

    Boolean bool(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            error(name, "true or false");
            return null;
        }
        return value.asBoolean();
    }

    /** A decimal amount, given as a string ("12.50") or a JSON number. */
    BigDecimal decimal(String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        try {
            BigDecimal amount = value.isNumber() ? value.decimalValue() : new BigDecimal(value.asText());
            if (amount.signum() < 0) {
                error(name, "zero or more");
                return null;
            }
            return amount;
        } catch (NumberFormatException e) {
            error(name, "a decimal amount such as \"12.50\"");
            return null;
        }
    }

    LocalDate date(String name) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            error(name, "a date as YYYY-MM-DD");
            return null;
        }
    }

    <E extends Enum<E>> E choice(String name, Class<E> type) {
        String value = text(name);
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            error(name, "one of " + String.join(", ", names));
            return null;
        }
    }

    void error(String name, String message) {
        errors.add(new FieldError(prefix + name, message));
    }

    /** Runs a check that may throw IllegalArgumentException, reporting its message against a field. */
    <T> T checked(String name, java.util.function.Supplier<T> build) {
        try {
            return build.get();
        } catch (IllegalArgumentException e) {
            error(name, e.getMessage());
            return null;
        }
    }

    /** The faults noted so far, across this object and its nested ones. */
    List<FieldError> errors() {
        return List.copyOf(errors);
    }

    boolean ok() {
        return errors.isEmpty();
    }

    void finish() {
        if (!errors.isEmpty()) {
            throw new RequestRefused.Invalid(errors);
        }
    }
}
