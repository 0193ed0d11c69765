package com.outboundcalls.infra.launcher;

import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Priming;
import com.outboundcalls.infra.localcloud.CloudTemplate;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.time.Zones;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every function of the template built as SnapStart builds it for a snapshot (its environment, with
 * {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}) in the local cloud, then primed and restored: its reads and its
 * own handler paths run against the stand-ins, within its role, and change nothing anyone can see: no item, object,
 * message, call, mail or metric.
 */
class SnapStartPrimingEndToEndTest {

    /** Monday 5 October 2026, 11:00 in Paris: inside the legal calling window, so the dialer would dial. */
    private static final Instant START = LocalDateTime.of(2026, 10, 5, 11, 0).atZone(Zones.BILLING).toInstant();

    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(START)).seed(5).start();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    @Test
    void primingEveryFunctionBeforeItsSnapshotReadsWithinItsRoleAndChangesNothing() throws Exception {
        CloudTemplate template = CloudTemplate.load(CloudTemplate.locate(Path.of("")));
        Map<String, Object> stored = everythingStored();
        long callsPlaced = cloud.connect().stats().callsPlaced();
        int mailsSent = cloud.ses().sent().size();
        Map<String, Long> metrics = cloud.metrics();
        ByteArrayOutputStream published = new ByteArrayOutputStream();
        Map<String, Long> callsBefore = cloud.awsCalls();

        for (String function : cloud.functions().keySet()) {
            Map<String, String> environment = new HashMap<>(cloud.function(function).environment());
            environment.put("AWS_LAMBDA_INITIALIZATION_TYPE", Priming.SNAP_START);
            String handler = ((String) template.properties(function).get("Handler")).split("::")[0];
            Class.forName(handler).getConstructor(FunctionRuntime.class).newInstance(new FunctionRuntime(environment,
                    cloud.clock(), cloud.clock().sleeper(), new PrintStream(published, true, StandardCharsets.UTF_8)));
        }
        Priming.checkpointAndRestore();

        Map<String, Long> primingCalls = new TreeMap<>();
        cloud.awsCalls().forEach((call, n) -> {
            long more = n - callsBefore.getOrDefault(call, 0L);
            if (more > 0) {
                primingCalls.put(call, more);
            }
        });
        assertEquals(List.of(), cloud.accessDenials(), "no priming read goes beyond its function's role");
        List<String> withPaths = List.of("AccountsApiFunction", "CallRaterFunction", "DialerFunction",
                "FinanceApiFunction", "InvoiceRunFunction", "DashboardRequestsFunction", "ContactIngestFunction",
                "ContactIngestResumeFunction", "OppositionImportFunction", "PriceListImportFunction",
                "ClientNoticesFunction", "CalleeErasureFunction");
        for (String primed : withPaths) {
            assertTrue(primingCalls.keySet().stream().anyMatch(call -> call.startsWith(primed + " DynamoDb:")),
                    primed + " ran its own path, through its reads, before its snapshot: " + primingCalls);
        }
        assertEquals(List.of(), primingCalls.keySet().stream()
                        .filter(call -> !withPaths.contains(call.substring(0, call.indexOf(' ')))).toList(),
                "a function without a path of its own to prime only builds its clients: no call");
        assertEquals(List.of(), primingCalls.keySet().stream().filter(call -> call.contains("SecretsManager:")
                || call.contains(":Scan")).toList(), "no secret read into a snapshot, no table scanned");
        assertEquals(stored, everythingStored(), "no item, object or message written");
        assertEquals(callsPlaced, cloud.connect().stats().callsPlaced(), "no call placed");
        assertEquals(mailsSent, cloud.ses().sent().size(), "no mail sent");
        assertEquals(metrics, cloud.metrics());
        assertEquals("", published.toString(StandardCharsets.UTF_8), "no metric published by a priming");
    }

    /** Every table's items, every bucket's keys and every queue's depth. */
    private static Map<String, Object> everythingStored() {
        Map<String, Object> stored = new TreeMap<>();
        for (String table : cloud.dynamoDb().listTables().tableNames()) {
            stored.put("table " + table, cloud.dynamoDb().scanPaginator(r -> r.tableName(table)).items().stream()
                    .map(Object::toString).sorted().toList());
        }
        cloud.s3().listBuckets().buckets().forEach(bucket -> stored.put("bucket " + bucket.name(),
                cloud.s3().listObjectsV2Paginator(r -> r.bucket(bucket.name())).contents().stream()
                        .map(o -> o.key() + " " + o.eTag()).sorted().toList()));
        for (String queueUrl : cloud.sqs().listQueues().queueUrls()) {
            stored.put("queue " + queueUrl, cloud.sqs().getQueueAttributes(r -> r.queueUrl(queueUrl).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes().toString());
        }
        return stored;
    }
}
