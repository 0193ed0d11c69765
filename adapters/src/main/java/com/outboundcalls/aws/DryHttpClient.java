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
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP client that sends nothing to any service: each request is marshalled and signed by the SDK as for a service,
 * then answered 200 with an empty document ({@code {}} for the JSON protocols, an empty body for S3's, a listing of
 * no object for an S3 listing, a queue's current metrics all at zero for Connect's), or, for a look at an S3 object,
 * 404 as for an object that does not exist. A call through
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
        Answer to(String method, String path, String query);
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
        return new DryHttpClient((method, path, query) -> Answer.ok(
                path != null && path.startsWith("/metrics/current/") ? IDLE_QUEUE_METRICS : EMPTY_DOCUMENT), JSON);
    }

    /**
     * For S3, whose empty answers have no body, but for a listing (ListObjectsV2), answered as S3 lists no object: an
     * XML document, so that its parsing is primed too; and a look at an object (HeadObject), answered as S3 answers for
     * an object that does not exist (404, no body): nothing is there.
     */
    public static DryHttpClient rest() {
        return new DryHttpClient((method, path, query) -> {
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
                Answer answer = answers.to(http.method().name(), http.encodedPath(),
                        http.encodedQueryParameters().orElse(null));
                Loopback server = loopback();
                if (server != null) {
                    return server.call(request);
                }
                if (request.contentStreamProvider().isPresent()) {
                    try (InputStream body = request.contentStreamProvider().get().newStream()) {
                        body.transferTo(OutputStream.nullOutputStream());
                    }
                }
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
                    exchange.getRequestBody().transferTo(OutputStream.nullOutputStream());
                    Answer answer = answers.to(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                            exchange.getRequestURI().getRawQuery());
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
