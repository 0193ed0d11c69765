package com.outboundcalls.functions.accounts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.CampaignAdministration;
import com.outboundcalls.account.ClientAccounts;
import com.outboundcalls.account.ClientProfile;
import com.outboundcalls.account.ClientRole;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.CognitoUserDirectory;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoAccountRecords;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.ChallengeNameType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.InitiateAuthResponse;
import software.amazon.awssdk.services.cognitoidentityprovider.model.NotAuthorizedException;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The client space's API in the local cloud: users of the Cognito stand-in sign in with the real SDK client and
 * call the client routes with their ID token, which the template's JWT authorizer checks; the function takes the
 * client and role from the token and checks the user's access and role on every request.
 */
class ClientSpaceLocalCloudTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-10-05T08:00:00Z");
    private static final Actor OPS = Actor.operator("arn:aws:iam::000000000000:role/ops");
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static LocalCloud cloud;
    private static CognitoIdentityProviderClient cognito;
    private static AccountAdministration admin;
    private static URI api;
    private static String appClientId;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(START)).start();
        cognito = new AwsClients(cloud.clientEnvironment()).cognito();
        appClientId = cloud.physicalName("ClientUserPoolClient");
        admin = new AccountAdministration(new DynamoAccountRecords(cloud.dynamoDb(), cloud.physicalName("AccountsTable"),
                cloud.physicalName("OppositionsTable")), "+33948000000", cloud.clock(),
                new CognitoUserDirectory(cognito, cloud.physicalName("ClientUserPool")));
        for (String client : new String[]{"acme", "globex"}) {
            admin.onboard(OPS, null, new ClientAccounts.Onboarding(client, client.toUpperCase(), "FR",
                    new LegalEntity(client + " SAS", "3 rue des Lilas", "69003", "Lyon", "FR", "542107651",
                            LegalEntity.frenchVatNumber("542107651")), "compta@" + client + ".example",
                    new BillingAccount.Plan("Essentiel", new BigDecimal("49.00")), null, null, null,
                    LocalDate.of(2026, 10, 1), null, ClientAccounts.tariff(3, 120), false, null, null));
        }
        api = cloud.httpApiEndpoint("ClientSpaceApi");
    }

    @AfterAll
    static void stop() {
        cognito.close();
        cloud.close();
    }

    /** The invited user's first sign-in: its temporary password from the invitation, then its own. */
    private static String signInFirstTime(String email, String password) {
        String temporary = cloud.cognito().invitations().stream().filter(i -> i.email().equals(email))
                .reduce((a, b) -> b).orElseThrow().temporaryPassword();
        InitiateAuthResponse challenged = cognito.initiateAuth(r -> r.clientId(appClientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH).authParameters(Map.of("USERNAME", email, "PASSWORD", temporary)));
        assertEquals(ChallengeNameType.NEW_PASSWORD_REQUIRED, challenged.challengeName());
        return cognito.respondToAuthChallenge(r -> r.clientId(appClientId)
                .challengeName(ChallengeNameType.NEW_PASSWORD_REQUIRED).session(challenged.session())
                .challengeResponses(Map.of("USERNAME", email, "NEW_PASSWORD", password))).authenticationResult().idToken();
    }

    private static HttpResponse<String> call(String method, String path, String body, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api.resolve(path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    @Test
    void eachRoleReachesWhatTheTermsGiveItAndNothingElse() throws Exception {
        admin.inviteUser(OPS, "acme", "marie@acme.example", ClientRole.ADMINISTRATEUR);
        String marie = signInFirstTime("marie@acme.example", "Marie-admin-2026!");

        HttpResponse<String> account = call("GET", "/client/account", null, marie);
        assertEquals(200, account.statusCode(), account.body());
        assertEquals("acme", json(account).path("clientId").asText(), "the client comes from the token");

        assertEquals(201, call("POST", "/client/users", "{\"email\":\"paul@acme.example\",\"role\":\"SUPERVISEUR\"}",
                marie).statusCode());
        assertEquals(201, call("POST", "/client/users", "{\"email\":\"anne@acme.example\",\"role\":\"FINANCE\"}",
                marie).statusCode());
        String paul = signInFirstTime("paul@acme.example", "Paul-superviseur-1!");
        String anne = signInFirstTime("anne@acme.example", "Anne-finance-2026!");

        assertEquals(200, call("GET", "/client/campaigns", null, paul).statusCode());
        assertEquals(200, call("GET", "/client/account", null, paul).statusCode());
        assertEquals(403, call("GET", "/client/users", null, paul).statusCode(), "a supervisor manages no user");
        assertEquals(403, call("GET", "/client/audit", null, paul).statusCode());
        assertEquals(403, call("POST", "/client/users", "{\"email\":\"x@acme.example\",\"role\":\"ADMINISTRATEUR\"}",
                paul).statusCode(), "nor makes itself an administrator");

        assertEquals(403, call("GET", "/client/campaigns", null, anne).statusCode(), "finance runs no campaign");
        assertEquals(403, call("GET", "/client/dashboard", null, anne).statusCode());
        assertEquals(200, call("GET", "/client/account", null, anne).statusCode());

        Map<String, String> roles = new java.util.HashMap<>();
        json(call("GET", "/client/users", null, marie)).forEach(u -> roles.put(u.path("email").asText(),
                u.path("role").asText()));
        assertEquals("ADMINISTRATEUR", roles.get("marie@acme.example"));
        assertEquals("SUPERVISEUR", roles.get("paul@acme.example"));
        assertEquals("FINANCE", roles.get("anne@acme.example"));
        assertEquals(false, roles.keySet().stream().anyMatch(email -> email.endsWith("@globex.example")),
                "only acme's users are listed to acme");
    }

    @Test
    void financeReadsItsOwnClientsNoticesAndASupervisorDoesNot() throws Exception {
        String bucket = cloud.physicalName("ContactBucket");
        for (String client : new String[]{"acme", "globex"}) {
            cloud.s3().putObject(r -> r.bucket(bucket).key("reports/" + client + "/notices/price-list-default-2027-01.json"),
                    software.amazon.awssdk.core.sync.RequestBody.fromString("{\"type\":\"PRICE_INCREASE\",\"clientId\":\""
                            + client + "\"}"));
        }
        admin.inviteUser(OPS, "acme", "juliette@acme.example", ClientRole.FINANCE);
        admin.inviteUser(OPS, "acme", "tristan@acme.example", ClientRole.SUPERVISEUR);
        String juliette = signInFirstTime("juliette@acme.example", "Juliette-finance-26!");
        String tristan = signInFirstTime("tristan@acme.example", "Tristan-superviseur-1!");

        HttpResponse<String> notices = call("GET", "/client/notices", null, juliette);
        assertEquals(200, notices.statusCode(), notices.body());
        JsonNode listed = json(notices).path("notices");
        assertEquals(1, listed.size(), "acme's notice only: " + listed);
        assertEquals("price-list-default-2027-01.json", listed.get(0).path("name").asText());
        HttpResponse<String> read = HTTP.send(HttpRequest.newBuilder(URI.create(listed.get(0).path("url").asText())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(read.body().contains("\"clientId\":\"acme\""), read.body());
        assertEquals(403, call("GET", "/client/notices", null, tristan).statusCode(), "notices are finance's and admins'");
    }

    @Test
    void anAdministratorActsOnItsClientsSubAccountsAndNoOneElseDoes() throws Exception {
        admin.onboard(OPS, "acme", new ClientAccounts.Onboarding("acme-relances", "ACME relances", "FR", null,
                "relances@acme.example", null, null, null, null, null, null, ClientAccounts.tariff(2, 60), false, null,
                ClientProfile.Invoicing.PARENT_SECTION));
        admin.inviteUser(OPS, "acme", "claire@acme.example", ClientRole.ADMINISTRATEUR);
        admin.inviteUser(OPS, "acme", "leon@acme.example", ClientRole.SUPERVISEUR);
        admin.inviteUser(OPS, "globex", "ines@globex.example", ClientRole.ADMINISTRATEUR);
        String claire = signInFirstTime("claire@acme.example", "Claire-admin-2026!");
        String leon = signInFirstTime("leon@acme.example", "Leon-superviseur-1!");
        String ines = signInFirstTime("ines@globex.example", "Ines-admin-2026!!");

        JsonNode subAccounts = json(call("GET", "/client/sub-accounts", null, claire));
        assertEquals(1, subAccounts.size(), subAccounts.toString());
        assertEquals("acme-relances", subAccounts.get(0).path("clientId").asText());
        HttpResponse<String> created = call("POST", "/client/sub-accounts/acme-relances/campaigns",
                "{\"campaignId\":\"relance-mars\"}", claire);
        assertEquals(201, created.statusCode(), created.body());
        assertTrue(new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"))
                .campaign("acme-relances", "relance-mars").isPresent(), "on the sub-account, not on acme");
        assertEquals(201, call("POST", "/client/sub-accounts/acme-relances/users",
                "{\"email\":\"agent@acme.example\",\"role\":\"SUPERVISEUR\"}", claire).statusCode(),
                "an administrator manages the sub-account's users too");
        String audited = json(call("GET", "/client/sub-accounts/acme-relances/audit", null, claire)).toString();
        assertTrue(audited.contains("user:claire@acme.example"), audited);

        assertEquals(403, call("GET", "/client/sub-accounts", null, leon).statusCode(), "a supervisor does not");
        assertEquals(403, call("GET", "/client/sub-accounts/acme-relances/campaigns", null, leon).statusCode());
        HttpResponse<String> foreign = call("GET", "/client/sub-accounts/acme-relances/campaigns", null, ines);
        assertEquals(404, foreign.statusCode(), "another client's sub-account does not exist for globex");
        assertEquals(404, call("GET", "/client/sub-accounts/acme/campaigns", null, claire).statusCode(),
                "the parent is not its own sub-account");
        assertEquals(0, json(call("GET", "/client/sub-accounts", null, ines)).size());
    }

    @Test
    void aRequestWithoutAValidTokenOfThePoolGets401() throws Exception {
        admin.inviteUser(OPS, "globex", "boss@globex.example", ClientRole.ADMINISTRATEUR);
        String boss = signInFirstTime("boss@globex.example", "Globex-boss-2026!");
        assertEquals(200, call("GET", "/client/account", null, boss).statusCode());

        assertEquals(401, call("GET", "/client/account", null, null).statusCode(), "no token");
        assertEquals(401, call("GET", "/client/account", null, "not-a-jwt").statusCode(), "not a token");

        // The same claims, signed with a key that is not the pool's.
        RSAKey forger = new RSAKeyGenerator(2048).keyID("forged").generate();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("forged").build(),
                new JWTClaimsSet.Builder(SignedJWT.parse(boss).getJWTClaimsSet()).claim("custom:client_id", "acme").build());
        forged.sign(new RSASSASigner(forger));
        assertEquals(401, call("GET", "/client/account", null, forged.serialize()).statusCode(), "a forged token");

        // Claims changed after signing: the signature no longer holds.
        String[] parts = boss.split("\\.");
        String otherClaims = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                new JWTClaimsSet.Builder(SignedJWT.parse(boss).getJWTClaimsSet()).claim("custom:client_id", "acme").build()
                        .toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(401, call("GET", "/client/account", null, parts[0] + "." + otherClaims + "." + parts[2])
                .statusCode(), "a tampered token");

        // Still well signed, but past its hour.
        SignedJWT expired = SignedJWT.parse(boss);
        cloud.clock().advanceTo(expired.getJWTClaimsSet().getExpirationTime().toInstant().plusSeconds(1));
        assertEquals(401, call("GET", "/client/account", null, boss).statusCode(), "an expired token");
        assertEquals(true, expired.getJWTClaimsSet().getExpirationTime().before(Date.from(cloud.clock().instant())));
    }

    @Test
    void aRemovedUserLosesAccessAtOnceAndCanNoLongerSignIn() throws Exception {
        admin.inviteUser(OPS, "acme", "lea@acme.example", ClientRole.ADMINISTRATEUR);
        admin.inviteUser(OPS, "acme", "leaving@acme.example", ClientRole.SUPERVISEUR);
        String lea = signInFirstTime("lea@acme.example", "Lea-administre-9!");
        String leaving = signInFirstTime("leaving@acme.example", "Bientot-parti-1!");
        assertEquals(200, call("GET", "/client/campaigns", null, leaving).statusCode());

        assertEquals(200, call("DELETE", "/client/users/leaving@acme.example", null, lea).statusCode());

        HttpResponse<String> after = call("GET", "/client/campaigns", null, leaving);
        assertEquals(403, after.statusCode(), "its token is still within its hour, but the access has ended: " + after.body());
        assertThrows(NotAuthorizedException.class, () -> cognito.initiateAuth(r -> r.clientId(appClientId)
                .authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "leaving@acme.example", "PASSWORD", "Bientot-parti-1!"))));
    }

    @Test
    void aClientsUsersNeverReachAnotherClient() throws Exception {
        admin.inviteUser(OPS, "globex", "spy@globex.example", ClientRole.ADMINISTRATEUR);
        String spy = signInFirstTime("spy@globex.example", "Globex-admin-77!");

        JsonNode account = json(call("GET", "/client/account", null, spy));
        assertEquals("globex", account.path("clientId").asText());
        assertEquals(404, call("DELETE", "/client/users/marie@acme.example", null, spy).statusCode(),
                "another client's user does not exist for it");
        assertEquals(404, call("GET", "/operator/clients", null, spy).statusCode(), "no operator route in the client space");
        admin.createCampaign(OPS, "acme", "private", new CampaignAdministration.CampaignSettings(null, null, null,
                "script-1", null, null, null, null, null, null));
        assertEquals(404, call("GET", "/client/campaigns/private", null, spy).statusCode());
        assertEquals(404, call("GET", "/client/campaigns/private/reports", null, spy).statusCode(),
                "another client's reports do not exist for it");
        assertEquals(404, call("POST", "/client/campaigns/private/uploads", "{\"fileName\":\"x.csv\",\"size\":10}",
                spy).statusCode(), "nor may it upload into another client's campaign");
    }

    @Test
    void aContactFileIsUploadedOnlyThroughALinkForTheUsersOwnCampaignAtTheSizeItAskedFor() throws Exception {
        admin.createCampaign(OPS, "acme", "autumn", new CampaignAdministration.CampaignSettings(null, null, null,
                "script-1", null, null, null, null, null, null));
        admin.createCampaign(OPS, "globex", "secret", new CampaignAdministration.CampaignSettings(null, null, null,
                "script-1", null, null, null, null, null, null));
        admin.inviteUser(OPS, "acme", "sam@acme.example", ClientRole.SUPERVISEUR);
        admin.inviteUser(OPS, "acme", "fanny@acme.example", ClientRole.FINANCE);
        String sam = signInFirstTime("sam@acme.example", "Sam-superviseur-3!");
        String fanny = signInFirstTime("fanny@acme.example", "Fanny-finance-44!");
        byte[] file = "tel;nom\n0612345678;Durand\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);

        HttpResponse<String> granted = call("POST", "/client/campaigns/autumn/uploads",
                "{\"fileName\":\"relances.csv\",\"size\":" + file.length + "}", sam);
        assertEquals(201, granted.statusCode(), granted.body());
        JsonNode link = json(granted);
        assertTrue(link.path("key").asText().matches("incoming/acme/autumn/[0-9T]+-[0-9a-f]{8}-relances\\.csv"),
                "the server chooses the key, under the user's own client and campaign: " + link.path("key").asText());

        String url = link.path("url").asText();
        assertTrue(url.contains("X-Amz-SignedHeaders=content-length%3Bhost"), "the size is part of the signature: " + url);
        assertTrue(url.contains("X-Amz-Expires=900"), "the link lasts 15 minutes: " + url);
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(link.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());

        assertEquals(404, call("POST", "/client/campaigns/secret/uploads",
                "{\"fileName\":\"x.csv\",\"size\":10}", sam).statusCode(), "another client's campaign does not exist");
        assertEquals(403, call("POST", "/client/campaigns/autumn/uploads",
                "{\"fileName\":\"x.csv\",\"size\":10}", fanny).statusCode(), "finance sends no file");
        HttpResponse<String> huge = call("POST", "/client/campaigns/autumn/uploads",
                "{\"fileName\":\"x.csv\",\"size\":" + (2L << 40) + "}", sam);
        assertEquals(400, huge.statusCode());
        assertTrue(huge.body().contains("above the limit"), huge.body());
        assertEquals(400, call("POST", "/client/campaigns/autumn/uploads",
                "{\"fileName\":\"../../config/price-lists/x.csv\",\"size\":10}", sam).statusCode(),
                "a name cannot reach another prefix");
    }
}
