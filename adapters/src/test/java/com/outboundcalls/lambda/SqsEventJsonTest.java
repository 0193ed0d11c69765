package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SqsEventJsonTest {

    /** As an SQS event source sends it: two records, one with attributes of each kind. */
    private static final String EVENT = """
            {"Records":[
              {"messageId":"m-1","receiptHandle":"r-1","body":"{\\"clientId\\":\\"acme\\"}","md5OfBody":"abc",
               "md5OfMessageAttributes":"def",
               "attributes":{"ApproximateReceiveCount":"2","SentTimestamp":"1791360000000","MessageGroupId":"g"},
               "messageAttributes":{"kind":{"stringValue":"dial","stringListValues":[],"binaryListValues":[],
                 "dataType":"String"},"blob":{"binaryValue":"AAEC","stringListValues":[],"binaryListValues":[],
                 "dataType":"Binary"}},
               "eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:eu-west-3:000000000000:q","awsRegion":"eu-west-3"},
              {"messageId":"m-2","receiptHandle":"r-2","body":"é ✓","attributes":{},"messageAttributes":{},
               "eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:eu-west-3:000000000000:q","awsRegion":"eu-west-3"}
            ]}""";

    private static SQSEvent read(String json) throws IOException {
        return SqsEventJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void anEventIsReadAsLambdasOwnSerializersReadIt() throws IOException {
        SQSEvent runtimes = LambdaEventSerializers.serializerFor(SQSEvent.class, getClass().getClassLoader())
                .fromJson(EVENT);
        assertEquals(runtimes.toString(), read(EVENT).toString());
        assertEquals(runtimes, read(EVENT));
    }

    @Test
    void theBatchResponseIsWhatLambdasOwnSerializersReadBack() throws IOException {
        SQSBatchResponse response = SQSBatchResponse.builder().withBatchItemFailures(List.of(
                SQSBatchResponse.BatchItemFailure.builder().withItemIdentifier("m-2").build())).build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SqsEventJson.write(response, out);
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}", out.toString(StandardCharsets.UTF_8));
        assertEquals(response, LambdaEventSerializers.serializerFor(SQSBatchResponse.class, getClass().getClassLoader())
                .fromJson(out.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void aHandlerInvokedAsLambdaInvokesItAnswersWithTheFailuresOfItsTypedOverload() throws IOException {
        List<String> bodies = new ArrayList<>();
        SqsBatch batch = new SqsBatch(new StructuredLog("test"));
        SqsHandler handler = (event, context) -> batch.process(event, message -> {
            bodies.add(message.getBody());
            if (message.getMessageId().equals("m-2")) {
                throw new IllegalArgumentException("unreadable");
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(EVENT.getBytes(StandardCharsets.UTF_8)), out,
                (Context) null);
        assertEquals(List.of("{\"clientId\":\"acme\"}", "é ✓"), bodies);
        assertEquals("{\"batchItemFailures\":[{\"itemIdentifier\":\"m-2\"}]}", out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void anEventThatIsNotAnSqsEventIsRefusedWhole() {
        for (String bad : List.of("[]", "\"Records\"", "{\"Records\":{}}", "{\"Records\":[1]}", "{\"Records\":[",
                "\u0000\u0001binary")) {
            assertThrows(Exception.class, () -> read(bad), bad);
        }
    }

    @Test
    void aRecordWithoutAttributesOrWithAttributesThatAreNoObjectHasNone() throws IOException {
        for (String record : List.of("{\"messageId\":\"m\",\"body\":\"b\"}",
                "{\"messageId\":\"m\",\"body\":\"b\",\"attributes\":\"x\",\"messageAttributes\":[1]}")) {
            SQSEvent.SQSMessage message = read("{\"Records\":[" + record + "]}").getRecords().get(0);
            assertEquals(java.util.Map.of(), message.getAttributes(), record);
            assertEquals(java.util.Map.of(), message.getMessageAttributes(), record);
            assertEquals("b", message.getBody());
        }
    }

    @Test
    void anEventWithoutRecordsHasNone() throws IOException {
        assertEquals(List.of(), read("{}").getRecords());
    }
}
