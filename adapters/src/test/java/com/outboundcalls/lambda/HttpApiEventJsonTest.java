package com.outboundcalls.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class HttpApiEventJsonTest {

    /** As an HTTP API sends it (payload 2.0), with every field, a JWT authorizer's claims and a base64 body. */
    private static final String JWT_EVENT = """
            {"version":"2.0","routeKey":"POST /client/{proxy+}","rawPath":"/client/contact-files/%2B33",
             "rawQueryString":"a=1&b=%C3%A9","cookies":["s=1","t=2"],
             "headers":{"content-type":"application/json","x-forwarded-for":"10.0.0.1"},
             "queryStringParameters":{"a":"1","b":"é"},"pathParameters":{"proxy":"contact-files/+33"},
             "stageVariables":{"v":"1"},"body":"eyJuYW1lIjoiw6l0w6kifQ==","isBase64Encoded":true,
             "requestContext":{"routeKey":"POST /client/{proxy+}","accountId":"000000000000","stage":"$default",
               "apiId":"api","domainName":"api.example","domainPrefix":"api","time":"02/Dec/2026:06:30:00 +0000",
               "timeEpoch":1796193000000,"requestId":"req-1",
               "http":{"method":"POST","path":"/client/contact-files/+33","protocol":"HTTP/1.1",
                 "sourceIp":"10.0.0.1","userAgent":"curl/8"},
               "authorizer":{"jwt":{"claims":{"email":"a@acme.example","custom:client_id":"acme","exp":"1796196600",
                 "token_use":"id"},"scopes":null}}}}""";

    /** Signed with SigV4 through an IAM authorizer, with a Cognito identity and a Lambda authorizer's context. */
    private static final String IAM_EVENT = """
            {"version":"2.0","routeKey":"GET /invoices","rawPath":"/invoices","rawQueryString":"",
             "headers":{"host":"api"},"isBase64Encoded":false,
             "requestContext":{"routeKey":"GET /invoices","requestId":"req-2","timeEpoch":"1796193000001",
               "http":{"method":"GET","path":"/invoices"},
               "authorizer":{"iam":{"accessKey":"AKIA","accountId":"000000000000","callerId":"AROA:finance",
                 "principalOrgId":"o-1","userArn":"arn:aws:sts::000000000000:assumed-role/finance/x","userId":"AROA",
                 "cognitoIdentity":{"amr":["authenticated"],"identityId":"id-1","identityPoolId":"pool-1"}},
                 "lambda":{"tenant":"acme","level":3,"flags":{"beta":true},"list":[1,"two"]}}}}""";

    private static APIGatewayV2HTTPEvent read(String json) throws IOException {
        return HttpApiEventJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static <T> PojoSerializer<T> runtimes(Class<T> type) {
        return LambdaEventSerializers.serializerFor(type, HttpApiEventJsonTest.class.getClassLoader());
    }

    @Test
    void aRequestIsReadAsLambdasOwnSerializersReadIt() throws IOException {
        for (String event : List.of(JWT_EVENT, IAM_EVENT, "{}", "{\"requestContext\":{}}")) {
            APIGatewayV2HTTPEvent expected = runtimes(APIGatewayV2HTTPEvent.class).fromJson(event);
            assertEquals(expected.toString(), read(event).toString(), event);
            assertEquals(expected, read(event), event);
        }
        assertEquals("{\"name\":\"été\"}", HttpJson.body(read(JWT_EVENT)).toString());
        assertEquals("acme", HttpJson.jwtClaims(read(JWT_EVENT)).orElseThrow().get("custom:client_id"));
        assertEquals("arn:aws:sts::000000000000:assumed-role/finance/x", HttpJson.callerArn(read(IAM_EVENT)));
    }

    @Test
    void aResponseIsWrittenAsLambdasOwnSerializersWriteIt() throws IOException {
        ObjectMapper json = new ObjectMapper();
        for (APIGatewayV2HTTPResponse response : List.of(
                HttpJson.error(404, "no route \"GET /x\" é"),
                APIGatewayV2HTTPResponse.builder().withStatusCode(302).withHeaders(Map.of("Location", "https://x"))
                        .withMultiValueHeaders(Map.of("Set-Cookie", List.of("a=1", "b=2")))
                        .withCookies(List.of("c=3")).withBody("JVBERi0=").withIsBase64Encoded(true).build(),
                APIGatewayV2HTTPResponse.builder().withStatusCode(204).build())) {
            ByteArrayOutputStream ours = new ByteArrayOutputStream();
            HttpApiEventJson.write(response, ours);
            ByteArrayOutputStream theirs = new ByteArrayOutputStream();
            runtimes(APIGatewayV2HTTPResponse.class).toJson(response, theirs);
            assertEquals(json.readTree(theirs.toByteArray()), json.readTree(ours.toByteArray()), ours.toString());
            assertEquals(response, runtimes(APIGatewayV2HTTPResponse.class).fromJson(
                    ours.toString(StandardCharsets.UTF_8)));
        }
    }

    @Test
    void aHandlerInvokedAsLambdaInvokesItAnswersWithItsTypedOverloadsResponse() throws IOException {
        AtomicReference<APIGatewayV2HTTPEvent> handed = new AtomicReference<>();
        HttpApiHandler handler = (event, context) -> {
            handed.set(event);
            return HttpJson.error(403, "not yours");
        };
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        handler.handleRequest(new ByteArrayInputStream(JWT_EVENT.getBytes(StandardCharsets.UTF_8)), out,
                (Context) null);
        assertEquals(read(JWT_EVENT), handed.get());
        assertEquals(HttpJson.error(403, "not yours"), runtimes(APIGatewayV2HTTPResponse.class)
                .fromJson(out.toString(StandardCharsets.UTF_8)));
    }

    @Test
    void aRequestThatIsNotAnHttpApiEventIsRefusedWhole() {
        for (String bad : List.of("[]", "\"GET /\"", "{\"requestContext\":[]}", "{\"headers\":[\"a\"]}",
                "{\"headers\":{\"a\":{\"b\":1}}}", "{\"cookies\":{}}", "{\"isBase64Encoded\":\"yes\"}",
                "{\"requestContext\":{\"timeEpoch\":{}}}", "{\"requestContext\":{\"authorizer\":{\"jwt\":1}}}",
                "{\"rawPath\":", "\u0000\u0001binary")) {
            assertThrows(Exception.class, () -> read(bad), bad);
        }
    }
}
