package com.outboundcalls.functions.clientspace;

import com.outboundcalls.json.JsonTrees;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * The page's files, read once from the jar ({@code client-space/}), and {@code config.json}, written from the
 * settings. A name that is not one of them gets a 404; no name can leave the folder.
 */
public final class PageFiles {

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,40}\\.(html|js|css|svg)");
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8",
            "js", "text/javascript; charset=utf-8",
            "css", "text/css; charset=utf-8",
            "svg", "image/svg+xml",
            "json", "application/json");

    private final PageSettings settings;
    private final String policy;
    private final Map<String, Optional<String>> read = new ConcurrentHashMap<>();

    public PageFiles(PageSettings settings) {
        this.settings = settings;
        this.policy = contentSecurityPolicy(settings);
    }

    /** The strict policy: scripts and styles of the page only, no inline code, connections to three places. */
    static String contentSecurityPolicy(PageSettings settings) {
        return "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                + "connect-src 'self' " + PageSettings.origin(settings.cognitoEndpoint()) + " "
                + settings.bucketOrigin() + "; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";
    }

    public APIGatewayV2HTTPResponse answer(String name) {
        if (name.equals("config.json")) {
            ObjectNode config = JsonTrees.object();
            config.put("region", settings.region());
            config.put("userPoolClientId", settings.userPoolClientId());
            config.put("cognitoEndpoint", settings.cognitoEndpoint());
            return response(200, "json", JsonTrees.write(config));
        }
        Optional<String> body = NAME.matcher(name).matches()
                ? read.computeIfAbsent(name, PageFiles::resource) : Optional.empty();
        if (body.isEmpty()) {
            return response(404, "html", "<!doctype html><title>404</title><p>Page introuvable / not found</p>");
        }
        return response(200, name.substring(name.lastIndexOf('.') + 1), body.get());
    }

    private APIGatewayV2HTTPResponse response(int status, String extension, String body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", TYPES.get(extension));
        headers.put("Content-Security-Policy", policy);
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Referrer-Policy", "no-referrer");
        headers.put("X-Frame-Options", "DENY");
        headers.put("Strict-Transport-Security", "max-age=31536000");
        headers.put("Cache-Control", "no-cache");
        APIGatewayV2HTTPResponse response = new APIGatewayV2HTTPResponse();
        response.setStatusCode(status);
        response.setHeaders(headers);
        response.setBody(body);
        response.setIsBase64Encoded(false);
        return response;
    }

    private static Optional<String> resource(String name) {
        try (InputStream in = PageFiles.class.getResourceAsStream("/client-space/" + name)) {
            return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
