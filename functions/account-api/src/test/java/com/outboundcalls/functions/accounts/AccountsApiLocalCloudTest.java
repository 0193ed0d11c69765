package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.lambda.EventFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accounts function invoked with API Gateway's payload 2.0 events (fixtures) in the local cloud: who the
 * caller is comes from the event's IAM identity, and an assumed-role session stands for its role.
 */
class AccountsApiLocalCloudTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().start();
        DynamoAccountDirectory accounts = new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"));
        accounts.putClient(new Client("acme", "Acme", "FR", new Client.Tariff(3, Duration.ofHours(2)),
                Client.AccountStatus.ACTIVE, null));
        // An operator's binding of acme's role to acme, as POST /operator/clients/acme/principals writes it.
        cloud.dynamoDb().putItem(r -> r.tableName(cloud.physicalName("AccountsTable")).item(java.util.Map.of(
                "pk", s("PRINCIPAL#arn:aws:iam::000000000000:role/acme-app"), "sk", s("ACCESS"), "clientId", s("acme"))));
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue s(String value) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(value);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static String createCampaignEvent(String userArn, String body) throws IOException {
        return EventFixtures.json("client-create-campaign.json", "userArn", userArn, "body",
                body.replace("\"", "\\\""));
    }

    private static APIGatewayV2HTTPResponse createCampaign(String userArn, String body) throws IOException {
        return (APIGatewayV2HTTPResponse) cloud.function("AccountsApiFunction").invoke(createCampaignEvent(userArn, body));
    }

    @Test
    void aSessionOfTheClientsRoleActsForTheClient() throws Exception {
        APIGatewayV2HTTPResponse created = createCampaign(
                "arn:aws:sts::000000000000:assumed-role/acme-app/session-42", "{\"campaignId\":\"spring\"}");

        assertEquals(201, created.getStatusCode(), created.getBody());
        JsonNode campaign = JSON.readTree(created.getBody());
        assertEquals("DRAFT", campaign.path("status").asText());
        assertEquals(1, campaign.path("version").asInt());
        assertTrue(new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"))
                .campaign("acme", "spring").isPresent());
    }

    @Test
    void noDashboardLinkIsHandedOutBeforeTheDashboardIsWritten() throws Exception {
        String event = createCampaignEvent("arn:aws:sts::000000000000:assumed-role/acme-app/s", "")
                .replace("\"rawPath\": \"/client/campaigns\"", "\"rawPath\": \"/client/dashboard\"")
                .replace("\"method\": \"POST\"", "\"method\": \"GET\"");
        APIGatewayV2HTTPResponse response = (APIGatewayV2HTTPResponse) cloud.function("AccountsApiFunction").invoke(event);

        assertEquals(404, response.getStatusCode(), response.getBody());
        assertTrue(response.getBody().contains("no dashboard yet"));
    }

    @Test
    void anIdentityBoundToNoClientIsRefused() throws Exception {
        APIGatewayV2HTTPResponse refused = createCampaign("arn:aws:sts::000000000000:assumed-role/other/s",
                "{\"campaignId\":\"summer\"}");

        assertEquals(403, refused.getStatusCode());
        assertTrue(new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"))
                .campaign("acme", "summer").isEmpty());
    }

    @Test
    void aBodyThatIsNotJsonGetsA400ThatSaysSo() throws Exception {
        APIGatewayV2HTTPResponse refused = createCampaign("arn:aws:sts::000000000000:assumed-role/acme-app/s",
                "{campaignId: autumn");

        assertEquals(400, refused.getStatusCode());
        assertEquals("body", JSON.readTree(refused.getBody()).path("fields").get(0).path("field").asText());
    }
}
