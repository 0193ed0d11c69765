package com.outboundcalls.aws;

import software.amazon.awssdk.http.AbortableInputStream;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpResponse;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An HTTP client that sends nothing anywhere: each request is marshalled and signed by the SDK as for a service, its
 * body read, and answered in memory, 200 with an empty document ({@code {}} for the JSON protocols, an empty body for
 * S3's). A call through it finds nothing and changes nothing; it is how a function runs its own path before a
 * SnapStart snapshot (see {@code Wiring#dry}).
 */
public final class DryHttpClient implements SdkHttpClient {

    private final byte[] answer;
    private final String contentType;
    private final AtomicInteger requests = new AtomicInteger();

    private DryHttpClient(String answer, String contentType) {
        this.answer = answer.getBytes(StandardCharsets.UTF_8);
        this.contentType = contentType;
    }

    /** For the services that speak JSON (DynamoDB, SQS, Connect, SES, Cognito, Secrets Manager). */
    public static DryHttpClient json() {
        return new DryHttpClient("{}", "application/x-amz-json-1.0");
    }

    /** For S3, whose empty answers have no body. */
    public static DryHttpClient rest() {
        return new DryHttpClient("", "application/xml");
    }

    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
        return new ExecutableHttpRequest() {
            @Override
            public HttpExecuteResponse call() throws IOException {
                if (request.contentStreamProvider().isPresent()) {
                    try (InputStream body = request.contentStreamProvider().get().newStream()) {
                        body.transferTo(OutputStream.nullOutputStream());
                    }
                }
                requests.incrementAndGet();
                return HttpExecuteResponse.builder()
                        .response(SdkHttpResponse.builder().statusCode(200)
                                .putHeader("Content-Type", contentType)
                                .putHeader("Content-Length", String.valueOf(answer.length)).build())
                        .responseBody(AbortableInputStream.create(new ByteArrayInputStream(answer)))
                        .build();
            }

            @Override
            public void abort() {
                // answered in memory: nothing to abort
            }
        };
    }

    /** How many requests this client has answered. */
    public int requests() {
        return requests.get();
    }

    @Override
    public void close() {
        // holds nothing
    }

    @Override
    public String clientName() {
        return "Dry";
    }
}
