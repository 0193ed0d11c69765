package com.outboundcalls.infra.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A loopback stand-in for Amazon SES v2's SendEmail ({@code POST /v2/email/outbound-emails}, REST-JSON), so the
 * real SDK client sends through it. It delivers nothing: it keeps each message (from, to, subject, text, HTML,
 * configuration set) where tests and the demo read them.
 */
public final class SesSimulator implements AutoCloseable {

    /** A message as SES would have sent it. */
    public record SentMail(String messageId, Instant at, String from, List<String> to, String subject, String text,
                           String html, String configurationSet) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Clock clock;
    private final HttpServer server;
    private final List<SentMail> sent = new ArrayList<>();

    public SesSimulator(Clock clock, int port) {
        this.clock = clock;
        this.server = LoopbackServer.start(port, 2, "ses-simulator", this::handle);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Every message sent so far, oldest first. */
    public synchronized List<SentMail> sent() {
        return List.copyOf(sent);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            if (!"POST".equals(exchange.getRequestMethod())
                    || !exchange.getRequestURI().getPath().equals("/v2/email/outbound-emails")) {
                respond(exchange, 404, "NotFoundException", "{\"message\":\"not simulated\"}");
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            JsonNode simple = request.path("Content").path("Simple");
            List<String> to = new ArrayList<>();
            request.path("Destination").path("ToAddresses").forEach(a -> to.add(a.asText()));
            if (request.path("FromEmailAddress").asText("").isBlank() || to.isEmpty() || simple.isMissingNode()) {
                respond(exchange, 400, "BadRequestException",
                        "{\"message\":\"FromEmailAddress, Destination.ToAddresses and Content.Simple are required\"}");
                return;
            }
            String id = UUID.randomUUID().toString();
            synchronized (this) {
                sent.add(new SentMail(id, clock.instant(), request.path("FromEmailAddress").asText(), List.copyOf(to),
                        simple.path("Subject").path("Data").asText(), simple.path("Body").path("Text").path("Data")
                        .asText(null), simple.path("Body").path("Html").path("Data").asText(null),
                        request.path("ConfigurationSetName").asText(null)));
            }
            respond(exchange, 200, null, JSON.createObjectNode().put("MessageId", id).toString());
        } finally {
            exchange.close();
        }
    }

    private static void respond(HttpExchange exchange, int status, String errorType, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (errorType != null) {
            exchange.getResponseHeaders().add("x-amzn-ErrorType", errorType);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        LoopbackServer.stop(server);
    }
}
