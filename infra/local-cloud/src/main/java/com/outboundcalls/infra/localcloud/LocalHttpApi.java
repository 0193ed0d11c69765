package com.outboundcalls.infra.localcloud;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An API Gateway HTTP API on loopback: the routes of the template's {@code HttpApi} events, each turned into
 * a payload 2.0 event for its function. With IAM authorization, a request must carry a SigV4 signature made
 * with one of the local cloud's key pairs for {@code execute-api} (as {@code curl --aws-sigv4} or an SDK signer
 * make it), and that identity's policies must allow {@code execute-api:Invoke} on the route, else it gets API
 * Gateway's 403 before any function runs.
 */
final class LocalHttpApi implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One route: method, path template such as /invoices/{number}, the function behind it, and whether it is open
     * (its event says {@code Auth: {Authorizer: NONE}}: no signature or token is asked).
     */
    record Route(String method, String pathTemplate, LocalFunction function, boolean open) {
        String routeKey() {
            return method + " " + pathTemplate;
        }

        boolean accepts(String requestMethod) {
            return method.equals("ANY") || method.equals(requestMethod);
        }

        /** Higher for a route API Gateway prefers when several fit a request. */
        int specificity() {
            boolean greedy = pathTemplate.matches(".*\\{\\w+\\+}$");
            return (greedy ? 0 : 1_000_000) + pathTemplate.split("/", -1).length * 10 + (method.equals("ANY") ? 0 : 1);
        }

        /** Path parameters if the path fits this route's template; a last {@code {name+}} takes the rest. */
        Optional<Map<String, String>> match(String path) {
            String[] want = pathTemplate.split("/", -1);
            String[] got = path.split("/", -1);
            boolean greedy = want[want.length - 1].matches("\\{\\w+\\+}");
            if (greedy ? got.length < want.length : want.length != got.length) {
                return Optional.empty();
            }
            Map<String, String> params = new LinkedHashMap<>();
            for (int i = 0; i < want.length; i++) {
                if (greedy && i == want.length - 1) {
                    String rest = String.join("/", java.util.Arrays.copyOfRange(got, i, got.length));
                    if (rest.isEmpty()) {
                        return Optional.empty();
                    }
                    params.put(want[i].substring(1, want[i].length() - 2), URLDecoder.decode(rest, StandardCharsets.UTF_8));
                    break;
                }
                if (want[i].startsWith("{") && want[i].endsWith("}")) {
                    if (got[i].isEmpty()) {
                        return Optional.empty();
                    }
                    params.put(want[i].substring(1, want[i].length() - 1),
                            URLDecoder.decode(got[i], StandardCharsets.UTF_8));
                } else if (!want[i].equals(got[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }
    }

    private final String apiId;
    private final List<Route> routes = new ArrayList<>();
    private final java.util.function.Function<String, Optional<LocalIdentity>> identities;
    private final SigV4Verifier verifier;
    private final JwtAuthorizer jwt;
    private final String region;
    private final String accountId;
    private final HttpServer server;
    /** Told of each function run, so that the queues it may have sent to are read. */

    /**
     * @param identities the identities by access key; null when the API has no IAM authorization
     * @param jwt        the API's JWT authorizer; null when it has none
     */
    LocalHttpApi(String apiId, int port, java.util.function.Function<String, Optional<LocalIdentity>> identities,
                 JwtAuthorizer jwt, String region, String accountId) {
        this.apiId = apiId;
        this.jwt = jwt;
        this.identities = identities;
        this.verifier = identities == null ? null
                : new SigV4Verifier(key -> identities.apply(key).map(LocalIdentity::secretKey));
        this.region = region;
        this.accountId = accountId;
        this.server = LoopbackServer.start(port, 4, "local-http-api-" + apiId, this::handle);
    }

    void add(Route route) {
        routes.add(route);
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            URI uri = exchange.getRequestURI();
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            // As API Gateway does: of the routes that fit, the most specific one (no greedy {proxy+}, more
            // segments, its own method rather than ANY).
            Route chosen = null;
            Map<String, String> chosenParams = null;
            for (Route route : routes) {
                if (!route.accepts(method)) {
                    continue;
                }
                Optional<Map<String, String>> params = route.match(uri.getRawPath());
                if (params.isPresent() && (chosen == null || route.specificity() > chosen.specificity())) {
                    chosen = route;
                    chosenParams = params.get();
                }
            }
            if (chosen == null) {
                respond(exchange, 404, Map.of("Content-Type", "application/json"), "{\"message\":\"Not Found\"}");
                return;
            }
            LocalIdentity caller = null;
            if (verifier != null && !chosen.open()) {
                Optional<String> refusal = verifier.refusal(method, uri.getRawPath(), uri.getRawQuery(),
                        exchange.getRequestHeaders(), body, "execute-api");
                if (refusal.isPresent()) {
                    forbidden(exchange, refusal.get());
                    return;
                }
                caller = identities.apply(SigV4Verifier.accessKey(exchange.getRequestHeaders()).orElseThrow()).orElseThrow();
                // What the caller's IAM policies allow, checked as API Gateway does before the function runs.
                String resource = "arn:aws:execute-api:" + region + ":" + accountId + ":" + apiId + "/$default/" + method
                        + uri.getRawPath();
                if (!caller.mayInvoke(resource)) {
                    forbidden(exchange, "User: " + caller.callerArn() + " is not authorized to perform: "
                            + "execute-api:Invoke on resource: " + resource);
                    return;
                }
            }
            JwtAuthorizer.Authorized bearer = null;
            if (jwt != null && !chosen.open()) {
                Optional<JwtAuthorizer.Authorized> authorized = jwt.authorize(
                        exchange.getRequestHeaders().getFirst("Authorization"));
                if (authorized.isEmpty()) {
                    respond(exchange, 401, Map.of("Content-Type", "application/json", "WWW-Authenticate", "Bearer"),
                            "{\"message\":\"Unauthorized\"}");
                    return;
                }
                bearer = authorized.get();
            }
            invoke(exchange, chosen, chosenParams, uri, method, body, caller, bearer);
        } catch (RuntimeException | Error e) {
            // API Gateway answers 500 when the integration fails; the cause goes to the function's log.
            System.err.println("[local-cloud] " + apiId + " " + exchange.getRequestURI().getPath() + ": " + e);
            e.printStackTrace();
            respond(exchange, 500, Map.of("Content-Type", "application/json"),
                    "{\"message\":\"Internal Server Error\"}");
        } finally {
            exchange.close();
        }
    }

    private static void forbidden(HttpExchange exchange, String message) throws IOException {
        respond(exchange, 403, Map.of("Content-Type", "application/json"),
                "{\"message\":" + JSON.writeValueAsString(message) + "}");
    }

    private void invoke(HttpExchange exchange, Route route, Map<String, String> pathParams, URI uri, String method,
                        byte[] body, LocalIdentity caller, JwtAuthorizer.Authorized bearer) throws IOException {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "2.0");
        event.put("routeKey", route.routeKey());
        event.put("rawPath", uri.getRawPath());
        event.put("rawQueryString", uri.getRawQuery() == null ? "" : uri.getRawQuery());
        ObjectNode headers = event.putObject("headers");
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        if (uri.getRawQuery() != null && !uri.getRawQuery().isEmpty()) {
            ObjectNode query = event.putObject("queryStringParameters");
            for (String pair : uri.getRawQuery().split("&")) {
                int eq = pair.indexOf('=');
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                query.put(name, query.has(name) ? query.get(name).asText() + "," + value : value);
            }
        }
        if (!pathParams.isEmpty()) {
            ObjectNode path = event.putObject("pathParameters");
            pathParams.forEach(path::put);
        }
        if (body.length > 0) {
            event.put("body", new String(body, StandardCharsets.UTF_8));
        }
        event.put("isBase64Encoded", false);
        ObjectNode context = event.putObject("requestContext");
        context.put("apiId", apiId);
        context.put("accountId", accountId);
        context.put("routeKey", route.routeKey());
        context.put("stage", "$default");
        ObjectNode http = context.putObject("http");
        http.put("method", method);
        http.put("path", uri.getRawPath());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        if (caller != null) {
            ObjectNode iam = context.putObject("authorizer").putObject("iam");
            iam.put("accountId", accountId);
            iam.put("accessKey", caller.accessKey());
            iam.put("userArn", caller.callerArn());
        }
        if (bearer != null) {
            ObjectNode token = context.putObject("authorizer").putObject("jwt");
            ObjectNode claims = token.putObject("claims");
            bearer.claims().forEach(claims::put);
            bearer.scopes().forEach(token.putArray("scopes")::add);
        }

        Object result = route.function().invoke(JSON.writeValueAsString(event));
        if (result instanceof APIGatewayV2HTTPResponse response) {
            Map<String, String> responseHeaders = response.getHeaders() == null ? Map.of() : response.getHeaders();
            respond(exchange, response.getStatusCode(), responseHeaders,
                    response.getBody() == null ? "" : response.getBody());
        } else {
            respond(exchange, 200, Map.of("Content-Type", "application/json"), JSON.writeValueAsString(result));
        }
    }

    private static void respond(HttpExchange exchange, int status, Map<String, String> headers, String body)
            throws IOException {
        headers.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    @Override
    public void close() {
        LoopbackServer.stop(server);
    }
}
