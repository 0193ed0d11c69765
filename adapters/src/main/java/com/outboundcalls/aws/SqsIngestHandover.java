package com.outboundcalls.aws;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.ingest.ContactIngestion;
import com.outboundcalls.ingest.IngestHandover;
import software.amazon.awssdk.services.sqs.SqsClient;


/** Hands a long contact file over to the next invocation through the ingest handover queue. */
public final class SqsIngestHandover implements IngestHandover {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The message: which file version, and which leg of it to run. */
    public record Message(String bucket, String key, String versionId, String version, long size, int leg) {
        public ContactIngestion.UploadedFile file() {
            return new ContactIngestion.UploadedFile(bucket, key, versionId, version, size);
        }

        public static Message fromJson(String json) {
            try {
                return JSON.readValue(json, Message.class);
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException("not an ingest handover message", e);
            }
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
        try {
            String body = JSON.writeValueAsString(new Message(file.bucket(), file.key(), file.versionId(), file.version(),
                    file.size(), leg));
            sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
