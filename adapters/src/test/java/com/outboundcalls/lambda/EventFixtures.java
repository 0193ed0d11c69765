package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The Lambda events of the tests, kept as JSON files under {@code /events/} on the test classpath, with
 * {@code ${name}} placeholders filled in by the test. As text for the local cloud (which deserializes it as
 * Lambda does), or as the event object a handler receives, for tests that call a handler directly.
 */
public final class EventFixtures {

    private EventFixtures() {
    }

    /** The fixture's JSON with each {@code ${name}} replaced: {@code json("x.json", "name", "value", ...)}. */
    public static String json(String fixture, String... namesAndValues) {
        if (namesAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("placeholders come as name, value pairs");
        }
        String json;
        try (InputStream in = EventFixtures.class.getResourceAsStream("/events/" + fixture)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture /events/" + fixture + " on the test classpath");
            }
            json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < namesAndValues.length; i += 2) {
            json = json.replace("${" + namesAndValues[i] + "}", namesAndValues[i + 1]);
        }
        if (json.contains("${")) {
            throw new IllegalArgumentException("placeholder left unfilled in " + fixture + ": " + json);
        }
        return json;
    }

    /** The fixture as the event object Lambda's own serializers make of it. */
    public static <T> T event(Class<T> type, String fixture, String... namesAndValues) {
        return LambdaEventSerializers.serializerFor(type, EventFixtures.class.getClassLoader())
                .fromJson(json(fixture, namesAndValues));
    }
}
