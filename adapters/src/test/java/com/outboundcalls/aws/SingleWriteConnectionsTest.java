package com.outboundcalls.aws;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The SDK's URL-connection client over {@link SingleWriteConnections}, against a loopback server that reads raw. */
class SingleWriteConnectionsTest {

    /** What the server saw of one request: the bytes of its first read, the whole body, its headers. */
    record Seen(String firstRead, String body, String headers) {
    }

    private ServerSocket server;
    private final List<Seen> seen = new CopyOnWriteArrayList<>();
    private final SdkHttpClient client = UrlConnectionHttpClient.create(new SingleWriteConnections());

    @BeforeEach
    void serve() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread thread = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket socket = server.accept()) {
                    answer(socket);
                } catch (IOException closed) {
                    // the test is over, or the client closed its connection
                }
            }
        }, "raw-http-server");
        thread.setDaemon(true);
        thread.start();
    }

    @AfterEach
    void stop() throws IOException {
        server.close();
        client.close();
    }

    /** Requests on one kept-alive connection, each answered {@code {}}; a request expecting 100 gets it first. */
    private void answer(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        byte[] buffer = new byte[256 * 1024];
        while (true) {
            int n = in.read(buffer);
            if (n < 0) {
                return;
            }
            String firstRead = new String(buffer, 0, n, StandardCharsets.ISO_8859_1);
            ByteArrayOutputStream request = new ByteArrayOutputStream();
            request.write(buffer, 0, n);
            while (!request.toString(StandardCharsets.ISO_8859_1).contains("\r\n\r\n")) {
                request.write(buffer, 0, in.read(buffer));
            }
            String text = request.toString(StandardCharsets.ISO_8859_1);
            String headers = text.substring(0, text.indexOf("\r\n\r\n") + 4);
            int length = Integer.parseInt(header(headers, "Content-Length").orElse("0"));
            if (header(headers, "Expect").isPresent()) {
                out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            }
            while (request.size() < headers.length() + length) {
                request.write(buffer, 0, in.read(buffer));
            }
            String body = request.toString(StandardCharsets.ISO_8859_1).substring(headers.length());
            seen.add(new Seen(firstRead, body, headers));
            out.write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                    .getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }
    }

    private static java.util.Optional<String> header(String headers, String name) {
        for (String line : headers.split("\r\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                return java.util.Optional.of(line.substring(colon + 1).trim());
            }
        }
        return java.util.Optional.empty();
    }

    private String post(String body, boolean expectContinue) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        SdkHttpRequest.Builder http = SdkHttpRequest.builder()
                .uri(URI.create("http://127.0.0.1:" + server.getLocalPort() + "/"))
                .method(SdkHttpMethod.POST).putHeader("Content-Type", "application/x-amz-json-1.0")
                .putHeader("Content-Length", Integer.toString(bytes.length));
        if (expectContinue) {
            http.putHeader("Expect", "100-continue");
        }
        HttpExecuteResponse response = client.prepareRequest(HttpExecuteRequest.builder().request(http.build())
                .contentStreamProvider(() -> new java.io.ByteArrayInputStream(bytes)).build()).call();
        assertEquals(200, response.httpResponse().statusCode());
        try (InputStream answer = response.responseBody().orElseThrow()) {
            return new String(answer.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /**
     * What reached a server before the client asked for the response, for a body of this size, through a connection
     * of the factory used as the SDK uses it: the streaming mode set, connected, the body written and closed.
     */
    private static int bytesSentBeforeTheResponseIsAsked(int bodySize) throws Exception {
        try (ServerSocket raw = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            java.util.concurrent.CountDownLatch bodyWritten = new java.util.concurrent.CountDownLatch(1);
            java.util.concurrent.CompletableFuture<Integer> early = new java.util.concurrent.CompletableFuture<>();
            Thread thread = new Thread(() -> {
                try (Socket socket = raw.accept()) {
                    bodyWritten.await();
                    socket.setSoTimeout(500);
                    int n;
                    try {
                        n = Math.max(0, socket.getInputStream().read(new byte[256 * 1024]));
                    } catch (java.net.SocketTimeoutException nothing) {
                        n = 0;
                    }
                    early.complete(n);
                    socket.setSoTimeout(5000);
                    // the rest of the request (its headers are under 300 bytes), or all of it
                    byte[] buffer = new byte[256 * 1024];
                    for (int total = n; total < bodySize + 100; ) {
                        int more = socket.getInputStream().read(buffer);
                        if (more < 0) {
                            break;
                        }
                        total += more;
                    }
                    socket.getOutputStream().write("HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
                            .getBytes(StandardCharsets.ISO_8859_1));
                } catch (Exception e) {
                    early.completeExceptionally(e);
                }
            }, "raw-http-server");
            thread.setDaemon(true);
            thread.start();

            java.net.HttpURLConnection connection = new SingleWriteConnections()
                    .createConnection(URI.create("http://127.0.0.1:" + raw.getLocalPort() + "/"));
            connection.setRequestMethod("POST");
            connection.setDoOutput(true);
            connection.setFixedLengthStreamingMode((long) bodySize);
            connection.connect();
            try (OutputStream out = connection.getOutputStream()) {
                out.write(new byte[bodySize]);
            }
            bodyWritten.countDown();
            int sent = early.get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertEquals(200, connection.getResponseCode());
            return sent;
        }
    }

    @Test
    void aSmallRequestIsSentWholeWhenItsResponseIsAskedNotItsHeadersFirst() throws Exception {
        assertEquals(0, bytesSentBeforeTheResponseIsAsked(49), "headers and body leave together, at the response");
    }

    @Test
    void aLargeRequestsHeadersLeaveBeforeItsBodyAsTheSdkStreamsIt() throws Exception {
        assertTrue(bytesSentBeforeTheResponseIsAsked((int) SingleWriteConnections.BUFFERED_BODY_LIMIT + 1) > 0,
                "streamed: the headers were written when the body's stream was opened");
    }

    @Test
    void smallRequestsOnAKeptAliveConnectionArriveIntactThroughTheSdksClient() throws IOException {
        for (int i = 0; i < 5; i++) {
            assertEquals("{}", post("{\"TableName\":\"contacts\",\"Key\":{\"pk\":{\"S\":\"c#" + i + "\"}}}", false));
        }

        assertEquals(5, seen.size());
        for (int i = 0; i < 5; i++) {
            assertEquals("{\"TableName\":\"contacts\",\"Key\":{\"pk\":{\"S\":\"c#" + i + "\"}}}", seen.get(i).body());
            assertEquals("49", header(seen.get(i).headers(), "Content-Length").orElseThrow());
        }
    }

    @Test
    void aLargeBodyIsStreamedWhole() throws IOException {
        String large = "x".repeat((int) SingleWriteConnections.BUFFERED_BODY_LIMIT + 1000);

        assertEquals("{}", post(large, false));

        assertEquals(large, seen.get(0).body());
        assertEquals(Integer.toString(large.length()), header(seen.get(0).headers(), "Content-Length").orElseThrow());
    }

    @Test
    void aLargeBodyAfterExpectContinueWaitsForTheContinue() throws IOException {
        String large = "y".repeat((int) SingleWriteConnections.BUFFERED_BODY_LIMIT + 1);

        assertEquals("{}", post(large, true));

        Seen request = seen.get(0);
        assertEquals("100-continue", header(request.headers(), "Expect").orElseThrow());
        assertEquals(request.headers(), request.firstRead(), "the body was held until the server said 100 Continue");
        assertEquals(large, request.body());
    }

    @Test
    void aSmallBodyIsNotHeldBackForAContinue() throws IOException {
        assertEquals("{}", post("{\"small\":true}", true));

        Seen request = seen.get(0);
        assertEquals(java.util.Optional.empty(), header(request.headers(), "Expect"));
        assertEquals("{\"small\":true}", request.body());
    }
}
