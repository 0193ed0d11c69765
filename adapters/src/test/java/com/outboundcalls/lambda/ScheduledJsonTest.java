package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ScheduledJsonTest {

    /** The input type of a scheduled handler, as the runtime finds it on the handler's interface. */
    private static final Type INPUT = ((ParameterizedType) ScheduledHandler.class.getGenericInterfaces()[0])
            .getActualTypeArguments()[0];

    private static Map<String, Object> read(String json) throws IOException {
        return ScheduledJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anInputIsReadAsLambdasOwnSerializerReadsIt() throws IOException {
        PojoSerializer<Object> runtimes = JacksonFactory.getInstance().getSerializer(INPUT);
        for (String input : List.of("{\"scheduledTime\":\"2026-12-02T06:00:00Z\"}", "{}",
                "{\"period\":\"2026-11\",\"clients\":[\"acme\",\"globex\"],\"limit\":500,\"rate\":0.5,"
                        + "\"dry\":true,\"nested\":{\"a\":null}}")) {
            assertEquals(runtimes.fromJson(input), read(input), input);
        }
        assertNull(read("null"));
    }

    @Test
    void anAnswerIsWrittenAsTheRuntimeWritesIt() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        ScheduledJson.write("3 campaign(s) reported, \"acme\" é", line);
        assertEquals("3 campaign(s) reported, \"acme\" é", JacksonFactory.getInstance().getSerializer(String.class)
                .fromJson(line.toString(StandardCharsets.UTF_8)));
        ByteArrayOutputStream failures = new ByteArrayOutputStream();
        ScheduledJson.write(SQSBatchResponse.builder().withBatchItemFailures(List.of(
                SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier("m-1").build())).build(), failures);
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-1\"}]}", failures.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aHandlerInvokedAsLambdaInvokesItIsHandedTheInputOfItsTypedOverload() throws IOException {
        ScheduledHandler<String> handler = (input, context) -> "at " + input.get("scheduledTime");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream("{\"scheduledTime\":\"2026-12-01T05:00:00Z\"}"
                .getBytes(StandardCharsets.UTF_8)), out, (Context) null);
        assertEquals("\"at 2026-12-01T05:00:00Z\"", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anInputThatIsNotAJsonObjectIsRefusedWhole() {
        for (String bad : List.of("[]", "\"now\"", "42", "{\"scheduledTime\":", "\u0000\u0001binary")) {
            assertThrows(Exception.class, () -> read(bad), bad);
        }
    }
}
