package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.outboundcalls.json.JsonTrees;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An HTTP API's event (payload 2.0) read as Lambda's runtime would read it into an {@link APIGatewayV2HTTPEvent},
 * every field of it, and a response written as the runtime writes an {@link APIGatewayV2HTTPResponse} (fields that
 * are null left out), with the function's own JSON mapping.
 */
public final class HttpApiEventJson {

    private HttpApiEventJson() {
    }

    /** The event; one that is not an HTTP API event's JSON is refused whole, as the runtime refuses it. */
    public static APIGatewayV2HTTPEvent read(InputStream input) throws IOException {
        JsonNode root = EventJson.root(input, "an HTTP API event");
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setVersion(text(root, "version"));
        event.setRouteKey(text(root, "routeKey"));
        event.setRawPath(text(root, "rawPath"));
        event.setRawQueryString(text(root, "rawQueryString"));
        event.setCookies(strings(root.get("cookies")));
        event.setHeaders(stringMap(root.get("headers")));
        event.setQueryStringParameters(stringMap(root.get("queryStringParameters")));
        event.setPathParameters(stringMap(root.get("pathParameters")));
        event.setStageVariables(stringMap(root.get("stageVariables")));
        event.setBody(text(root, "body"));
        event.setIsBase64Encoded(bool(root.get("isBase64Encoded")));
        JsonNode context = object(root.get("requestContext"), "requestContext");
        if (context != null) {
            event.setRequestContext(requestContext(context));
        }
        return event;
    }

    private static RequestContext requestContext(JsonNode node) {
        RequestContext context = new RequestContext();
        context.setRouteKey(text(node, "routeKey"));
        context.setAccountId(text(node, "accountId"));
        context.setStage(text(node, "stage"));
        context.setApiId(text(node, "apiId"));
        context.setDomainName(text(node, "domainName"));
        context.setDomainPrefix(text(node, "domainPrefix"));
        context.setTime(text(node, "time"));
        JsonNode epoch = node.get("timeEpoch");
        if (epoch != null && !epoch.isNull()) {
            if (!epoch.canConvertToLong() && !epoch.isTextual()) {
                throw new IllegalArgumentException("an HTTP API event's timeEpoch is a whole number");
            }
            context.setTimeEpoch(epoch.isTextual() ? Long.parseLong(epoch.textValue().trim()) : epoch.longValue());
        }
        context.setRequestId(text(node, "requestId"));
        JsonNode http = object(node.get("http"), "http");
        if (http != null) {
            RequestContext.Http h = new RequestContext.Http();
            h.setMethod(text(http, "method"));
            h.setPath(text(http, "path"));
            h.setProtocol(text(http, "protocol"));
            h.setSourceIp(text(http, "sourceIp"));
            h.setUserAgent(text(http, "userAgent"));
            context.setHttp(h);
        }
        JsonNode authorizer = object(node.get("authorizer"), "authorizer");
        if (authorizer != null) {
            context.setAuthorizer(authorizer(authorizer));
        }
        return context;
    }

    private static RequestContext.Authorizer authorizer(JsonNode node) {
        RequestContext.Authorizer authorizer = new RequestContext.Authorizer();
        JsonNode jwt = object(node.get("jwt"), "jwt");
        if (jwt != null) {
            RequestContext.Authorizer.JWT j = new RequestContext.Authorizer.JWT();
            j.setClaims(stringMap(jwt.get("claims")));
            j.setScopes(strings(jwt.get("scopes")));
            authorizer.setJwt(j);
        }
        JsonNode lambda = object(node.get("lambda"), "lambda");
        if (lambda != null) {
            Map<String, Object> values = new LinkedHashMap<>();
            lambda.fields().forEachRemaining(f -> values.put(f.getKey(), JsonTrees.toJava(f.getValue())));
            authorizer.setLambda(values);
        }
        JsonNode iam = object(node.get("iam"), "iam");
        if (iam != null) {
            RequestContext.IAM i = new RequestContext.IAM();
            i.setAccessKey(text(iam, "accessKey"));
            i.setAccountId(text(iam, "accountId"));
            i.setCallerId(text(iam, "callerId"));
            i.setPrincipalOrgId(text(iam, "principalOrgId"));
            i.setUserArn(text(iam, "userArn"));
            i.setUserId(text(iam, "userId"));
            JsonNode cognito = object(iam.get("cognitoIdentity"), "cognitoIdentity");
            if (cognito != null) {
                RequestContext.CognitoIdentity c = new RequestContext.CognitoIdentity();
                c.setAmr(strings(cognito.get("amr")));
                c.setIdentityId(text(cognito, "identityId"));
                c.setIdentityPoolId(text(cognito, "identityPoolId"));
                i.setCognitoIdentity(c);
            }
            authorizer.setIam(i);
        }
        return authorizer;
    }

    /** An object, null when absent or null; anything else is refused. */
    private static JsonNode object(JsonNode node, String name) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new IllegalArgumentException("an HTTP API event's " + name + " is an object");
        }
        return node;
    }

    private static String text(JsonNode node, String field) {
        return scalar(node.get(field), field);
    }

    private static String scalar(JsonNode value, String name) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isContainerNode()) {
            throw new IllegalArgumentException("an HTTP API event's " + name + " is text");
        }
        return value.asText();
    }

    private static boolean bool(JsonNode value) {
        if (value == null || value.isNull()) {
            return false;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isTextual() && (value.textValue().equals("true") || value.textValue().equals("false"))) {
            return Boolean.parseBoolean(value.textValue());
        }
        throw new IllegalArgumentException("an HTTP API event's isBase64Encoded is true or false");
    }

    private static List<String> strings(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isArray()) {
            throw new IllegalArgumentException("an HTTP API event's list is an array");
        }
        List<String> values = new ArrayList<>();
        node.forEach(v -> values.add(scalar(v, "list item")));
        return values;
    }

    private static Map<String, String> stringMap(JsonNode node) {
        if (object(node, "map") == null) {
            return null;
        }
        Map<String, String> values = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> values.put(f.getKey(), scalar(f.getValue(), f.getKey())));
        return values;
    }

    /** The response, as API Gateway reads it. */
    public static void write(APIGatewayV2HTTPResponse response, OutputStream output) throws IOException {
        try (JsonGenerator json = JsonTrees.factory().createGenerator(output)) {
            if (response == null) {
                json.writeNull();
                return;
            }
            json.writeStartObject();
            json.writeNumberField("statusCode", response.getStatusCode());
            if (response.getHeaders() != null) {
                json.writeObjectFieldStart("headers");
                for (Map.Entry<String, String> h : response.getHeaders().entrySet()) {
                    json.writeStringField(h.getKey(), h.getValue());
                }
                json.writeEndObject();
            }
            if (response.getMultiValueHeaders() != null) {
                json.writeObjectFieldStart("multiValueHeaders");
                for (Map.Entry<String, List<String>> h : response.getMultiValueHeaders().entrySet()) {
                    writeStrings(json, h.getKey(), h.getValue());
                }
                json.writeEndObject();
            }
            if (response.getCookies() != null) {
                writeStrings(json, "cookies", response.getCookies());
            }
            if (response.getBody() != null) {
                json.writeStringField("body", response.getBody());
            }
            json.writeBooleanField("isBase64Encoded", response.getIsBase64Encoded());
            json.writeEndObject();
        }
    }

    private static void writeStrings(JsonGenerator json, String name, List<String> values) throws IOException {
        if (values == null) {
            json.writeNullField(name);
            return;
        }
        json.writeArrayFieldStart(name);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }
}
