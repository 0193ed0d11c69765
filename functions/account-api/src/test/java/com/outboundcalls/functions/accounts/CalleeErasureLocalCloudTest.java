package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.AuditEntry;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.CampaignAdministration;
import com.outboundcalls.account.ClientAccounts;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.aws.DynamoAccountRecords;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.DynamoOppositionList;
import com.outboundcalls.aws.DynamoProspectingHistories;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.lambda.EventFixtures;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A callee's erasure end to end in the local cloud: asked by a client space user through the accounts API, handed
 * on through the erasure queue, run by the erasure function against DynamoDB Local and S3Proxy.
 */
class CalleeErasureLocalCloudTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Actor OPS = Actor.operator("arn:aws:iam::000000000000:role/ops");
    private static final Instant NOW = Instant.parse("2026-11-30T10:00:00Z");
    private static final String ERASED = "+33612345678";
    private static final String KEPT = "+33612345679";

    @Test
    void aNumberAClientAsksToEraseIsGoneFromItsDataButStaysOpposed() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().clock(LocalClock.simulated(NOW)).start()) {
            DynamoAccountRecords records = new DynamoAccountRecords(cloud.dynamoDb(), cloud.physicalName("AccountsTable"),
                    cloud.physicalName("OppositionsTable"));
            AccountAdministration admin = new AccountAdministration(records, "+33948000000", cloud.clock(),
                    new com.outboundcalls.aws.CognitoUserDirectory(new com.outboundcalls.aws.AwsClients(
                            cloud.clientEnvironment()).cognito(), cloud.physicalName("ClientUserPool")));
            admin.onboard(OPS, null, new ClientAccounts.Onboarding("acme", "ACME", "FR",
                    new LegalEntity("Acme SAS", "3 rue des Lilas", "69003", "Lyon", "FR", "542107651",
                            LegalEntity.frenchVatNumber("542107651")), "compta@acme.example",
                    new BillingAccount.Plan("Essentiel", new BigDecimal("49.00")), null, null, null,
                    LocalDate.of(2026, 10, 1), null, ClientAccounts.tariff(3, 120), false, null, null));
            admin.inviteUser(OPS, "acme", "marie@acme.example", com.outboundcalls.account.ClientRole.SUPERVISEUR);
            DynamoContactBook contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
            for (String campaign : List.of("spring", "autumn")) {
                admin.createCampaign(OPS, "acme", campaign, new CampaignAdministration.CampaignSettings(null, null,
                        null, null, null, null, null, null, null, null));
                for (String e164 : List.of(ERASED, KEPT)) {
                    contacts.addIfAbsent(new NewContact("acme", campaign, cloud.contactIds().of("acme", campaign, e164),
                            e164, "FR", "MOBILE", null, null, null, Map.of(), "f.csv", NOW));
                }
            }
            DynamoProspectingHistories histories = new DynamoProspectingHistories(cloud.dynamoDb(),
                    cloud.physicalName("CallsTable"));
            histories.recordCall("acme", ERASED, NOW);
            String bucket = cloud.physicalName("ContactBucket");
            put(cloud, bucket, "incoming/acme/spring/u1-contacts.csv", "tel;nom\n06 12 34 56 78;Durand\n0612345679;Martin\n");
            put(cloud, bucket, "incoming/acme/autumn/u2-others.csv", "tel;nom\n0612345679;Martin\n");
            put(cloud, bucket, "reports/acme/spring/campaign-report.csv",
                    "\uFEFFcontactId;row;number;status\r\nct-1;2;+33612345678;REACHED\r\nct-2;3;+33612345679;REACHED\r\n");

            APIGatewayV2HTTPResponse asked = (APIGatewayV2HTTPResponse) cloud.function("AccountsApiFunction").invoke(
                    EventFixtures.json("client-space-request.json", "method", "POST", "proxy", "erasures",
                            "email", "marie@acme.example", "clientId", "acme", "role", "SUPERVISEUR",
                            "body", "{\\\"number\\\":\\\"06 12 34 56 78\\\"}"));
            assertEquals(202, asked.getStatusCode(), asked.getBody());
            JsonNode request = JSON.readTree(asked.getBody());
            assertEquals("REQUESTED", request.path("status").asText());
            assertFalse(asked.getBody().contains("612345678"), "the answer shows the last digits only");

            cloud.messagesSent();
            cloud.drain();

            for (String campaign : List.of("spring", "autumn")) {
                assertTrue(contacts.get("acme#" + campaign, cloud.contactIds().of("acme", campaign, ERASED)).isEmpty());
                assertTrue(contacts.get("acme#" + campaign, cloud.contactIds().of("acme", campaign, KEPT)).isPresent());
            }
            assertTrue(histories.of("acme", ERASED).calls().isEmpty(), "no prospecting history left");
            assertFalse(exists(cloud, bucket, "incoming/acme/spring/u1-contacts.csv"));
            assertTrue(exists(cloud, bucket, "incoming/acme/autumn/u2-others.csv"));
            String report = cloud.s3().getObjectAsBytes(r -> r.bucket(bucket).key("reports/acme/spring/campaign-report.csv"))
                    .asString(StandardCharsets.UTF_8);
            assertFalse(report.contains("+33612345678"), report);
            assertTrue(report.contains("+33612345679"), report);
            assertTrue(new DynamoOppositionList(cloud.dynamoDb(), cloud.physicalName("OppositionsTable"))
                    .isOpposed("acme", ERASED), "the opposition entry is all that is left");

            APIGatewayV2HTTPResponse status = (APIGatewayV2HTTPResponse) cloud.function("AccountsApiFunction").invoke(
                    EventFixtures.json("client-space-request.json", "method", "GET", "proxy",
                            "erasures/" + request.path("requestId").asText(), "email", "marie@acme.example",
                            "clientId", "acme", "role", "SUPERVISEUR", "body", ""));
            JsonNode done = JSON.readTree(status.getBody());
            assertEquals("COMPLETED", done.path("status").asText(), status.getBody());
            assertEquals(2, done.path("erased").path("contacts").asInt());
            assertEquals(1, done.path("erased").path("reportRows").asInt());
            assertEquals(1, done.path("erased").path("uploadedFiles").asInt());
            List<String> actions = records.audit("acme").stream().map(AuditEntry::action)
                    .filter(a -> a.startsWith("callee.erasure")).toList();
            assertEquals(List.of("callee.erasure.requested", "callee.erasure.completed"), actions);
            assertFalse(cloud.dynamoDb().scan(r -> r.tableName(cloud.physicalName("AccountsTable"))).items().toString()
                    .contains("+33612345678"), "the accounts table keeps no number once the erasure is done");
        }
    }

    private static void put(LocalCloud cloud, String bucket, String key, String content) {
        cloud.s3().putObject(r -> r.bucket(bucket).key(key), RequestBody.fromBytes(content.getBytes(StandardCharsets.UTF_8)));
    }

    private static boolean exists(LocalCloud cloud, String bucket, String key) {
        return cloud.s3().listObjectsV2(r -> r.bucket(bucket).prefix(key)).contents().stream()
                .anyMatch(o -> o.key().equals(key));
    }
}
