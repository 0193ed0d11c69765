package com.outboundcalls.infra.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoBillingDirectory;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.infra.ops.AccountsApiClient.Response;
import com.outboundcalls.infra.ops.AccountsApiClient;
import com.outboundcalls.time.Zones;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The accounts API end to end, over HTTP, as an operator's tool calls it (SigV4-signed requests) and as a client's
 * people call it from their space (the user pool's ID tokens): a client onboarded with a sub-account, its
 * administrator invited, a caller ID refused
 * (06) then another submitted and verified (09 48), a campaign created, started (calls placed through the
 * Connect simulator), paused (the dialer stops), resumed and finished; another client learns nothing of it;
 * a stale update is refused; and every change is in the audit trail with who made it.
 */
class AccountsApiEndToEndTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OPERATOR = "arn:aws:iam::000000000000:role/ops-team";
    private static final String ACME_ADMIN = "marie@acme.example";
    private static final String GLOBEX_ADMIN = "paul@globex.example";
    /** Monday 5 October 2026, 09:00 in Paris: the legal calling window opens at 10:00. */
    private static final Instant START = LocalDateTime.of(2026, 10, 5, 9, 0).atZone(Zones.BILLING).toInstant();

    private static LocalCloud cloud;
    private static AccountsApiClient operator;
    private static ClientSpaceUser acme;
    private static ClientSpaceUser globex;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(START)).seed(11).start();
        new DynamoBillingDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable")).putProvider(ReferenceData.PROVIDER);
        cloud.s3().putObject(r -> r.bucket(cloud.physicalName("ContactBucket")).key(ReferenceData.PRICE_LIST_KEY),
                RequestBody.fromBytes(ReferenceData.priceListCsv()));
        cloud.drain();
        operator = client(OPERATOR, "OperatorAccessPolicy");
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    private static AccountsApiClient client(String role, String policy) {
        var keys = cloud.identity(role, policy);
        AwsCredentialsIdentity identity = AwsCredentialsIdentity.create(keys.accessKeyId(), keys.secretAccessKey());
        return new AccountsApiClient(cloud.httpApiEndpoint("AccountsApi"), LocalCloud.REGION, () -> identity);
    }

    private static ObjectNode onboarding(String clientId, String siren) {
        ObjectNode body = JSON.createObjectNode().put("clientId", clientId).put("name", clientId.toUpperCase() + " SAS")
                .put("billingEmail", "compta@" + clientId + ".example");
        body.putObject("identity").put("name", clientId.toUpperCase() + " SAS").put("street", "3 rue des Lilas")
                .put("postcode", "69003").put("city", "Lyon").put("country", "FR").put("siren", siren)
                .put("vatNumber", com.outboundcalls.account.LegalEntity.frenchVatNumber(siren));
        ObjectNode subscription = body.putObject("subscription").put("startsOn", "2026-10-01");
        subscription.putObject("plan").put("name", "Essentiel").put("monthlyPrice", "49.00");
        subscription.putObject("numbers").put("quantity", 2).put("unitPrice", "5.00");
        body.putObject("tariff").put("maxAttempts", 2).put("retryDelayMinutes", 60);
        return body;
    }

    private static JsonNode ok(int status, Response response) throws IOException {
        assertEquals(status, response.status(), response.body());
        return JSON.readTree(response.body());
    }

    private static long callsPlaced() {
        return cloud.connect().stats().callsPlaced();
    }

    @Test
    void aClientIsOnboardedAndRunsACampaignThroughTheApiAndEveryChangeIsAudited() throws Exception {
        // The operator onboards two clients, adds a sub-account, and invites each client's administrator.
        JsonNode acmeProfile = ok(201, operator.post("/operator/clients", onboarding("acme", "542107651").toString()));
        assertEquals(1, acmeProfile.path("version").asLong());
        assertEquals("ACTIVE", acmeProfile.path("status").asText());
        ok(201, operator.post("/operator/clients", onboarding("globex", "732829320").toString()));
        ObjectNode sub = onboarding("acme-outbound", "542107651").put("invoicing", "PARENT_SECTION");
        sub.remove("identity");
        sub.remove("subscription");
        JsonNode subAccount = ok(201, operator.post("/operator/clients/acme/sub-accounts", sub.toString()));
        assertEquals("acme", subAccount.path("parentClientId").asText());
        assertEquals("PARENT_SECTION", subAccount.path("invoicing").asText());
        ok(201, operator.post("/operator/clients/acme/users", "{\"email\":\"" + ACME_ADMIN
                + "\",\"role\":\"ADMINISTRATEUR\"}"));
        ok(201, operator.post("/operator/clients/globex/users", "{\"email\":\"" + GLOBEX_ADMIN
                + "\",\"role\":\"ADMINISTRATEUR\"}"));
        acme = new ClientSpaceUser(cloud, ACME_ADMIN, "Marie-admin-2026!");
        globex = new ClientSpaceUser(cloud, GLOBEX_ADMIN, "Paul-admin-2026!");

        // A 06 mobile number cannot be presented by automated calls: refused at submission, field by field.
        JsonNode refused = ok(400, acme.post("/client/caller-ids",
                "{\"number\":\"06 12 34 56 78\",\"proofReference\":\"\"}"));
        List<String> fields = new ArrayList<>();
        refused.path("fields").forEach(f -> fields.add(f.path("field").asText()));
        assertEquals(List.of("number", "proofReference"), fields);
        assertTrue(refused.path("fields").get(0).path("message").asText().contains("06/07"));
        // A 09 48 number is accepted, pending until an operator verifies its proof.
        JsonNode pending = ok(201, acme.post("/client/caller-ids",
                "{\"number\":\"09 48 12 34 56\",\"proofReference\":\"lettre-operateur-2026-118\"}"));
        assertEquals("PENDING", pending.path("callerIds").get(0).path("verification").asText());
        assertEquals("+33948123456", pending.path("callerIds").get(0).path("number").asText());
        // A client cannot verify its own number: the client space has no operator route.
        assertEquals(404, acme.post("/operator/clients/acme/caller-ids/%2B33948123456/verify", "{}").status());
        JsonNode verified = ok(200, operator.post("/operator/clients/acme/caller-ids/%2B33948123456/verify",
                "{\"note\":\"letter checked\"}"));
        assertEquals("VERIFIED", verified.path("callerIds").get(0).path("verification").asText());

        // The client creates its campaign presenting its verified number, and uploads its contacts.
        JsonNode draft = ok(201, acme.post("/client/campaigns", JSON.createObjectNode().put("campaignId", "winter")
                .put("callerId", "+33948123456").put("callerIdSource", "CLIENT").put("instructionsRef", "script-v2")
                .put("instructions", "Rappeler le rendez-vous").toString()));
        assertEquals("DRAFT", draft.path("status").asText());
        String bucket = cloud.physicalName("ContactBucket");
        byte[] contactFile = SampleContacts.generate(40, 5);
        JsonNode link = ok(201, acme.post("/client/campaigns/winter/uploads", JSON.createObjectNode()
                .put("fileName", "contacts.csv").put("size", contactFile.length).toString()));
        ReferenceData.putThroughLink(link, contactFile);
        cloud.runUntil(START.plus(Duration.ofHours(2)), Duration.ofMinutes(15), () -> false);
        assertEquals(0, callsPlaced(), "a draft campaign places no call");

        // Started: calls are placed. Paused: the dialer stops. Resumed: calls again. Then finished.
        ok(200, acme.post("/client/campaigns/winter/start", "{}"));
        assertTrue(cloud.runUntil(START.plus(Duration.ofHours(4)), Duration.ofMinutes(5), () -> callsPlaced() >= 5),
                "calls placed once started");
        JsonNode paused = ok(200, acme.post("/client/campaigns/winter/pause", "{}"));
        assertEquals("PAUSED", paused.path("status").asText());
        cloud.runUntil(cloud.clock().instant().plus(Duration.ofMinutes(2)), Duration.ofMinutes(1), () -> false);
        long atPause = callsPlaced();
        cloud.runUntil(cloud.clock().instant().plus(Duration.ofHours(2)), Duration.ofMinutes(15), () -> false);
        assertEquals(atPause, callsPlaced(), "no call placed while the campaign is paused");
        assertTrue(new String(cloud.s3().getObjectAsBytes(r -> r.bucket(bucket)
                .key("reports/acme/winter/campaign-report.summary.json")).asByteArray(), java.nio.charset.StandardCharsets.UTF_8)
                .contains("PAUSED"), "the paused campaign's report is brought up to date");
        assertEquals(Campaign.Status.PAUSED, new DynamoAccountDirectory(cloud.dynamoDb(),
                cloud.physicalName("AccountsTable")).campaign("acme", "winter").orElseThrow().status());
        ok(200, acme.post("/client/campaigns/winter/resume", "{}"));
        assertTrue(cloud.runUntil(cloud.clock().instant().plus(Duration.ofHours(3)), Duration.ofMinutes(5),
                () -> callsPlaced() > atPause), "calls placed again once resumed");

        // A stale update is refused with the current version; nothing changes.
        JsonNode current = ok(200, acme.get("/client/campaigns/winter"));
        long version = current.path("version").asLong();
        JsonNode stale = ok(409, acme.patch("/client/campaigns/winter",
                "{\"version\":1,\"instructions\":\"stale\"}"));
        assertEquals(version, stale.path("currentVersion").asLong());
        assertEquals("Rappeler le rendez-vous", ok(200, acme.get("/client/campaigns/winter")).path("instructions").asText());
        JsonNode edited = ok(200, acme.patch("/client/campaigns/winter",
                "{\"version\":" + version + ",\"priority\":3}"));
        assertEquals(version + 1, edited.path("version").asLong());
        JsonNode finished = ok(200, acme.post("/client/campaigns/winter/finish", "{}"));
        assertEquals("FINISHED", finished.path("status").asText());
        assertEquals(409, acme.post("/client/campaigns/winter/resume", "{}").status());
        // Finishing the campaign regenerates the client's dashboard at once; the client follows its link.
        cloud.drain();
        JsonNode links = ok(200, acme.get("/client/dashboard"));
        java.net.http.HttpResponse<String> page = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(links.path("index.html").asText())).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().contains("winter") && page.body().contains("terminée"), "the finished campaign");
        assertFalse(page.body().contains("globex"), "nothing of another client");
        JsonNode figures = JSON.readTree(cloud.s3().getObjectAsBytes(r -> r.bucket(bucket)
                .key("reports/acme/dashboard/dashboard.json")).asByteArray());
        assertEquals(callsPlaced(), figures.path("campaigns").get(0).path("attempts").asLong());

        // Another client learns nothing of acme's campaign: the same 404 as for a campaign that does not exist.
        Response foreign = globex.get("/client/campaigns/winter");
        assertEquals(404, foreign.status());
        assertEquals(globex.get("/client/campaigns/no-such-campaign").body().replace("no-such-campaign", "winter"),
                foreign.body());
        assertFalse(foreign.body().contains("acme"));
        assertEquals(404, globex.get("/operator/clients/acme").status(), "no operator route in the client space");
        assertEquals(0, ok(200, globex.get("/client/campaigns")).size());
        // An IAM identity gets nothing on the client routes, whatever its policies: the accounts API has none.
        assertEquals(404, operator.get("/client/campaigns").status());

        // Opposition: one number by the API, a suppression file through the upload link it hands out.
        JsonNode opposed = ok(201, acme.post("/client/oppositions",
                "{\"number\":\"0612345678\",\"reason\":\"asked on the phone\"}"));
        assertEquals("+33612345678", opposed.path("number").asText());
        JsonNode upload = ok(201, acme.post("/client/oppositions/imports", "{\"fileName\":\"stop-list.csv\"}"));
        java.net.http.HttpResponse<String> put = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(upload.path("url").asText()))
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString("telephone\n0698765432\n")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, put.statusCode(), put.body());
        cloud.drain();
        var list = new com.outboundcalls.aws.DynamoOppositionList(cloud.dynamoDb(), cloud.physicalName("OppositionsTable"));
        assertTrue(list.isOpposed("acme", "+33612345678"));
        assertTrue(list.isOpposed("acme", "+33698765432"), "the uploaded file was imported");
        assertFalse(list.isOpposed("globex", "+33698765432"));
        ok(200, acme.delete("/client/oppositions/%2B33612345678", "{\"reason\":\"entered by mistake\"}"));
        assertFalse(list.isOpposed("acme", "+33612345678"));

        // Every change is in the audit trail, with who made it.
        List<String> trail = new ArrayList<>();
        ok(200, acme.get("/client/audit")).forEach(e -> trail.add(e.path("action").asText() + " by "
                + e.path("actor").asText().substring(e.path("actor").asText().lastIndexOf('/') + 1)));
        String marie = "user:" + ACME_ADMIN;
        assertEquals(List.of("client.onboarded by ops-team", "sub-account.added by ops-team",
                "user.invited by ops-team", "caller-id.submitted by " + marie, "caller-id.verified by ops-team",
                "campaign.created by " + marie, "campaign.started by " + marie, "campaign.paused by " + marie,
                "campaign.resumed by " + marie, "campaign.updated by " + marie, "campaign.finished by " + marie,
                "opposition.added by " + marie, "opposition.import-requested by " + marie,
                "opposition.removed by " + marie), trail);
        JsonNode pause = ok(200, acme.get("/client/audit")).get(7);
        assertEquals("ACTIVE", pause.path("changes").path("status").path("before").asText());
        assertEquals("PAUSED", pause.path("changes").path("status").path("after").asText());
    }

    @Test
    void invalidOnboardingListsEveryFieldAtFaultAndStoresNothing() throws Exception {
        ObjectNode body = onboarding("bad-client", "542107652"); // SIREN with a wrong check digit
        body.put("billingEmail", "not-an-email");
        ((ObjectNode) body.path("tariff")).put("maxAttempts", "three");
        JsonNode refused = ok(400, operator.post("/operator/clients", body.toString()));
        List<String> fields = new ArrayList<>();
        refused.path("fields").forEach(f -> fields.add(f.path("field").asText()));
        assertEquals(List.of("identity", "tariff.maxAttempts", "billingEmail"), fields);
        assertTrue(refused.path("fields").get(0).path("message").asText().contains("SIREN"));
        assertEquals(404, operator.get("/operator/clients/bad-client").status(), "nothing stored");
    }
}
