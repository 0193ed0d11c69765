package com.outboundcalls.functions.accounts;

import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.CampaignAdministration;
import com.outboundcalls.account.ClientAccounts;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.aws.DynamoAccountRecords;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.lambda.EventFixtures;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The nightly housekeeping on DynamoDB Local and S3Proxy: a finished campaign's contacts get their TTL expiry
 * ninety days on, and once it has come its reports naming callees are deleted; a running campaign keeps both.
 */
class CalleeDataRetentionLocalCloudTest {

    private static final Actor OPS = Actor.operator("arn:aws:iam::000000000000:role/ops");
    private static final Instant NIGHT = Instant.parse("2026-11-30T23:30:00Z");

    @Test
    void aFinishedCampaignsContactsExpireAndItsReportsGoOnceTheExpiryHasCome() throws Exception {
        try (LocalCloud cloud = LocalCloud.builder().clock(LocalClock.simulated(NIGHT)).start()) {
            AccountAdministration admin = new AccountAdministration(new DynamoAccountRecords(cloud.dynamoDb(),
                    cloud.physicalName("AccountsTable"), cloud.physicalName("OppositionsTable")), "+33948000000",
                    cloud.clock());
            admin.onboard(OPS, null, new ClientAccounts.Onboarding("acme", "ACME", "FR",
                    new LegalEntity("Acme SAS", "3 rue des Lilas", "69003", "Lyon", "FR", "542107651",
                            LegalEntity.frenchVatNumber("542107651")), "compta@acme.example",
                    new BillingAccount.Plan("Essentiel", new BigDecimal("49.00")), null, null, null,
                    LocalDate.of(2026, 10, 1), null, ClientAccounts.tariff(3, 120), false, null, null));
            DynamoContactBook contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
            String bucket = cloud.physicalName("ContactBucket");
            for (String campaign : new String[]{"done", "running"}) {
                admin.createCampaign(OPS, "acme", campaign, new CampaignAdministration.CampaignSettings(null, null,
                        null, null, null, null, null, null, null, null));
                admin.act(OPS, "acme", campaign, CampaignAdministration.CampaignAction.START, null);
                for (int i = 0; i < 3; i++) {
                    String e164 = "+336120000" + campaign.length() + i;
                    contacts.addIfAbsent(new NewContact("acme", campaign, cloud.contactIds().of("acme", campaign, e164), e164,
                            "FR", "MOBILE", null, null, null, Map.of(), "f.csv", NIGHT));
                }
                cloud.s3().putObject(r -> r.bucket(bucket).key("reports/acme/" + campaign + "/campaign-report.csv"),
                        RequestBody.fromString("numéro;+33612000000"));
            }
            admin.act(OPS, "acme", "done", CampaignAdministration.CampaignAction.FINISH, null);

            cloud.function("AccountHousekeepingFunction").invoke(EventFixtures.json("scheduled-every-night.json",
                    "scheduledTime", NIGHT.toString()));
            // Each client's housekeeping request, taken from the queue as Lambda's poller takes it.
            cloud.drain();
            long expiry = NIGHT.plus(Duration.ofDays(90)).getEpochSecond();
            for (var item : cloud.dynamoDb().query(r -> r.tableName(cloud.physicalName("ContactsTable"))
                    .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk",
                            AttributeValue.fromS("acme#done")))).items()) {
                assertEquals(Long.toString(expiry), item.get("expiresAt").n(), "the TTL attribute, in epoch seconds");
            }
            for (var item : cloud.dynamoDb().query(r -> r.tableName(cloud.physicalName("ContactsTable"))
                    .keyConditionExpression("pk = :pk").expressionAttributeValues(Map.of(":pk",
                            AttributeValue.fromS("acme#running")))).items()) {
                assertTrue(!item.containsKey("expiresAt"), "a running campaign's contacts stay");
            }
            assertEquals(1, keys(cloud, bucket, "reports/acme/done/"), "the reports stay until the expiry");

            Instant later = NIGHT.plus(Duration.ofDays(91));
            cloud.clock().advanceTo(later);
            cloud.function("AccountHousekeepingFunction").invoke(EventFixtures.json("scheduled-every-night.json",
                    "scheduledTime", later.toString()));
            // Each client's housekeeping request, taken from the queue as Lambda's poller takes it.
            cloud.drain();
            assertEquals(0, keys(cloud, bucket, "reports/acme/done/"), "the finished campaign's reports are gone");
            assertEquals(1, keys(cloud, bucket, "reports/acme/running/"));
        }
    }

    private static int keys(LocalCloud cloud, String bucket, String prefix) {
        return cloud.s3().listObjectsV2(r -> r.bucket(bucket).prefix(prefix)).contents().size();
    }
}
