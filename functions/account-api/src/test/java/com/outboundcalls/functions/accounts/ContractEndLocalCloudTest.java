package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.AuditEntry;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.CampaignAdministration;
import com.outboundcalls.account.ClientAccounts;
import com.outboundcalls.account.ClientRole;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.CognitoUserDirectory;
import com.outboundcalls.aws.DynamoAccountRecords;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.infra.localcloud.SesSimulator;
import com.outboundcalls.lambda.EventFixtures;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The end of a client's contract in the local cloud: the night after its last day its users lose access, its data
 * is returned (an archive its billing address gets a link to, downloadable without signing in), and the grace period
 * over, everything of it is deleted and the link answers 404.
 */
class ContractEndLocalCloudTest {

    private static final Actor OPS = Actor.operator("arn:aws:iam::000000000000:role/ops");
    private static final Instant NIGHT = Instant.parse("2026-11-30T23:30:00Z");

    @Test
    void aTerminatedClientGetsItsDataBackThenItIsDeletedAfterTheGracePeriod() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().clock(LocalClock.simulated(NIGHT)).start()) {
            var cognito = new AwsClients(cloud.clientEnvironment()).cognito();
            DynamoAccountRecords records = new DynamoAccountRecords(cloud.dynamoDb(), cloud.physicalName("AccountsTable"),
                    cloud.physicalName("OppositionsTable"));
            AccountAdministration admin = new AccountAdministration(records, "+33948000000", cloud.clock(),
                    new CognitoUserDirectory(cognito, cloud.physicalName("ClientUserPool")));
            admin.onboard(OPS, null, new ClientAccounts.Onboarding("acme", "ACME", "FR",
                    new LegalEntity("Acme SAS", "3 rue des Lilas", "69003", "Lyon", "FR", "542107651",
                            LegalEntity.frenchVatNumber("542107651")), "compta@acme.example",
                    new BillingAccount.Plan("Essentiel", new BigDecimal("49.00")), null, null, null,
                    LocalDate.of(2026, 10, 1), null, ClientAccounts.tariff(3, 120), false, null, null));
            admin.inviteUser(OPS, "acme", "marie@acme.example", ClientRole.ADMINISTRATEUR);
            admin.createCampaign(OPS, "acme", "spring", new CampaignAdministration.CampaignSettings(null, null,
                    null, null, null, null, null, null, null, null));
            DynamoContactBook contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
            for (int i = 0; i < 3; i++) {
                String e164 = "+3361234567" + i;
                contacts.addIfAbsent(new NewContact("acme", "spring", cloud.contactIds().of("acme", "spring", e164), e164,
                        "FR", "MOBILE", null, null, null, Map.of(), "f.csv", NIGHT));
            }
            String bucket = cloud.physicalName("ContactBucket");
            cloud.s3().putObject(r -> r.bucket(bucket).key("reports/acme/spring/campaign-report.csv"),
                    RequestBody.fromBytes("contactId;number\r\n".getBytes(StandardCharsets.UTF_8)));
            cloud.s3().putObject(r -> r.bucket(bucket).key("incoming/acme/spring/u1-f.csv"),
                    RequestBody.fromBytes("tel\n0612345670\n".getBytes(StandardCharsets.UTF_8)));
            long version = admin.profile(OPS, "acme").version();
            admin.terminate(OPS, "acme", version, LocalDate.of(2026, 11, 30));

            housekeeping(cloud, NIGHT.plus(Duration.ofHours(1)));

            assertFalse(admin.users(OPS, "acme").get(0).isActive(), "its users lose access");
            SesSimulator.SentMail mail = cloud.ses().sent().stream()
                    .filter(m -> m.subject().startsWith("Restitution")).findFirst().orElseThrow();
            assertEquals(List.of("compta@acme.example"), mail.to());
            Matcher link = Pattern.compile("/returns/([A-Za-z0-9_-]{43})").matcher(mail.text());
            assertTrue(link.find(), mail.text());
            APIGatewayV2HTTPResponse download = download(cloud, link.group(1));
            assertEquals(302, download.getStatusCode(), download.getBody());
            byte[] archive = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(download.getHeaders().get("Location"))).build(), HttpResponse.BodyHandlers.ofByteArray()).body();
            List<String> entries = new ArrayList<>();
            String csv = null;
            try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
                for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                    entries.add(e.getName());
                    byte[] bytes = zip.readAllBytes();
                    if (e.getName().equals("contacts.csv")) {
                        csv = new String(bytes, StandardCharsets.UTF_8);
                    }
                }
            }
            assertEquals(List.of("contacts.csv", "reports/spring/campaign-report.csv"), entries);
            assertEquals(4, csv.split("\r\n").length, csv);
            assertEquals(404, download(cloud, "A".repeat(43)).getStatusCode(), "a forged token gives nothing");

            housekeeping(cloud, NIGHT.plus(Duration.ofDays(31)));

            assertTrue(contacts.get("acme#spring", cloud.contactIds().of("acme", "spring", "+33612345670")).isEmpty());
            for (String prefix : List.of("reports/acme/", "incoming/acme/", "returns/acme/")) {
                assertFalse(cloud.s3().listObjectsV2(r -> r.bucket(bucket).prefix(prefix)).hasContents(), prefix);
            }
            assertEquals(404, download(cloud, link.group(1)).getStatusCode(), "the link stops working");
            assertEquals(List.of("contract-end.callee-data.returned", "contract-end.callee-data.deleted"),
                    records.audit("acme").stream().map(AuditEntry::action).filter(a -> a.startsWith("contract-end"))
                            .toList());
        }
    }

    private static void housekeeping(LocalCloud cloud, Instant at) throws Exception {
        cloud.clock().advanceTo(at);
        cloud.function("AccountHousekeepingFunction").invoke(EventFixtures.json("scheduled-every-night.json",
                "scheduledTime", at.toString()));
        // Each client's housekeeping request, taken from the queue as Lambda's poller takes it.
        cloud.drain();
    }

    private static APIGatewayV2HTTPResponse download(LocalCloud cloud, String token) throws Exception {
        return (APIGatewayV2HTTPResponse) cloud.function("AccountsApiFunction").invoke(
                EventFixtures.json("return-download.json", "token", token));
    }
}
