package com.outboundcalls.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON trees read and written with Jackson's streaming parser and generator, as a data-binding mapper
 * ({@code ObjectMapper}) reads and writes them with its defaults, without building one: its construction loads some
 * six hundred classes, a third of a second of a function's cold start. Read as the mapper reads a tree: integers as
 * int, long or big integer nodes by size, other numbers as doubles (or, with {@link #readWithDecimals}, as decimals
 * without trailing zeros), a repeated field's last value kept, what follows the first value ignored, and no content at
 * all read as a missing node. Written as the mapper writes a tree, compact or with its default pretty printer.
 */
public final class JsonTrees {

    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private JsonTrees() {
    }

    /** The streaming factory the trees are read and written with, for a caller that writes a document itself. */
    public static JsonFactory factory() {
        return FACTORY;
    }

    public static ObjectNode object() {
        return NODES.objectNode();
    }

    public static ArrayNode array() {
        return NODES.arrayNode();
    }

    public static JsonNode read(String json) throws JsonProcessingException {
        return readText(json, Floats.DOUBLE);
    }

    public static JsonNode read(byte[] json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return root(parser, Floats.DOUBLE);
        }
    }

    public static JsonNode read(InputStream json) throws IOException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return root(parser, Floats.DOUBLE);
        }
    }

    /** As {@link #read(String)}, but numbers with a fraction or an exponent read exactly, as decimals. */
    public static JsonNode readWithDecimals(String json) throws JsonProcessingException {
        return readText(json, Floats.DECIMAL);
    }

    /**
     * As {@link #read(String)}, but numbers with a fraction or an exponent read as the decimals they are, their scale
     * kept ({@code 12.50} stays 12.50): as a mapper reads them into a {@code BigDecimal}.
     */
    public static JsonNode readExactDecimals(String json) throws JsonProcessingException {
        return readText(json, Floats.EXACT);
    }

    private static JsonNode readText(String json, Floats floats) throws JsonProcessingException {
        try (JsonParser parser = FACTORY.createParser(json)) {
            return root(parser, floats);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a string is never short of its bytes
        }
    }

    /** The tree on one line. */
    public static String write(JsonNode node) {
        StringWriter out = new StringWriter();
        writeTo(node, () -> FACTORY.createGenerator(out), false);
        return out.toString();
    }

    /** The tree indented, in UTF-8, as the mapper's default pretty printer lays it out. */
    public static byte[] writePretty(JsonNode node) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writeTo(node, () -> FACTORY.createGenerator(out), true);
        return out.toByteArray();
    }

    /** As {@link #writePretty(JsonNode)}, as text. */
    public static String writePrettyString(JsonNode node) {
        StringWriter out = new StringWriter();
        writeTo(node, () -> FACTORY.createGenerator(out), true);
        return out.toString();
    }

    /** A generator over an output held in memory. */
    private interface Generators {
        JsonGenerator open() throws IOException;
    }

    private static void writeTo(JsonNode node, Generators output, boolean pretty) {
        try (JsonGenerator generator = output.open()) {
            if (pretty) {
                generator.setPrettyPrinter(new DefaultPrettyPrinter());
            }
            write(node, generator);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // memory is never short of room
        }
    }

    /** Writes the tree to a generator the caller holds. */
    public static void write(JsonNode node, JsonGenerator generator) throws IOException {
        switch (node.getNodeType()) {
            case OBJECT -> {
                generator.writeStartObject();
                for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
                    Map.Entry<String, JsonNode> field = fields.next();
                    generator.writeFieldName(field.getKey());
                    write(field.getValue(), generator);
                }
                generator.writeEndObject();
            }
            case ARRAY -> {
                generator.writeStartArray();
                for (JsonNode element : node) {
                    write(element, generator);
                }
                generator.writeEndArray();
            }
            case STRING -> generator.writeString(node.textValue());
            case NUMBER -> {
                switch (node.numberType()) {
                    case INT -> generator.writeNumber(node.intValue());
                    case LONG -> generator.writeNumber(node.longValue());
                    case BIG_INTEGER -> generator.writeNumber(node.bigIntegerValue());
                    case FLOAT -> generator.writeNumber(node.floatValue());
                    case DOUBLE -> generator.writeNumber(node.doubleValue());
                    default -> generator.writeNumber(node.decimalValue());
                }
            }
            case BOOLEAN -> generator.writeBoolean(node.booleanValue());
            case BINARY -> generator.writeBinary(node.binaryValue());
            case NULL, MISSING -> generator.writeNull();
            default -> throw new IllegalArgumentException("a " + node.getNodeType() + " node is not plain JSON");
        }
    }

    /**
     * The tree as plain Java values, as the mapper converts it to {@code Object}: objects as ordered maps, arrays as
     * lists, integers as Integer, Long or BigInteger by size, other numbers as Double (or BigDecimal), text, booleans
     * and nulls.
     */
    public static Object toJava(JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                Map<String, Object> map = new LinkedHashMap<>();
                node.fields().forEachRemaining(field -> map.put(field.getKey(), toJava(field.getValue())));
                return map;
            }
            case ARRAY -> {
                List<Object> list = new ArrayList<>(node.size());
                node.forEach(element -> list.add(toJava(element)));
                return list;
            }
            case STRING -> {
                return node.textValue();
            }
            case NUMBER -> {
                return node.numberValue();
            }
            case BOOLEAN -> {
                return node.booleanValue();
            }
            case BINARY -> {
                try {
                    return node.binaryValue();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            case NULL, MISSING -> {
                return null;
            }
            default -> throw new IllegalArgumentException("a " + node.getNodeType() + " node is not plain JSON");
        }
    }

    /** An object's fields as plain Java values ({@link #toJava}). */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> toMap(ObjectNode node) {
        return (Map<String, Object>) toJava(node);
    }

    /**
     * A message's object of known fields, as a record is read from it: anything but an object, or a field it does
     * not name, is refused ({@code what} names the message: "a dial message").
     */
    public static JsonNode fields(JsonNode node, java.util.Set<String> known, String what) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(what + " is not a JSON object");
        }
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw new IllegalArgumentException(what + " has an unknown field: " + name);
            }
        }
        return node;
    }

    /** A field's text: null when absent or null; anything but text is refused. */
    public static String text(JsonNode object, String field, String what) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(what + "'s " + field + " is not text");
        }
        return value.textValue();
    }

    /** A field's whole number (or its digits as text): 0 when absent or null; anything else is refused. */
    public static long whole(JsonNode object, String field, String what) {
        JsonNode value = object.get(field);
        if (value == null || value.isNull()) {
            return 0;
        }
        if (value.isIntegralNumber() && value.canConvertToLong()) {
            return value.longValue();
        }
        if (value.isTextual() && value.textValue().matches("-?[0-9]{1,18}")) {
            return Long.parseLong(value.textValue());
        }
        throw new IllegalArgumentException(what + "'s " + field + " is not a whole number");
    }

    /** How numbers with a fraction or an exponent are read. */
    private enum Floats {
        /** As doubles, as a mapper reads a tree by default. */
        DOUBLE,
        /** As decimals without trailing zeros, as a mapper reads a tree with {@code USE_BIG_DECIMAL_FOR_FLOATS}. */
        DECIMAL,
        /** As the decimals written, scale kept. */
        EXACT
    }

    private static JsonNode root(JsonParser parser, Floats decimals) throws IOException {
        JsonToken token = parser.nextToken();
        if (token == null) {
            return NODES.missingNode();
        }
        return value(parser, token, decimals);
    }

    private static JsonNode value(JsonParser parser, JsonToken token, Floats decimals) throws IOException {
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                JsonToken next;
                while ((next = parser.nextToken()) == JsonToken.FIELD_NAME) {
                    String name = parser.currentName();
                    object.set(name, value(parser, parser.nextToken(), decimals));
                }
                if (next != JsonToken.END_OBJECT) {
                    throw new IllegalStateException("an object ends with " + next); // the parser refuses it first
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                JsonToken next;
                while ((next = parser.nextToken()) != JsonToken.END_ARRAY) {
                    array.add(value(parser, next, decimals));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(parser.getText());
            }
            case VALUE_NUMBER_INT -> {
                return switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            }
            case VALUE_NUMBER_FLOAT -> {
                if (decimals == Floats.EXACT && !parser.isNaN()) {
                    return DecimalNode.valueOf(parser.getDecimalValue());
                }
                if (decimals == Floats.DECIMAL && !parser.isNaN()) {
                    BigDecimal value = parser.getDecimalValue();
                    return NODES.numberNode(NODES.willStripTrailingBigDecimalZeroes() ? value.stripTrailingZeros() : value);
                }
                return NODES.numberNode(parser.getDoubleValue());
            }
            case VALUE_TRUE -> {
                return NODES.booleanNode(true);
            }
            case VALUE_FALSE -> {
                return NODES.booleanNode(false);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new com.fasterxml.jackson.core.JsonParseException(parser, "unexpected " + token);
        }
    }
}
