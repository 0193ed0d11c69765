package com.outboundcalls.glue;

import com.outboundcalls.aws.FunctionRuntime;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
        if (initializationType != null) {
            env.put("AWS_LAMBDA_INITIALIZATION_TYPE", initializationType);
        }
        return env;
    }

    private static Wiring wiring(Map<String, String> env) {
        Clock clock = Clock.fixed(Instant.parse("2026-10-01T00:00:00Z"), ZoneOffset.UTC);
        return new Wiring(new FunctionRuntime(env, clock, duration -> { }));
    }

    @Test
    void beforeTheSnapshotEachTableBucketQueueAndInstanceOfTheEnvironmentIsReadOnceWhateverItAnswers() {
        Priming priming = new Priming(wiring(environment(Priming.SNAP_START)));

        priming.beforeCheckpoint(null);

        assertEquals(5, priming.reads(), "2 tables, a bucket, a queue, the Connect instance; not the mail sender");
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
}
