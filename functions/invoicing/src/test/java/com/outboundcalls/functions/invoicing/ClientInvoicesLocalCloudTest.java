package com.outboundcalls.functions.invoicing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.Client;
import com.outboundcalls.account.ClientRole;
import com.outboundcalls.account.ClientUser;
import com.outboundcalls.account.UserDirectory;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.CognitoUserDirectory;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoAccountRecords;
import com.outboundcalls.aws.DynamoBillingDirectory;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.lambda.EventFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A client's invoices in its space, in the local cloud: its users sign in on the Cognito stand-in and call the
 * client space's API with their ID token; finance and administrators see the client's own documents and their
 * export links, a supervisor sees none, and another client's number does not exist for them.
 */
class ClientInvoicesLocalCloudTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Instant ISSUE_RUN = Instant.parse("2026-11-01T05:00:00Z");
    private static final Actor OPS = Actor.operator("arn:aws:iam::000000000000:role/ops");

    private static LocalCloud cloud;
    private static CognitoIdentityProviderClient cognito;
    private static URI api;
    private static String appClientId;
    private static String acmeInvoice;
    private static String globexInvoice;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(ISSUE_RUN)).start();
        String accountsTable = cloud.physicalName("AccountsTable");
        DynamoAccountDirectory accounts = new DynamoAccountDirectory(cloud.dynamoDb(), accountsTable);
        DynamoBillingDirectory billing = new DynamoBillingDirectory(cloud.dynamoDb(), accountsTable);
        billing.putProvider(FacturXTest.PROVIDER);
        for (String client : new String[]{"acme", "globex"}) {
            accounts.putClient(new Client(client, client.toUpperCase(), "FR", new Client.Tariff(3, Duration.ofHours(1)),
                    Client.AccountStatus.ACTIVE, null));
            billing.putAccount(InvoiceGeneratorLocalCloudTest.account(client, "49.00", LocalDate.of(2025, 1, 1)));
        }
        cloud.function("InvoiceGeneratorFunction").invoke(EventFixtures.json("scheduled-first-of-month.json",
                "scheduledTime", ISSUE_RUN.toString()));
        cloud.drain();
        cognito = new AwsClients(cloud.clientEnvironment()).cognito();
        appClientId = cloud.physicalName("ClientUserPoolClient");
        UserDirectory directory = new CognitoUserDirectory(cognito, cloud.physicalName("ClientUserPool"));
        DynamoAccountRecords records = new DynamoAccountRecords(cloud.dynamoDb(), accountsTable,
                cloud.physicalName("OppositionsTable"));
        // The users' records as inviting them writes them (the accounts API's job, tested with it).
        for (String[] user : new String[][]{{"anne@acme.example", "acme", "FINANCE"},
                {"paul@acme.example", "acme", "SUPERVISEUR"}, {"boss@globex.example", "globex", "ADMINISTRATEUR"}}) {
            ClientRole role = ClientRole.valueOf(user[2]);
            directory.invite(user[0], user[1], role);
            records.commit(new com.outboundcalls.account.AccountRecords.Change(java.util.List.of(
                    new com.outboundcalls.account.AccountRecords.UserWrite(new ClientUser(user[0], user[1], role,
                            ClientUser.Status.ACTIVE, OPS.principal(), ISSUE_RUN), false)), java.util.List.of()));
        }
        api = cloud.httpApiEndpoint("ClientSpaceApi");
        var receivables = new com.outboundcalls.aws.DynamoInvoiceStore(cloud.dynamoDb(),
                cloud.physicalName("InvoicesTable")).ofPeriod(java.time.YearMonth.of(2026, 10));
        acmeInvoice = receivables.stream().filter(r -> r.invoice().clientId().equals("acme")).findFirst().orElseThrow()
                .invoice().number();
        globexInvoice = receivables.stream().filter(r -> r.invoice().clientId().equals("globex")).findFirst()
                .orElseThrow().invoice().number();
    }

    @AfterAll
    static void stop() {
        cognito.close();
        cloud.close();
    }

    private static String signIn(String email, String password) {
        String temporary = cloud.cognito().invitations().stream().filter(i -> i.email().equals(email))
                .reduce((a, b) -> b).orElseThrow().temporaryPassword();
        InitiateAuthResponse challenged = cognito.initiateAuth(r -> r.clientId(appClientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", email, "PASSWORD", temporary)));
        return cognito.respondToAuthChallenge(r -> r.clientId(appClientId)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(challenged.session())
                .challengeResponses(Map.of("USERNAME", email, "NEW_PASSWORD", password))).authenticationResult().idToken();
    }

    private static HttpResponse<String> get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void financeSeesItsClientsInvoicesAndDownloadsTheirDocuments() throws Exception {
        String anne = signIn("anne@acme.example", "Anne-finance-2026!");

        HttpResponse<String> month = get("/client/invoices?month=2026-10", anne);
        assertEquals(200, month.statusCode(), month.body());
        JsonNode documents = JSON.readTree(month.body()).path("documents");
        assertEquals(1, documents.size(), "acme's invoice only, not globex's");
        assertEquals(acmeInvoice, documents.get(0).path("number").asText());

        JsonNode exports = JSON.readTree(get("/client/invoices/" + acmeInvoice + "/exports", anne).body());
        HttpResponse<byte[]> pdf = HTTP.send(HttpRequest.newBuilder(URI.create(exports.path("pdf").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, pdf.statusCode());
        assertTrue(new String(pdf.body(), 0, 5).startsWith("%PDF"), "the invoice's PDF, through its link");
        assertTrue(exports.has("facturx") && exports.has("usage"));
    }

    @Test
    void anotherClientsInvoiceDoesNotExistForAUser() throws Exception {
        String boss = signIn("boss@globex.example", "Globex-boss-2026!");
        assertEquals(200, get("/client/invoices/" + globexInvoice, boss).statusCode());
        assertEquals(404, get("/client/invoices/" + acmeInvoice, boss).statusCode());
        assertEquals(404, get("/client/invoices/" + acmeInvoice + "/exports", boss).statusCode());
    }

    @Test
    void aSupervisorSeesNoInvoiceAndNoTokenNothingAtAll() throws Exception {
        String paul = signIn("paul@acme.example", "Paul-superviseur-1!");
        assertEquals(403, get("/client/invoices?month=2026-10", paul).statusCode());
        assertEquals(403, get("/client/invoices/" + acmeInvoice, paul).statusCode());
        assertEquals(401, get("/client/invoices?month=2026-10", null).statusCode());
    }
}
