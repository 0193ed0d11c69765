package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.S3Event;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class S3EventJsonTest {

    /**
     * As S3 sends it: a versioned object whose key has an encoded space, plus sign and accent; an object of an
     * unversioned bucket (empty version id); one whose size is given as text and one with no size.
     */
    private static final String EVENT = """
            {"Records":[
              {"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-3",
               "eventTime":"2026-12-02T06:30:00.123Z","eventName":"ObjectCreated:Put",
               "userIdentity":{"principalId":"AWS:AIDA"},"requestParameters":{"sourceIPAddress":"10.0.0.1"},
               "responseElements":{"x-amz-request-id":"R","x-amz-id-2":"I"},
               "s3":{"s3SchemaVersion":"1.0","configurationId":"ingest",
                 "bucket":{"name":"uploads","ownerIdentity":{"principalId":"O"},"arn":"arn:aws:s3:::uploads"},
                 "object":{"key":"incoming/acme/u-1/Mes+contacts%2B33+%C3%A9t%C3%A9.csv","size":1048576,
                   "eTag":"0123456789abcdef","versionId":"v.7","sequencer":"0055AED6DCD90281E5"}}},
              {"eventVersion":"2.1","eventSource":"aws:s3","awsRegion":"eu-west-3",
               "eventTime":"2026-12-02T06:30:01Z","eventName":"ObjectCreated:Copy",
               "s3":{"s3SchemaVersion":"1.0","bucket":{"name":"config","arn":"arn:aws:s3:::config"},
                 "object":{"key":"pricelists/2027.csv","size":"42","eTag":"e-2","versionId":""}}},
              {"eventVersion":"2.1","eventSource":"aws:s3","eventTime":"2026-12-02T06:30:02Z",
               "eventName":"ObjectCreated:Put","s3":{"bucket":{"name":"config"},"object":{"key":"a%2Fb","eTag":"e-3"}}}
            ]}""";

    private static List<S3ObjectRef> read(String json) throws IOException {
        return S3EventJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theObjectsAreThoseOfTheEventLambdasOwnSerializersRead() throws IOException {
        S3Event runtimes = LambdaEventSerializers.serializerFor(S3Event.class, getClass().getClassLoader())
                .fromJson(EVENT);
        List<S3ObjectRef> expected = runtimes.getRecords().stream().map(S3ObjectRef::of).toList();
        assertEquals(expected, read(EVENT));
        assertEquals(new S3ObjectRef("uploads", "incoming/acme/u-1/Mes contacts+33 été.csv", "v.7", "v.7", 1048576),
                expected.get(0));
        assertEquals(new S3ObjectRef("config", "pricelists/2027.csv", null, "e-2", 42), expected.get(1));
        assertEquals(new S3ObjectRef("config", "a/b", null, "e-3", 0), expected.get(2));
    }

    @Test
    void aHandlerInvokedAsLambdaInvokesItIsHandedTheObjectsAndAnswersWithAJsonString() throws IOException {
        List<S3ObjectRef> handed = new ArrayList<>();
        S3Handler handler = (objects, context) -> {
            handed.addAll(objects);
            return objects.size() + " \"file(s)\"";
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)), out, (Context) null);
        assertEquals(read(EVENT), handed);
        assertEquals("\"3 \\\"file(s)\\\"\"", out.toString(StandardCharsets.UTF_8));
        assertEquals("3 \"file(s)\"", new ObjectMapper().readValue(out.toByteArray(), String.class));
    }

    @Test
    void anEventThatIsNotAnS3EventIsRefusedWhole() {
        for (String bad : List.of("[]", "\"Records\"", "{\"Records\":{}}", "{\"Records\":[1]}",
                "{\"Records\":[{\"s3\":{}}]}", "{\"Records\":[{\"s3\":{\"bucket\":{\"name\":\"b\"},\"object\":"
                        + "{\"key\":\"k\",\"size\":1.5}}}]}", "{\"Records\":[", "\u0000\u0001binary")) {
            assertThrows(Exception.class, () -> read(bad), bad);
        }
    }
}
