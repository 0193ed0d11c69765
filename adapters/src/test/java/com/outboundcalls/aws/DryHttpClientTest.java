package com.outboundcalls.aws;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DryHttpClientTest {

    private static final software.amazon.awssdk.auth.credentials.AwsCredentialsProvider KEYS_OF_NO_ACCOUNT =
            software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                    software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create("a", "b"));

    /** A request for a service's endpoint that nobody here answers: only the dry client's own server can. */
    private static HttpExecuteRequest request(SdkHttpMethod method, String body) {
        SdkHttpRequest http = SdkHttpRequest.builder().uri(URI.create("https://dynamodb.eu-west-3.amazonaws.com/"))
                .method(method).putHeader("Content-Type", "application/x-amz-json-1.0").build();
        HttpExecuteRequest.Builder request = HttpExecuteRequest.builder().request(http);
        if (body != null) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            request.contentStreamProvider(() -> new java.io.ByteArrayInputStream(bytes));
        }
        return request.build();
    }

    private static String body(HttpExecuteResponse response) throws IOException {
        if (response.responseBody().isEmpty()) {
            return "";
        }
        try (InputStream in = response.responseBody().get()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void aJsonRequestIsAnsweredWithAnEmptyDocumentOverALoopbackSocket() throws IOException {
        DryHttpClient client = DryHttpClient.json();
        try {
            assertFalse(client.overLoopback(), "no server before the first request");
            HttpExecuteResponse response = client.prepareRequest(request(SdkHttpMethod.POST, "{\"TableName\":\"t\"}"))
                    .call();

            assertEquals(200, response.httpResponse().statusCode());
            assertEquals("{}", body(response));
            assertEquals("application/x-amz-json-1.0",
                    response.httpResponse().firstMatchingHeader("Content-Type").orElse(null));
            java.util.zip.CRC32 crc = new java.util.zip.CRC32();
            crc.update("{}".getBytes(StandardCharsets.UTF_8));
            assertEquals(Long.toString(crc.getValue()),
                    response.httpResponse().firstMatchingHeader("x-amz-crc32").orElse(null), "as DynamoDB sends it");
            assertTrue(client.overLoopback(), "answered by its own server on 127.0.0.1");
            assertEquals(1, client.requests());
        } finally {
            client.close();
        }
    }

    /** A DynamoDB client as the functions configure theirs, over this HTTP client. */
    private static software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDbOver(DryHttpClient http) {
        return software.amazon.awssdk.services.dynamodb.DynamoDbClient.builder().httpClient(http)
                .region(software.amazon.awssdk.regions.Region.EU_WEST_3)
                .credentialsProvider(KEYS_OF_NO_ACCOUNT)
                .build();
    }

    @Test
    void aDynamoDbClientChecksTheAnswersCrc32AndFindsNoItem() {
        try (DryHttpClient http = DryHttpClient.json();
             software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo = dynamoDbOver(http)) {
            var answer = dynamo.getItem(r -> r.tableName("t").key(java.util.Map.of("pk",
                    software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x"))));

            assertFalse(answer.hasItem());
            assertTrue(http.overLoopback());
            assertEquals(1, http.requests());
        }
    }

    @Test
    void aDynamoDbClientAskingForItemsOfEveryKindReadsEachKindOfAttribute() {
        try (DryHttpClient http = DryHttpClient.json();
             software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo = dynamoDbOver(http)) {
            var key = java.util.Map.of("pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("x"));
            var item = dynamo.getItem(r -> r.tableName(DryHttpClient.EVERY_KIND_TABLE).key(key)).item();
            java.util.Set<software.amazon.awssdk.services.dynamodb.model.AttributeValue.Type> kinds =
                    java.util.EnumSet.noneOf(software.amazon.awssdk.services.dynamodb.model.AttributeValue.Type.class);
            item.values().forEach(value -> kinds.add(value.type()));
            kinds.add(software.amazon.awssdk.services.dynamodb.model.AttributeValue.Type.UNKNOWN_TO_SDK_VERSION);
            assertEquals(java.util.EnumSet.allOf(software.amazon.awssdk.services.dynamodb.model.AttributeValue.Type.class),
                    kinds, "an attribute of each kind DynamoDB has");
            assertEquals(new java.math.BigDecimal("12.50"), new java.math.BigDecimal(item.get("n").n()));
            assertEquals("\u00e9t\u00e9", item.get("m").m().get("s").s(), "a nested map, its text decoded");
            assertEquals(3, item.get("l").l().size());

            var page = dynamo.query(r -> r.tableName(DryHttpClient.EVERY_KIND_TABLE).keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(java.util.Map.of(":pk", key.get("pk"))));
            assertEquals(2, page.items().size());
            assertTrue(page.hasLastEvaluatedKey(), "a page with more to read after it");

            assertFalse(dynamo.getItem(r -> r.tableName("contacts").key(key)).hasItem(),
                    "any other table: nothing found");
            DryHttpClient.readItemsOfEveryKind(dynamo);
            assertEquals(3 + 4, http.requests());
        }
    }

    @Test
    void aConnectClientReadsAQueueWhereNobodyIsLoggedInAndNothingWaits() {
        try (DryHttpClient http = DryHttpClient.json();
             software.amazon.awssdk.services.connect.ConnectClient connect =
                     software.amazon.awssdk.services.connect.ConnectClient.builder().httpClient(http)
                             .region(software.amazon.awssdk.regions.Region.EU_WEST_3)
                             .credentialsProvider(KEYS_OF_NO_ACCOUNT)
                             .build()) {
            var answer = connect.getCurrentMetricData(r -> r.instanceId("instance").filters(f -> f.queues("q")));
            assertEquals(1, answer.metricResults().size());
            assertEquals(6, answer.metricResults().get(0).collections().size());
            assertTrue(answer.metricResults().get(0).collections().stream().allMatch(c -> c.value() == 0.0));

            var metrics = new ConnectAgentQueues(connect, "instance", java.time.Clock.systemUTC()).current("q");
            assertEquals(new com.outboundcalls.dial.QueueMetrics(0, 0, 0, 0, 0, java.time.Duration.ZERO), metrics);
            assertEquals(2, http.requests());
        }
    }

    @Test
    void anS3ClientListsNoObjectAndReadsAnEmptyOne() throws IOException {
        try (DryHttpClient http = DryHttpClient.rest();
             software.amazon.awssdk.services.s3.S3Client s3 = software.amazon.awssdk.services.s3.S3Client.builder()
                     .httpClient(http).region(software.amazon.awssdk.regions.Region.EU_WEST_3)
                     .credentialsProvider(KEYS_OF_NO_ACCOUNT)
                     .build()) {
            var listing = s3.listObjectsV2(r -> r.bucket("reports").prefix("reports/nobody/"));
            byte[] object = s3.getObjectAsBytes(r -> r.bucket("reports").key("reports/nobody/a.json")).asByteArray();

            assertTrue(listing.contents().isEmpty());
            assertFalse(listing.isTruncated());
            assertEquals(0, object.length, "an object's read gets no listing");
            assertFalse(new S3ObjectSink(s3, "reports").exists("reports/nobody/a.json"),
                    "a look at an object finds none, as for an object S3 does not have");
            assertEquals(3, http.requests());
        }
    }

    @Test
    void anS3RequestIsAnsweredWithNoBodyAndALookAtAnObjectFindsNone() throws IOException {
        DryHttpClient client = DryHttpClient.rest();
        try {
            assertEquals("", body(client.prepareRequest(request(SdkHttpMethod.PUT, "a,b\n1,2\n")).call()));
            HttpExecuteResponse head = client.prepareRequest(request(SdkHttpMethod.HEAD, null)).call();
            assertEquals(404, head.httpResponse().statusCode());
            assertEquals("", body(head));
            assertEquals(2, client.requests());
        } finally {
            client.close();
        }
    }

    @Test
    void closingStopsItsServerAndALaterRequestStartsAnother() throws IOException {
        DryHttpClient client = DryHttpClient.json();
        client.prepareRequest(request(SdkHttpMethod.POST, "{}")).call();
        int port = client.loopbackPort();
        client.close();

        assertFalse(client.overLoopback());
        org.junit.jupiter.api.Assertions.assertThrows(java.net.ConnectException.class,
                () -> new java.net.Socket(java.net.InetAddress.getLoopbackAddress(), port).close(),
                "nothing left listening once closed");

        assertEquals("{}", body(client.prepareRequest(request(SdkHttpMethod.POST, "{}")).call()));
        assertTrue(client.overLoopback());
        client.close();
    }
}
