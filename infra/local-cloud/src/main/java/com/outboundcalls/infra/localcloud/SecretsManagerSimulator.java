package com.outboundcalls.infra.localcloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback stand-in for AWS Secrets Manager's GetSecretValue (JSON 1.1, {@code X-Amz-Target:
 * secretsmanager.GetSecretValue}), so the real SDK client reads the stack's secrets from it. Secrets are made as
 * CloudFormation makes them from a template's {@code GenerateSecretString}; with a seed, the same each run.
 */
public final class SecretsManagerSimulator implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AMZ_JSON = "application/x-amz-json-1.1";
    private static final String LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private record Secret(String arn, String name, String value, String versionId, double createdAt) {
    }

    private final Clock clock;
    private final Random random;
    private final String region;
    private final String accountId;
    private final HttpServer server;
    /** By ARN and by name: GetSecretValue takes either. */
    private final Map<String, Secret> secrets = new ConcurrentHashMap<>();

    public SecretsManagerSimulator(Clock clock, long seed, String region, String accountId, int port) {
        this.clock = clock;
        this.random = new Random(seed);
        this.region = region;
        this.accountId = accountId;
        this.server = LoopbackServer.start(port, 2, "secrets-manager-simulator", this::handle);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /**
     * A secret generated as {@code GenerateSecretString} would: {@code length} characters, letters and digits,
     * punctuation too unless excluded. Returns its ARN (what Ref gives for a secret).
     */
    public synchronized String generate(String name, int length, boolean excludePunctuation) {
        String alphabet = excludePunctuation ? LETTERS : LETTERS + PUNCTUATION;
        StringBuilder value = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            value.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        StringBuilder suffix = new StringBuilder(6);
        for (int i = 0; i < 6; i++) {
            suffix.append(LETTERS.charAt(random.nextInt(52)));
        }
        String arn = "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:" + name + "-" + suffix;
        Secret secret = new Secret(arn, name, value.toString(), UUID.nameUUIDFromBytes(arn.getBytes(StandardCharsets.UTF_8))
                .toString(), clock.millis() / 1000.0);
        secrets.put(arn, secret);
        secrets.put(name, secret);
        return arn;
    }

    /** A secret's value, for the local cloud's own checks and tests. */
    public String value(String arnOrName) {
        Secret secret = secrets.get(arnOrName);
        if (secret == null) {
            throw new IllegalArgumentException("no secret " + arnOrName);
        }
        return secret.value();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            if (!"POST".equals(exchange.getRequestMethod()) || !"secretsmanager.GetSecretValue".equals(target)) {
                LoopbackServer.respond(exchange, 400, error("InvalidRequestException",
                        "operation not simulated: " + target), AMZ_JSON);
                return;
            }
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            Secret secret = secrets.get(request.path("SecretId").asText(""));
            if (secret == null) {
                LoopbackServer.respond(exchange, 400, error("ResourceNotFoundException",
                        "Secrets Manager can't find the specified secret."), AMZ_JSON);
                return;
            }
            LoopbackServer.respond(exchange, 200, JSON.createObjectNode().put("ARN", secret.arn()).put("Name", secret.name())
                    .put("SecretString", secret.value()).put("VersionId", secret.versionId())
                    .put("CreatedDate", secret.createdAt())
                    .set("VersionStages", JSON.createArrayNode().add("AWSCURRENT")).toString(), AMZ_JSON);
        } finally {
            exchange.close();
        }
    }

    private static String error(String type, String message) {
        return JSON.createObjectNode().put("__type", type).put("message", message).toString();
    }

    @Override
    public void close() {
        LoopbackServer.stop(server);
    }
}
