package com.outboundcalls.functions.reporting;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoContactBook;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.lambda.EventFixtures;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The hourly campaign report in the local cloud: contacts in DynamoDB Local, the report in S3Proxy. */
class CampaignReportLocalCloudTest {

    private static final Instant STORED = Instant.parse("2026-10-05T05:00:00Z");

    private static LocalCloud cloud;
    private static DynamoContactBook contacts;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(Instant.parse("2026-10-05T08:30:00Z"))).start();
        DynamoAccountDirectory accounts = new DynamoAccountDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable"));
        contacts = new DynamoContactBook(cloud.dynamoDb(), cloud.physicalName("ContactsTable"));
        accounts.putClient(new Client("acme", "ACME", "FR", new Client.Tariff(3, Duration.ofHours(1)),
                Client.AccountStatus.ACTIVE, null));
        accounts.putClient(new Client("globex", "Globex", "FR", new Client.Tariff(3, Duration.ofHours(1)),
                Client.AccountStatus.ACTIVE, null));
        accounts.putCampaign(new Campaign("acme", "big", Campaign.Status.ACTIVE, null, null, 1));
        accounts.putCampaign(new Campaign("globex", "paused", Campaign.Status.PAUSED, null, null, 1));
        add("acme", "big", 30, "+3361400");
        add("globex", "paused", 5, "+3361600");
        // Ten of them taken by the feeder: their last decision is to be queued.
        Instant now = cloud.clock().instant();
        contacts.due("acme#big", now, 10).forEach(entry -> contacts.claimForQueue("acme#big", entry.contactId(), now,
                now.plus(Duration.ofMinutes(15))));
    }

    private static void add(String client, String campaign, int n, String prefix) {
        for (int i = 0; i < n; i++) {
            String e164 = prefix + String.format("%03d", i);
            contacts.addIfAbsent(new NewContact(client, campaign, cloud.contactIds().of(client, campaign, e164), e164, "FR",
                    "MOBILE", null, null, null, Map.of(), "file", STORED));
        }
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void theHourlyCampaignReportIsWrittenByARequestOfItsOwnAndListsEveryContactWithItsDecisions() throws Exception {
        Instant hour = cloud.clock().instant();
        Object requested = cloud.function("CampaignReportFunction").invoke(EventFixtures.json("scheduled-hour.json",
                "scheduledTime", hour.toString()));
        assertEquals("1 campaign report(s) requested", requested, "the running campaign only, a request of its own");
        cloud.drain();

        String bucket = cloud.physicalName("ContactBucket");
        byte[] bytes = cloud.s3().getObjectAsBytes(r -> r.bucket(bucket)
                .key("reports/acme/big/campaign-report.csv")).asByteArray();
        List<CsvRecord> rows;
        try (var reader = CsvReader.builder().fieldSeparator(';')
                .ofCsvRecord(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))) {
            rows = reader.stream().toList();
        }
        assertEquals(31, rows.size(), "header and the campaign's 30 contacts");
        Map<ContactStatus, Long> counted = new EnumMap<>(ContactStatus.class);
        for (var row : rows.subList(1, rows.size())) {
            counted.merge(ContactStatus.valueOf(row.getField(3)), 1L, Long::sum);
            assertTrue(row.getField(9).contains(" STORED: from file"), row.getField(9));
            if (ContactStatus.valueOf(row.getField(3)) == ContactStatus.QUEUED) {
                assertTrue(row.getField(8).startsWith("QUEUED"), row.getField(8));
            }
        }
        assertEquals(10L, counted.get(ContactStatus.QUEUED));
        assertEquals(contacts.countByStatus("acme#big"), counted);
        String summary = cloud.s3().getObjectAsBytes(r -> r.bucket(bucket)
                .key("reports/acme/big/campaign-report.summary.json")).asUtf8String();
        assertTrue(summary.contains("\"contacts\" : 30"), summary);
        assertTrue(summary.contains("\"asOf\" : \"" + com.outboundcalls.time.Times.iso(hour) + "\""),
                "as of the hour asked for: " + summary);
        assertTrue(cloud.s3().listObjectsV2(r -> r.bucket(bucket).prefix("reports/globex/paused/")).contents()
                .isEmpty(), "a paused campaign is not reported");
    }

    @Test
    void theHourlyDashboardsAreAskedForOnePerClientAndEachIsWrittenByARequestOfItsOwn() throws Exception {
        String bucket = cloud.physicalName("ContactBucket");
        long requestsBefore = cloud.function("DashboardRequestsFunction").invocations();
        Object written = cloud.function("DashboardFunction").invoke(EventFixtures.json("scheduled-hour.json",
                "scheduledTime", cloud.clock().instant().toString()));
        assertEquals("2 dashboard(s) requested", written);
        assertTrue(cloud.s3().listObjectsV2(r -> r.bucket(bucket).prefix("reports/acme/dashboard/")).contents()
                .isEmpty(), "the hour's invocation writes no dashboard itself");

        cloud.drain();
        for (String client : List.of("acme", "globex")) {
            String page = cloud.s3().getObjectAsBytes(r -> r.bucket(bucket).key("reports/" + client
                    + "/dashboard/dashboard.json")).asUtf8String();
            assertEquals(client, new com.fasterxml.jackson.databind.ObjectMapper().readTree(page).path("clientId")
                    .asText(), page);
        }
        assertEquals(0, cloud.queueDepth("DashboardRequestsQueue"));
        assertTrue(cloud.function("DashboardRequestsFunction").invocations() > requestsBefore);
        assertEquals(List.of(), cloud.accessDenials(), "each function within its template policy");
    }

    @Test
    void aReportWrittenSevenContactsAStepWithTheFunctionsIdentityIsTheReportWrittenAtOnceAndLeavesNoTail() {
        com.outboundcalls.glue.Wiring wiring = new com.outboundcalls.glue.Wiring(new com.outboundcalls.aws.FunctionRuntime(
                cloud.function("DashboardRequestsFunction").environment(), cloud.clock(), d -> { }));
        String bucket = cloud.physicalName("ContactBucket");
        Campaign big = wiring.accountDirectory().campaign("acme", "big").orElseThrow();
        java.util.function.IntFunction<byte[]> report = pageSize -> {
            java.util.Deque<com.outboundcalls.report.CampaignReports.Step> queued = new java.util.ArrayDeque<>();
            com.outboundcalls.report.CampaignReports reports = new com.outboundcalls.report.CampaignReports(
                    wiring.contactRecords(), wiring.accountDirectory()::campaign, wiring.objectSink(bucket), queued::add,
                    new com.outboundcalls.aws.DynamoLatestRewrites(wiring.dynamoDb(),
                            cloud.physicalName("CampaignStatsTable"), wiring.clock()), wiring.contactWrites(),
                    pageSize, com.outboundcalls.files.ObjectSink.MIN_PART_SIZE);
            reports.start(big, Instant.parse("2026-10-05T09:00:00Z"));
            while (!queued.isEmpty()) {
                reports.take(queued.poll());
            }
            return cloud.s3().getObjectAsBytes(r -> r.bucket(bucket).key("reports/acme/big/campaign-report.csv"))
                    .asByteArray();
        };
        byte[] atOnce = report.apply(1000);
        byte[] inSteps = report.apply(7);

        org.junit.jupiter.api.Assertions.assertArrayEquals(atOnce, inSteps, "30 contacts read by cursor, 7 a step");
        assertTrue(cloud.s3().listObjectsV2(r -> r.bucket(bucket).prefix("reports/parts/")).contents().isEmpty(),
                "no callee's row left in a tail");
        assertEquals(List.of(), cloud.accessDenials(), "within the function's template policy");
    }
}
