package com.outboundcalls.glue;

import com.outboundcalls.aws.FunctionRuntime;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrimingTest {

    /** A function's environment whose services answer nothing: a port on which nobody listens. */
    private static Map<String, String> environment(String initializationType) {
        Map<String, String> env = new HashMap<>();
        env.put("AWS_REGION", "eu-west-3");
        env.put("AWS_ACCESS_KEY_ID", "priming");
        env.put("AWS_SECRET_ACCESS_KEY", "priming");
        env.put("AWS_ENDPOINT_URL", "http://127.0.0.1:9");
        env.put("CONTACTS_TABLE", "contacts");
        env.put("CALLS_TABLE", "calls");
        env.put("REPORT_BUCKET", "reports");
        env.put("DIAL_QUEUE_URL", "http://127.0.0.1:9/000000000000/dial");
        env.put("CONNECT_INSTANCE_ID", "instance");
        env.put("MAIL_FROM", "factures@example.com");
        env.put("CONTACT_ID_KEY_SECRET", "arn:aws:secretsmanager:eu-west-3:000000000000:secret:contact-ids");
        if (initializationType != null) {
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", initializationType);
        }
        return env;
    }

    private static Wiring wiring(Map<String, String> env) {
        Clock clock = Clock.fixed(Instant.parse("2026-10-01T00:00:00Z"), ZoneOffset.UTC);
        return new Wiring(new FunctionRuntime(env, clock, duration -> { }));
    }

    /** A wiring initialized for a snapshot whose metrics are published to this stream. */
    private static Wiring publishingTo(java.io.ByteArrayOutputStream published) {
        return new Wiring(new FunctionRuntime(environment(Priming.SNAP_START),
                Clock.fixed(Instant.parse("2026-10-01T00:00:00Z"), ZoneOffset.UTC), duration -> { },
                new java.io.PrintStream(published, true, java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Test
    void beforeTheSnapshotTheClientOfEachServiceTheEnvironmentNamesAResourceOfIsBuilt() {
        Priming priming = new Priming(wiring(environment(Priming.SNAP_START)));

        priming.beforeCheckpoint(null);

        assertEquals(java.util.Set.of("connect", "dynamodb", "s3", "secretsmanager", "sesv2", "sqs"),
                priming.clientsBuilt(), "tables, a bucket, a queue, the Connect instance, the mail sender's SES (built "
                        + "with the first mail), the secret's Secrets Manager (its secret read after the restore)");
    }

    @Test
    void aFunctionWhoseEventsNameItsBucketsHasItsS3ClientBuiltThoughItsEnvironmentNamesNone() {
        Map<String, String> noBucket = new java.util.HashMap<>(environment(Priming.SNAP_START));
        noBucket.remove("REPORT_BUCKET");
        Wiring bare = wiring(noBucket);
        Priming unaware = bare.priming();
        unaware.beforeCheckpoint(null);
        assertFalse(unaware.clientsBuilt().contains("s3"), "no bucket named, no S3 client: " + unaware.clientsBuilt());

        Wiring s3Triggered = wiring(noBucket);
        s3Triggered.primeS3ForTheBucketsItsEventsName();
        Priming priming = s3Triggered.priming();
        priming.beforeCheckpoint(null);
        assertTrue(priming.clientsBuilt().contains("s3"), "built for the buckets its events name: "
                + priming.clientsBuilt());
    }

    @Test
    void onlyAFunctionInitializedForASnapshotRegistersItsPriming() {
        int before = Priming.registered();
        wiring(environment(null));
        wiring(environment("on-demand"));
        assertEquals(before, Priming.registered(), "on demand and in the local cloud nothing is kept");
        wiring(environment(Priming.SNAP_START));
        assertEquals(before + 1, Priming.registered());
    }

    @Test
    void theHandlersOwnPathsRunSeveralTimesWhateverTheyThrowAndTheirMetricsAreNotPublished() {
        java.io.ByteArrayOutputStream published = new java.io.ByteArrayOutputStream();
        Wiring wiring = publishingTo(published);
        int[] runs = {0, 0};
        wiring.primeWith(() -> {
            runs[0]++;
            wiring.metrics("dialer").count("CallsPlaced", 1);
        });
        wiring.primeWith(() -> {
            runs[1]++;
            throw new IllegalStateException("refused");
        });
        Priming priming = wiring.priming();

        priming.beforeCheckpoint(null);

        assertEquals(Priming.PASSES, runs[0]);
        assertEquals(Priming.PASSES, runs[1], "a path that throws is run as many times");
        assertEquals(Priming.PASSES * 2, priming.pathRuns());
        assertEquals("", published.toString(java.nio.charset.StandardCharsets.UTF_8), "no metric of a priming");
        wiring.metrics("dialer").count("CallsPlaced", 1);
        org.junit.jupiter.api.Assertions.assertTrue(published.toString(java.nio.charset.StandardCharsets.UTF_8)
                .contains("\"CallsPlaced\":1"), "after the priming, metrics are published again");
    }

    @Test
    void aDryPathRunsItsHandlerOnClientsAnsweredOverLoopbackAndReachesNoService() {
        java.io.ByteArrayOutputStream published = new java.io.ByteArrayOutputStream();
        Wiring wiring = publishingTo(published);
        java.util.List<Boolean> itemsFound = new java.util.ArrayList<>();
        int[] built = {0};
        wiring.primeDry(dry -> {
            built[0]++;
            org.junit.jupiter.api.Assertions.assertNotSame(wiring, dry);
            return () -> {
                // Nobody listens on the environment's endpoint: only the dry clients' own answers get through.
                itemsFound.add(dry.dynamoDb().getItem(r -> r.tableName("contacts").key(Map.of("pk",
                        software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("nobody")))).hasItem());
                dry.objectSink("reports").put("reports/nobody.csv", "x".getBytes(), "text/csv");
                dry.metrics("dialer").count("CallsPlaced", 1);
                System.out.println("a dry handler's log line");
            };
        });
        wiring.primeDry(dry -> {
            throw new IllegalStateException("a handler that cannot be built is skipped");
        });
        java.io.PrintStream out = System.out;
        java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
        System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
        Priming priming = wiring.priming();
        try {
            priming.beforeCheckpoint(null);
            System.out.println("after");
        } finally {
            System.setOut(out);
        }

        assertEquals(1, built[0], "the dry handler is built once");
        assertEquals(java.util.List.of(false, false, false), itemsFound, "run each pass, and nothing is found");
        assertEquals(Priming.PASSES * (2 + 4), priming.dryCalls(),
                "per pass, the handler's read and write and the four reads of items of every kind, answered dry");
        org.junit.jupiter.api.Assertions.assertTrue(priming.dryOverLoopback(),
                "answered over a loopback socket, through the HTTP client of the function's real calls");
        assertEquals("", published.toString(java.nio.charset.StandardCharsets.UTF_8), "no metric of a dry path");
        assertEquals("after" + System.lineSeparator(), printed.toString(java.nio.charset.StandardCharsets.UTF_8),
                "a dry handler's log lines go nowhere, and standard output is given back");
        assertEquals(0, wiring.dryCalls(), "the function's own clients are not dry");
    }
}
