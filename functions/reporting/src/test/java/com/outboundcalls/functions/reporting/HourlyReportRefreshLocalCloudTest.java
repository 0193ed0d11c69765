package com.outboundcalls.functions.reporting;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.aws.DynamoContactWrites;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.lambda.EventFixtures;
import com.outboundcalls.time.Times;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A running campaign's hourly report in the local cloud, as deployed: rewritten when one of its contacts was written
 * since the hour before its last whole rewrite, left as it is otherwise. The contacts are written as the writing
 * functions' wiring writes them: through a contact book that marks each write's hour first.
 */
class HourlyReportRefreshLocalCloudTest {

    private static final Instant MORNING = Instant.parse("2026-10-05T08:10:00Z");

    private static LocalCloud cloud;
    private static String bucket;
    private static DynamoContactWrites writes;
    private static DynamoContactBook contacts;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(MORNING)).start();
        bucket = cloud.physicalName("ContactBucket");
        DynamoAccountDirectory accounts = new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"));
        accounts.putClient(new Client("acme", "ACME", "FR", new Client.Tariff(3, Duration.ofHours(1)),
                Client.AccountStatus.ACTIVE, null));
        accounts.putCampaign(new Campaign("acme", "spring", Campaign.Status.ACTIVE, null, null, 1));
        String stats = cloud.physicalName("CampaignStatsTable");
        writes = new DynamoContactWrites(cloud.dynamoDb(), stats, cloud.clock());
        contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"), stats, writes);
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    /** The hour's schedule at this instant, every request and step it starts handled; the summary's asOf after it. */
    private static String hour(Instant at) {
        cloud.clock().advanceTo(at);
        assertEquals("1 campaign report(s) requested", cloud.function("CampaignReportFunction").invoke(
                EventFixtures.json("scheduled-hour.json", "scheduledTime", at.toString())));
        cloud.drain();
        String summary = cloud.s3().getObjectAsBytes(r -> r.bucket(bucket)
                .key("reports/acme/spring/campaign-report.summary.json")).asUtf8String();
        int from = summary.indexOf("\"asOf\" : \"") + 10;
        return summary.substring(from, summary.indexOf('"', from));
    }

    @Test
    void aReportIsRewrittenOnlyAfterAnHourInWhichOneOfItsContactsWasWritten() {
        for (int i = 0; i < 5; i++) {
            String e164 = "+3361400" + String.format("%03d", i);
            contacts.addIfAbsent(new NewContact("acme", "spring", cloud.contactIds().of("acme", "spring", e164), e164,
                    "FR", "MOBILE", null, null, null, Map.of(), "file", MORNING));
        }
        Instant nine = Instant.parse("2026-10-05T09:00:00Z");

        assertEquals(Times.iso(nine), hour(nine), "the first report");
        assertEquals(Times.iso(nine.plusSeconds(3600)), hour(nine.plusSeconds(3600)),
                "the contacts were added in the hour before the last rewrite's: written again");
        assertEquals(Times.iso(nine.plusSeconds(3600)), hour(nine.plusSeconds(7200)), "nothing written since");
        assertEquals(Times.iso(nine.plusSeconds(3600)), hour(nine.plusSeconds(10800)), "nothing written since");

        // 12:20: the feeder takes one contact.
        cloud.clock().advanceTo(nine.plusSeconds(12000));
        Instant now = cloud.clock().instant();
        var due = contacts.due("acme#spring", now, 1).get(0);
        assertTrue(contacts.claimForQueue("acme#spring", due.contactId(), now, now.plus(Duration.ofMinutes(15))));

        Instant one = nine.plusSeconds(14400);
        assertEquals(Times.iso(one), hour(one), "a contact was written at 12:20");
        String csv = cloud.s3().getObjectAsBytes(r -> r.bucket(bucket).key("reports/acme/spring/campaign-report.csv"))
                .asUtf8String();
        assertTrue(csv.contains(";QUEUED;"), "the queued contact as it stands: " + csv);
        assertEquals(List.of(), cloud.accessDenials(), "the dashboard requests within their template policy");
    }

    @Test
    void aTransitionThatFindsItsContactMovedOnStillMarksItsHour() {
        Instant now = cloud.clock().instant();
        assertTrue(!writes.writtenBetween("acme#autumn", now, now), "nothing written in that campaign yet");

        assertTrue(!contacts.claimForQueue("acme#autumn", "nobody", now, now.plusSeconds(60)), "no such contact");

        assertTrue(writes.writtenBetween("acme#autumn", now, now),
                "the hour is marked before the write is tried: a write that did not happen costs a rewrite, never"
                        + " the other way round");
        assertTrue(!writes.writtenBetween("acme#autumn", now.plusSeconds(3600), now.plusSeconds(7200)),
                "only its own hour");
    }
}
