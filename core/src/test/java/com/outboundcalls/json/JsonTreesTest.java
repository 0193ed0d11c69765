package com.outboundcalls.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The trees read and written as a data-binding mapper with its defaults reads and writes them. */
class JsonTreesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper DECIMALS = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private static final List<String> DOCUMENTS = List.of(
            "{\"a\":1,\"b\":\"text\",\"c\":null,\"d\":true,\"e\":false}",
            "{\"int\":2147483647,\"long\":2147483648,\"big\":123456789012345678901234567890,\"neg\":-9223372036854775809}",
            "{\"f\":12.50,\"g\":0.00,\"h\":1e3,\"i\":-0.0,\"j\":1.5E-7,\"k\":100.10,\"l\":3.141592653589793238462643}",
            "[1,[2,[3,{\"x\":[]}]],{},\"\\u00e9\\n\\t\\\"\"]",
            "{\"dup\":1,\"dup\":2}",
            "\"just text\"",
            "42",
            "{\"a\":1} trailing",
            "{\"nested\":{\"deeper\":{\"deepest\":[true,null,\"é\"]}}}");

    @Test
    void readsEachDocumentAsTheMapperReadsIt() throws Exception {
        for (String doc : DOCUMENTS) {
            assertEquals(MAPPER.readTree(doc), JsonTrees.read(doc), doc);
            assertEquals(MAPPER.readTree(doc), JsonTrees.read(doc.getBytes(StandardCharsets.UTF_8)), doc);
            assertEquals(MAPPER.readTree(doc),
                    JsonTrees.read(new ByteArrayInputStream(doc.getBytes(StandardCharsets.UTF_8))), doc);
            assertEquals(DECIMALS.readTree(doc), JsonTrees.readWithDecimals(doc), doc);
        }
    }

    @Test
    void readsNumbersIntoTheSameNodeTypesAsTheMapper() throws Exception {
        for (String doc : DOCUMENTS) {
            assertSameTypes(MAPPER.readTree(doc), JsonTrees.read(doc));
            assertSameTypes(DECIMALS.readTree(doc), JsonTrees.readWithDecimals(doc));
        }
        assertEquals(new BigDecimal("12.5"), JsonTrees.readWithDecimals("{\"f\":12.50}").get("f").decimalValue());
    }

    @Test
    void writesEachTreeAsTheMapperWritesIt() throws Exception {
        for (String doc : DOCUMENTS) {
            for (JsonNode tree : List.of(MAPPER.readTree(doc), DECIMALS.readTree(doc))) {
                assertEquals(MAPPER.writeValueAsString(tree), JsonTrees.write(tree), doc);
                assertArrayEquals(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(tree),
                        JsonTrees.writePretty(tree), doc);
                assertEquals(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree),
                        JsonTrees.writePrettyString(tree), doc);
            }
        }
        ObjectNode built = JsonTrees.object().put("amount", new BigDecimal("1E+3")).put("n", 7L).put("b", (short) 3)
                .put("fl", 1.25f).put("bin", new byte[]{1, 2, 3});
        built.putArray("list").add(1).addNull();
        assertEquals(MAPPER.writeValueAsString(built), JsonTrees.write(built));
    }

    @Test
    void convertsATreeToPlainValuesAsTheMapperDoes() throws Exception {
        for (String doc : DOCUMENTS) {
            JsonNode tree = MAPPER.readTree(doc);
            assertEquals(MAPPER.convertValue(tree, Object.class), JsonTrees.toJava(tree), doc);
        }
        Map<String, Object> map = JsonTrees.toMap((ObjectNode) MAPPER.readTree(DOCUMENTS.get(1)));
        assertEquals(Integer.class, map.get("int").getClass());
        assertEquals(Long.class, map.get("long").getClass());
        assertEquals(java.math.BigInteger.class, map.get("big").getClass());
    }

    @Test
    void noContentIsAMissingNodeAndBrokenJsonIsRefusedByTheParser() throws Exception {
        assertTrue(JsonTrees.read("").isMissingNode());
        assertTrue(JsonTrees.read(new ByteArrayInputStream(new byte[0])).isMissingNode());
        assertEquals(MAPPER.readTree(""), JsonTrees.read(""));
        for (String broken : List.of("{", "{\"a\":}", "[1,2", "{\"a\" 1}", "nul", "\u0000\u0001binary", "{'a':1}")) {
            assertThrows(JsonProcessingException.class, () -> JsonTrees.read(broken), broken);
            assertThrows(JsonProcessingException.class, () -> MAPPER.readTree(broken), broken);
        }
    }

    @Test
    void aDocumentNestedBeyondTheParsersLimitIsRefusedNotOverflowed() {
        String deep = "[".repeat(5000) + "]".repeat(5000);
        assertThrows(JsonProcessingException.class, () -> JsonTrees.read(deep));
    }

    @Test
    void aMessagesFieldsAreCheckedByNameAndType() throws Exception {
        JsonNode message = JsonTrees.read("{\"id\":\"x\",\"n\":\"12\",\"m\":3}");
        JsonTrees.fields(message, java.util.Set.of("id", "n", "m"), "a message");
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> JsonTrees.fields(message, java.util.Set.of("id", "n"), "a message"));
        assertEquals("a message has an unknown field: m", unknown.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JsonTrees.fields(JsonTrees.read("[]"), java.util.Set.of(), "a message"));
        assertEquals("x", JsonTrees.text(message, "id", "a message"));
        assertEquals(null, JsonTrees.text(message, "absent", "a message"));
        assertThrows(IllegalArgumentException.class, () -> JsonTrees.text(message, "m", "a message"));
        assertEquals(12, JsonTrees.whole(message, "n", "a message"));
        assertEquals(3, JsonTrees.whole(message, "m", "a message"));
        assertEquals(0, JsonTrees.whole(message, "absent", "a message"));
        assertThrows(IllegalArgumentException.class, () -> JsonTrees.whole(message, "id", "a message"));
        assertThrows(IllegalArgumentException.class,
                () -> JsonTrees.whole(JsonTrees.read("{\"n\":1.5}"), "n", "a message"));
    }

    private static void assertSameTypes(JsonNode expected, JsonNode actual) {
        assertEquals(expected.getClass(), actual.getClass(), expected.toString());
        if (expected.isContainerNode()) {
            var names = expected.fieldNames();
            if (expected.isObject()) {
                names.forEachRemaining(name -> assertSameTypes(expected.get(name), actual.get(name)));
            } else {
                for (int i = 0; i < expected.size(); i++) {
                    assertSameTypes(expected.get(i), actual.get(i));
                }
            }
        }
    }
}
