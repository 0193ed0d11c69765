package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.ClientAccounts;
import com.outboundcalls.account.ClientRole;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.CognitoUserDirectory;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoAccountRecords;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.lambda.EventFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accounts function invoked with API Gateway's payload 2.0 events (fixtures) in the local cloud: on the client
 * routes the caller is a client space user, its client and role from the token's claims the JWT authorizer
 * passed on; an IAM identity, whoever it is, gets nothing there.
 */
class AccountsApiLocalCloudTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Actor OPS = Actor.operator("arn:aws:iam::000000000000:role/ops");
    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().start();
        var cognito = new AwsClients(cloud.clientEnvironment()).cognito();
        AccountAdministration admin = new AccountAdministration(new DynamoAccountRecords(cloud.dynamoDb(),
                cloud.physicalName("AccountsTable"), cloud.physicalName("OppositionsTable")), "+33948000000",
                cloud.clock(), new CognitoUserDirectory(cognito, cloud.physicalName("ClientUserPool")));
        admin.onboard(OPS, null, new ClientAccounts.Onboarding("acme", "ACME", "FR",
                new LegalEntity("Acme SAS", "3 rue des Lilas", "69003", "Lyon", "FR", "542107651",
                        LegalEntity.frenchVatNumber("542107651")), "compta@acme.example",
                new BillingAccount.Plan("Essentiel", new BigDecimal("49.00")), null, null, null,
                LocalDate.of(2026, 10, 1), null, ClientAccounts.tariff(3, 120), false, null, null));
        admin.inviteUser(OPS, "acme", "marie@acme.example", ClientRole.SUPERVISEUR);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static APIGatewayV2HTTPResponse asUser(String method, String proxy, String email, String clientId,
                                                   String body) throws IOException {
        return (APIGatewayV2HTTPResponse) cloud.function("AccountsApiFunction").invoke(EventFixtures.json(
                "client-space-request.json", "method", method, "proxy", proxy, "email", email, "clientId", clientId,
                "role", "SUPERVISEUR", "body", body.replace("\"", "\\\"")));
    }

    @Test
    void aClientSpaceUserCreatesACampaignForTheClientItsTokenNames() throws Exception {
        APIGatewayV2HTTPResponse created = asUser("POST", "campaigns", "marie@acme.example", "acme",
                "{\"campaignId\":\"spring\"}");

        assertEquals(201, created.getStatusCode(), created.getBody());
        JsonNode campaign = JSON.readTree(created.getBody());
        assertEquals("DRAFT", campaign.path("status").asText());
        assertEquals(1, campaign.path("version").asInt());
        assertTrue(new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"))
                .campaign("acme", "spring").isPresent());
    }

    @Test
    void aTokenNamingAnotherClientThanTheUsersOwnIsRefused() throws Exception {
        APIGatewayV2HTTPResponse refused = asUser("POST", "campaigns", "marie@acme.example", "globex",
                "{\"campaignId\":\"autumn\"}");

        assertEquals(403, refused.getStatusCode(), refused.getBody());
        assertFalse(new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"))
                .campaign("globex", "autumn").isPresent());
    }

    @Test
    void anIamIdentityGetsNothingOnTheClientRoutes() throws Exception {
        String event = EventFixtures.json("client-create-campaign.json", "userArn",
                "arn:aws:sts::000000000000:assumed-role/acme-app/session-42", "body", "{\\\"campaignId\\\":\\\"iam\\\"}");
        APIGatewayV2HTTPResponse refused = (APIGatewayV2HTTPResponse) cloud.function("AccountsApiFunction").invoke(event);

        assertEquals(403, refused.getStatusCode(), refused.getBody());
        assertFalse(new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"))
                .campaign("acme", "iam").isPresent());
    }

    @Test
    void noDashboardLinkIsHandedOutBeforeTheDashboardIsWritten() throws Exception {
        APIGatewayV2HTTPResponse response = asUser("GET", "dashboard", "marie@acme.example", "acme", "");

        assertEquals(404, response.getStatusCode(), response.getBody());
        assertTrue(response.getBody().contains("no dashboard yet"));
    }

    @Test
    void onlyTheProvidersListedStaffActOnTheOperatorRoutesWhateverTheirIamPolicy() throws Exception {
        APIGatewayV2HTTPResponse staff = (APIGatewayV2HTTPResponse) cloud.function("AccountsApiFunction").invoke(
                EventFixtures.json("operator-request.json", "proxy", "clients", "userArn",
                        "arn:aws:sts::000000000000:assumed-role/ops-team/marie"));
        assertEquals(200, staff.getStatusCode(), staff.getBody());
        APIGatewayV2HTTPResponse outsider = (APIGatewayV2HTTPResponse) cloud.function("AccountsApiFunction").invoke(
                EventFixtures.json("operator-request.json", "proxy", "clients", "userArn",
                        "arn:aws:iam::999999999999:role/broad-invoke"));
        assertEquals(403, outsider.getStatusCode(), "not in OperatorPrincipals: " + outsider.getBody());
        assertTrue(outsider.getBody().contains("OperatorPrincipals"));
    }

    private static APIGatewayV2HTTPResponse asOperator(String method, String proxy, String body) throws IOException {
        return (APIGatewayV2HTTPResponse) cloud.function("AccountsApiFunction").invoke(EventFixtures.json(
                "operator-change.json", "method", method, "proxy", proxy, "body", body.replace("\"", "\\\"")));
    }

    @Test
    void anOperatorRecordsTheClientsInstructionsForItsCalleesDataAndBadOnesChangeNothing() throws Exception {
        long version = 0;
        for (JsonNode client : JSON.readTree(asOperator("GET", "clients", "").getBody())) {
            if (client.path("clientId").asText().equals("acme")) {
                version = client.path("version").asLong();
            }
        }
        APIGatewayV2HTTPResponse refused = asOperator("PATCH", "clients/acme", "{\"version\":" + version
                + ",\"calleeData\":{\"callColumns\":[\"Date RDV\"],\"retentionDays\":5000}}");
        assertEquals(400, refused.getStatusCode(), refused.getBody());
        assertTrue(refused.getBody().contains("calleeData"), refused.getBody());

        APIGatewayV2HTTPResponse changed = asOperator("PATCH", "clients/acme", "{\"version\":" + version
                + ",\"calleeData\":{\"callColumns\":[\"Date RDV\",\"Dossier\"],\"retentionDays\":30}}");
        assertEquals(200, changed.getStatusCode(), changed.getBody());
        JsonNode callee = JSON.readTree(changed.getBody()).path("calleeData");
        assertEquals("[\"date_rdv\",\"dossier\"]", callee.path("callColumns").toString());
        assertEquals(30, callee.path("retentionDays").asInt());
        var stored = new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable")).client("acme")
                .orElseThrow().calleeData();
        assertTrue(stored.travels("date rdv"));
        assertEquals(30, stored.retentionDays());
    }
}
