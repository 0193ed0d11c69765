package com.outboundcalls.infra.localcloud;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local cloud creates what template.yaml describes, and nothing from a second list. */
class TemplateProvisioningTest {

    private static LocalCloud cloud;
    private static CloudTemplate template;

    @BeforeAll
    static void start() {
        Path path = CloudTemplate.locate(Path.of(""));
        template = CloudTemplate.load(path);
        cloud = LocalCloud.builder().template(path).clock(LocalClock.simulated(Instant.parse("2026-10-01T00:00:00Z")))
                .start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void everyTableOfTheTemplateExistsWithItsKeysAndIndexes() {
        List<String> tables = template.resourcesOfType("AWS::DynamoDB::Table");
        assertTrue(tables.size() >= 5);
        for (String id : tables) {
            TableDescription t = cloud.dynamoDb().describeTable(r -> r.tableName(cloud.physicalName(id))).table();
            assertEquals(cloud.physicalName(id), t.tableName());
        }
        TableDescription contacts = cloud.dynamoDb().describeTable(r -> r.tableName(cloud.physicalName("ContactsTable")))
                .table();
        assertEquals("Hopper", contacts.globalSecondaryIndexes().get(0).indexName());
    }

    @Test
    void everyQueueHasTheRedrivePolicyOfTheTemplate() {
        Map<QueueAttributeName, String> dial = cloud.sqs().getQueueAttributes(r -> r
                .queueUrl(cloud.physicalName("DialQueue")).attributeNames(QueueAttributeName.ALL)).attributes();
        assertTrue(dial.get(QueueAttributeName.REDRIVE_POLICY).contains("DialDeadLetterQueue"));
        assertTrue(dial.get(QueueAttributeName.REDRIVE_POLICY).contains("10"));
        assertEquals("360", dial.get(QueueAttributeName.VISIBILITY_TIMEOUT));
    }

    @Test
    void theBucketIsNamedAsTheTemplateSubstitutesIt() {
        assertEquals("outbound-local-000000000000-contacts", cloud.physicalName("ContactBucket"));
        cloud.s3().headBucket(r -> r.bucket(cloud.physicalName("ContactBucket")));
    }

    @Test
    void cronSchedulesAreEvaluatedInTheirTimeZone() {
        ScheduleExpression firstOfMonth = ScheduleExpression.parse("cron(0 6 1 * ? *)", ZoneId.of("Europe/Paris"));
        // 1 November 2026 06:00 Paris is 05:00 UTC (winter time).
        assertEquals(Instant.parse("2026-11-01T05:00:00Z"), firstOfMonth.nextAfter(Instant.parse("2026-10-15T00:00:00Z")));
        // 1 October 2026 06:00 Paris is 04:00 UTC (summer time).
        assertEquals(Instant.parse("2026-10-01T04:00:00Z"), firstOfMonth.nextAfter(Instant.parse("2026-09-30T00:00:00Z")));
        // L: the month's last day. 31 October 2026 23:30 Paris is 22:30 UTC (winter time from the 25th); 30 November
        // 23:30 is 22:30 UTC.
        ScheduleExpression endOfMonth = ScheduleExpression.parse("cron(30 23 L * ? *)", ZoneId.of("Europe/Paris"));
        assertEquals(Instant.parse("2026-10-31T22:30:00Z"), endOfMonth.nextAfter(Instant.parse("2026-10-15T00:00:00Z")));
        assertEquals(Instant.parse("2026-11-30T22:30:00Z"), endOfMonth.nextAfter(Instant.parse("2026-10-31T22:30:00Z")));
        assertEquals(Instant.parse("2027-02-28T22:30:00Z"), endOfMonth.nextAfter(Instant.parse("2027-02-01T00:00:00Z")));
        ScheduleExpression everyMinute = ScheduleExpression.parse("rate(1 minute)", ZoneId.of("Europe/Paris"));
        assertEquals(Instant.parse("2026-10-01T00:01:00Z"), everyMinute.nextAfter(Instant.parse("2026-10-01T00:00:00Z")));
    }

    @Test
    @SuppressWarnings("unchecked")
    void anSqsEventSourceRunsAsManyBatchesAtOnceAsItsScalingAndTheFunctionsReservedConcurrencyAllow() {
        // The dialer's mapping says MaximumConcurrency 2; the rater's 5; the rerate mapping says nothing (Lambda's five).
        assertEquals(2, SqsEventSource.pollers(template.properties("DialerFunction"), sqsEvent("DialerFunction")));
        assertEquals(5, SqsEventSource.pollers(template.properties("CallRaterFunction"),
                sqsEvent("CallRaterFunction")));
        assertEquals(SqsEventSource.LAMBDA_INITIAL_POLLERS, SqsEventSource.pollers(
                template.properties("RerateFunction"), sqsEvent("RerateFunction")));
        // A function held to one concurrent execution runs one batch at a time, whatever its mapping says.
        assertEquals(1, SqsEventSource.pollers(Map.of("ReservedConcurrentExecutions", 1),
                Map.of("ScalingConfig", Map.of("MaximumConcurrency", 5))));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> sqsEvent(String function) {
        Map<String, Map<String, Object>> events = (Map<String, Map<String, Object>>) template.properties(function)
                .get("Events");
        return (Map<String, Object>) events.values().stream().filter(e -> "SQS".equals(e.get("Type"))).findFirst()
                .orElseThrow().get("Properties");
    }
}
