package com.outboundcalls.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.outboundcalls.json.JsonTrees;
import com.outboundcalls.ingest.ContactIngestion;
import com.outboundcalls.ingest.IngestHandover;
import software.amazon.awssdk.services.sqs.SqsClient;


/** Hands a long contact file over to the next invocation through the ingest handover queue. */
public final class SqsIngestHandover implements IngestHandover {

    private static final java.util.Set<String> FIELDS = java.util.Set.of("bucket", "key", "versionId", "version", "size",
            "leg");

    /** The message: which file version, and which leg of it to run. */
    public record Message(String bucket, String key, String versionId, String version, long size, int leg) {
        public ContactIngestion.UploadedFile file() {
            return new ContactIngestion.UploadedFile(bucket, key, versionId, version, size);
        }

        public static Message fromJson(String json) {
            String what = "an ingest handover message";
            JsonNode root;
            try {
                root = JsonTrees.fields(JsonTrees.read(json), FIELDS, what);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not an ingest handover message", e);
            }
            long leg = JsonTrees.whole(root, "leg", what);
            if (leg < Integer.MIN_VALUE || leg > Integer.MAX_VALUE) {
                throw new IllegalArgumentException(what + "'s leg is out of range");
            }
            return new Message(JsonTrees.text(root, "bucket", what), JsonTrees.text(root, "key", what),
                    JsonTrees.text(root, "versionId", what), JsonTrees.text(root, "version", what),
                    JsonTrees.whole(root, "size", what), (int) leg);
        }

        String toJson() {
            return JsonTrees.write(JsonTrees.object().put("bucket", bucket).put("key", key).put("versionId", versionId)
                    .put("version", version).put("size", size).put("leg", leg));
        }
    }

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsIngestHandover(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void resumeLater(ContactIngestion.UploadedFile file, int leg) {
        String body = new Message(file.bucket(), file.key(), file.versionId(), file.version(), file.size(), leg).toJson();
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
    }

}
