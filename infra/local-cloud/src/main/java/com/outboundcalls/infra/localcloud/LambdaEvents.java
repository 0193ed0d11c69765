package com.outboundcalls.infra.localcloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The event JSON Lambda sends to a function, for the local event sources and for tests. */
public final class LambdaEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private LambdaEvents() {
    }

    /** One SQS message as the SQS event source hands it over. */
    public record SqsRecord(String messageId, String receiptHandle, String body, Map<String, String> attributes) {
        /** A message delivered for the first time, with fresh ids. */
        public static SqsRecord of(String body) {
            String id = UUID.randomUUID().toString();
            return new SqsRecord(id, "local-" + id, body, Map.of("ApproximateReceiveCount", "1"));
        }
    }

    /** The SQS event ({@code {"Records": [...]}}) for messages of one queue. */
    public static String sqs(String queueArn, String region, List<SqsRecord> records) {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode array = root.putArray("Records");
        for (SqsRecord m : records) {
            ObjectNode r = array.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            ObjectNode attributes = r.putObject("attributes");
            m.attributes().forEach(attributes::put);
            r.putObject("messageAttributes");
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", queueArn);
            r.put("awsRegion", region);
        }
        return root.toString();
    }

    /** The SQS event for message bodies sent to a queue of this local cloud's template. */
    public static String sqs(LocalCloud cloud, String queueLogicalId, List<String> bodies) {
        return sqs(cloud.arn(queueLogicalId), LocalCloud.REGION, bodies.stream().map(SqsRecord::of).toList());
    }
}
