package com.outboundcalls.aws;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.SdkHttpResponse;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP client that sends nothing to any service: each request is marshalled and signed by the SDK as for a service,
 * then answered 200 with an empty document ({@code {}} for the JSON protocols, an empty body for S3's, a listing of
 * no object for an S3 listing, a queue's current metrics all at zero for Connect's), or, for a look at an S3 object,
 * 404 as for an object that does not exist; a DynamoDB request naming {@link #EVERY_KIND_TABLE}, with items that
 * hold an attribute of every kind. A call through
 * it finds nothing and changes nothing; it is how a function runs its own path before a SnapStart snapshot (see
 * {@code Wiring#dry}).
 *
 * <p>The answer comes over a loopback socket: the request, its host and port changed to a server of this client's own
 * on 127.0.0.1, goes through the same HTTP client as the function's real calls ({@link UrlConnectionHttpClient} over
 * {@link SingleWriteConnections}), so
 * that its connection, its headers and its streamed answer are loaded and run before the snapshot too. Where no such
 * server can be started, the answer is made in memory. {@link #close()} stops the server.
 */
public final class DryHttpClient implements SdkHttpClient {

    /** What a request is answered with, from its method, its path and its query string (null when it has none). */
    private interface Answers {
        Answer to(String method, String path, String query, byte[] body);
    }

    /** An answer's status and body. */
    private record Answer(int status, byte[] body) {
        static Answer ok(byte[] body) {
            return new Answer(200, body);
        }
    }

    private static final String JSON = "application/x-amz-json-1.0";
    private static final byte[] NO_BODY = new byte[0];
    private static final byte[] EMPTY_DOCUMENT = "{}".getBytes(StandardCharsets.UTF_8);
    /** An S3 listing of no object, as S3 writes it. */
    private static final byte[] EMPTY_LISTING = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>dry</Name><Prefix></Prefix>"
            + "<KeyCount>0</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated></ListBucketResult>")
            .getBytes(StandardCharsets.UTF_8);

    /**
     * Connect's current metrics of a queue where nobody is logged in and nothing waits (what an empty answer means
     * too), as Connect writes them: one result per queue, each metric asked for at zero.
     */
    private static final byte[] IDLE_QUEUE_METRICS = ("{\"MetricResults\":[{\"Dimensions\":{\"Channel\":\"VOICE\","
            + "\"Queue\":{\"Arn\":\"arn:aws:connect:eu-west-3:000000000000:instance/dry/queue/dry\",\"Id\":\"dry\"}},"
            + "\"Collections\":[" + String.join(",", java.util.stream.Stream.of("AGENTS_ONLINE", "AGENTS_AVAILABLE",
                    "AGENTS_ON_CONTACT", "AGENTS_AFTER_CONTACT_WORK", "CONTACTS_IN_QUEUE")
                    .map(name -> "{\"Metric\":{\"Name\":\"" + name + "\",\"Unit\":\"COUNT\"},\"Value\":0.0}").toList())
            + ",{\"Metric\":{\"Name\":\"OLDEST_CONTACT_AGE\",\"Unit\":\"SECONDS\"},\"Value\":0.0}]}],"
            + "\"DataSnapshotTime\":0}").getBytes(StandardCharsets.UTF_8);

    /**
     * The table a request names to be answered with items (see {@link #EVERY_KIND}): a name no table of the stack has
     * (DynamoDB's table names cannot hold a space).
     */
    public static final String EVERY_KIND_TABLE = "dry items of every kind";

    /** An item with an attribute of each of DynamoDB's kinds, a map and a list nested. */
    private static final String ITEM = "{\"pk\":{\"S\":\"dry\"},\"sk\":{\"S\":\"dry#1\"},\"n\":{\"N\":\"12.50\"},"
            + "\"i\":{\"N\":\"-3\"},\"b\":{\"B\":\"AAEC\"},\"t\":{\"BOOL\":true},\"z\":{\"NULL\":true},"
            + "\"m\":{\"M\":{\"s\":{\"S\":\"\u00e9t\u00e9\"},\"n\":{\"N\":\"1\"},\"l\":{\"L\":[]}}},"
            + "\"l\":{\"L\":[{\"S\":\"a\"},{\"N\":\"2\"},{\"M\":{\"k\":{\"S\":\"v\"}}}]},"
            + "\"ss\":{\"SS\":[\"a\",\"b\"]},\"ns\":{\"NS\":[\"1\",\"2.5\"]},\"bs\":{\"BS\":[\"AA==\"]}}";

    /**
     * What a request naming {@link #EVERY_KIND_TABLE} is answered: items with an attribute of each kind, in each of
     * the places DynamoDB's answers carry them (an item read, items queried with the key to go on from, attributes
     * updated, items read in a batch), so that the SDK reads each kind before a snapshot, as real answers make it.
     */
    private static final byte[] EVERY_KIND = ("{\"Item\":" + ITEM + ",\"Items\":[" + ITEM + "," + ITEM + "],"
            + "\"Count\":2,\"ScannedCount\":2,\"LastEvaluatedKey\":{\"pk\":{\"S\":\"dry\"},\"sk\":{\"S\":\"dry#2\"}},"
            + "\"Attributes\":" + ITEM + ",\"Responses\":{\"" + EVERY_KIND_TABLE + "\":[" + ITEM + "]},"
            + "\"UnprocessedKeys\":{}}").getBytes(StandardCharsets.UTF_8);

    /**
     * Asks a dry DynamoDB client for items of every kind, as a function's reads get them (an item, a page of a query,
     * an update's attributes, a batch): before a snapshot, the SDK's reading of each kind of attribute is loaded and
     * run, which answers of nothing never reach.
     */
    public static void readItemsOfEveryKind(software.amazon.awssdk.services.dynamodb.DynamoDbClient dry) {
        java.util.Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue> key = java.util.Map.of(
                "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("dry"),
                "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("dry#1"));
        dry.getItem(r -> r.tableName(EVERY_KIND_TABLE).key(key));
        dry.query(r -> r.tableName(EVERY_KIND_TABLE).keyConditionExpression("pk = :pk")
                .expressionAttributeValues(java.util.Map.of(":pk", key.get("pk"))));
        dry.updateItem(r -> r.tableName(EVERY_KIND_TABLE).key(key).updateExpression("SET n = :n")
                .expressionAttributeValues(java.util.Map.of(":n",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1")))
                .returnValues(software.amazon.awssdk.services.dynamodb.model.ReturnValue.ALL_NEW));
        dry.batchGetItem(r -> r.requestItems(java.util.Map.of(EVERY_KIND_TABLE,
                software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes.builder().keys(key).build())));
    }

    private static boolean asksForEveryKind(byte[] body) {
        return body.length > 0 && new String(body, StandardCharsets.UTF_8).contains(EVERY_KIND_TABLE);
    }

    private final Answers answers;
    private final String contentType;
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Loopback loopback;
    private volatile boolean inMemory;

    private DryHttpClient(Answers answers, String contentType) {
        this.answers = answers;
        this.contentType = contentType;
    }

    /**
     * For the services that speak JSON (DynamoDB, SQS, Connect, SES, Cognito, Secrets Manager): an empty document, with
     * the CRC32 of its bytes in {@code x-amz-crc32} as DynamoDB sends it (the SDK then checks it, as on a real answer).
     */
    public static DryHttpClient json() {
        return new DryHttpClient((method, path, query, body) -> Answer.ok(
                path != null && path.startsWith("/metrics/current/") ? IDLE_QUEUE_METRICS
                        : asksForEveryKind(body) ? EVERY_KIND : EMPTY_DOCUMENT), JSON);
    }

    /**
     * For S3, whose empty answers have no body, but for a listing (ListObjectsV2), answered as S3 lists no object: an
     * XML document, so that its parsing is primed too; and a look at an object (HeadObject), answered as S3 answers for
     * an object that does not exist (404, no body): nothing is there.
     */
    public static DryHttpClient rest() {
        return new DryHttpClient((method, path, query, body) -> {
            if (method.equals("HEAD")) {
                return new Answer(404, NO_BODY);
            }
            return Answer.ok(method.equals("GET") && query != null
                    && java.util.Arrays.asList(query.split("&")).contains("list-type=2") ? EMPTY_LISTING : NO_BODY);
        }, "application/xml");
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                requests.incrementAndGet();
                SdkHttpRequest http = request.httpRequest();
                Loopback server = loopback();
                if (server != null) {
                    return server.call(request);
                }
                byte[] sent = NO_BODY;
                if (request.contentStreamProvider().isPresent()) {
                    try (InputStream body = request.contentStreamProvider().get().newStream()) {
                        sent = body.readAllBytes();
                    }
                }
                Answer answer = answers.to(http.method().name(), http.encodedPath(),
                        http.encodedQueryParameters().orElse(null), sent);
                SdkHttpResponse.Builder response = SdkHttpResponse.builder().statusCode(answer.status())
                        .putHeader("Content-Type", contentType)
                        .putHeader("Content-Length", String.valueOf(answer.body().length));
                if (contentType.equals(JSON)) {
                    response.putHeader("x-amz-crc32", crc32(answer.body()));
                }
                return HttpExecuteResponse.builder()
                        .response(response.build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer.body())))
                        .build();
            }

            @Override
            public void abort() {
                // answered at once: nothing to abort
            }
        };
    }

    /** The loopback server, started on the first request; null when it cannot be (answers are then made in memory). */
    private synchronized Loopback loopback() {
        if (loopback == null && !inMemory) {
            try {
                loopback = new Loopback(answers, contentType);
            } catch (IOException | RuntimeException | LinkageError noServer) {
                inMemory = true;
            }
        }
        return loopback;
    }

    /** The port its loopback server listens on, or -1 when none is running. */
    synchronized int loopbackPort() {
        return loopback == null ? -1 : loopback.server.getAddress().getPort();
    }

    /** Whether this client's answers came over a loopback socket (false before its first request). */
    public boolean overLoopback() {
        return loopback != null;
    }

    /** How many requests this client has answered. */
    public int requests() {
        return requests.get();
    }

    /** Stops the loopback server, if one was started; later requests start another. */
    @Override
    public synchronized void close() {
        if (loopback != null) {
            loopback.close();
            loopback = null;
        }
    }

    /**
     * A server on 127.0.0.1 that answers every request with the dry answer, and the HTTP client the function's real
     * calls go through, to reach it.
     */
    private static final class Loopback {

        private final com.sun.net.httpserver.HttpServer server;
        private final SdkHttpClient http = UrlConnectionHttpClient.create(new SingleWriteConnections());

        Loopback(Answers answers, String contentType) throws IOException {
            server = com.sun.net.httpserver.HttpServer.create(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                try (exchange) {
                    byte[] sent = exchange.getRequestBody().readAllBytes();
                    Answer answer = answers.to(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                            exchange.getRequestURI().getRawQuery(), sent);
                    byte[] body = answer.body();
                    exchange.getResponseHeaders().set("Content-Type", contentType);
                    if (contentType.equals(JSON)) {
                        exchange.getResponseHeaders().set("x-amz-crc32", crc32(body));
                    }
                    boolean head = exchange.getRequestMethod().equals("HEAD");
                    exchange.sendResponseHeaders(answer.status(), body.length == 0 || head ? -1 : body.length);
                    if (body.length > 0 && !head) {
                        exchange.getResponseBody().write(body);
                    }
                }
            });
            server.start();
        }

        HttpExecuteResponse call(HttpExecuteRequest request) throws IOException {
            SdkHttpRequest local = request.httpRequest().toBuilder().protocol("http")
                    .host(server.getAddress().getAddress().getHostAddress()).port(server.getAddress().getPort())
                    .build();
            HttpExecuteRequest.Builder forwarded = HttpExecuteRequest.builder().request(local);
            request.contentStreamProvider().ifPresent(forwarded::contentStreamProvider);
            return http.prepareRequest(forwarded.build()).call();
        }

        void close() {
            server.stop(0);
            http.close();
        }
    }

    /** The CRC32 of a body, in decimal, as DynamoDB's {@code x-amz-crc32} header gives it. */
    static String crc32(byte[] body) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(body);
        return Long.toString(crc.getValue());
    }

    @Override
    public String clientName() {
        return "Dry";
    }
}
