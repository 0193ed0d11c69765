package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.json.JsonTrees;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * JSON over the HTTP APIs (API Gateway HTTP API, payload 2.0): reading a request's method, path, query and
 * body, and writing JSON responses and errors ({@code {"error": ...}}). Numbers with a fraction are read as
 * decimals, never as doubles: amounts stay exact.
 */
public final class HttpJson {

    /** A body that is not JSON; the message is the parser's. */
    public static final class UnreadableBody extends RuntimeException {
        public UnreadableBody(String message) {
            super(message);
        }
    }

    private HttpJson() {
    }

    public static String method(APIGatewayV2HTTPEvent event) {
        return event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                ? event.getRequestContext().getHttp().getMethod() : "GET";
    }

    /** The path's segments, decoded; a "+" in a path is a plus sign (as in +33...), not a space. */
    public static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        if (rawPath == null) {
            return segments;
        }
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    public static String query(APIGatewayV2HTTPEvent event, String name) {
        return event.getQueryStringParameters() == null ? null : event.getQueryStringParameters().get(name);
    }

    /** The caller's ARN as the IAM authorizer authenticated it, or "unknown". */
    public static String callerArn(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getIam() == null) {
            return "unknown";
        }
        return context.getAuthorizer().getIam().getUserArn();
    }

    /** The claims of the bearer token the API's JWT authorizer accepted, if the request came through one. */
    public static java.util.Optional<Map<String, String>> jwtClaims(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getJwt() == null
                || context.getAuthorizer().getJwt().getClaims() == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(context.getAuthorizer().getJwt().getClaims());
    }

    /** The JSON body, or a missing node when there is none. */
    public static JsonNode body(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        if (event.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        try {
            return JsonTrees.readWithDecimals(body);
        } catch (JsonProcessingException e) {
            throw new UnreadableBody(e.getOriginalMessage());
        }
    }

    public static APIGatewayV2HTTPResponse json(int status, JsonNode body) {
        return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                .withHeaders(Map.of("Content-Type", "application/json"))
                .withBody(JsonTrees.writePrettyString(body)).build();
    }

    public static APIGatewayV2HTTPResponse error(int status, String message) {
        ObjectNode body = JsonTrees.object();
        body.put("error", message);
        return json(status, body);
    }

    public static ObjectNode object() {
        return JsonTrees.object();
    }

    public static ArrayNode array() {
        return JsonTrees.array();
    }

    /** A message's JSON, read as a body is (numbers with a fraction as decimals). */
    public static JsonNode read(String json) throws JsonProcessingException {
        return JsonTrees.readWithDecimals(json);
    }
}
