package com.outboundcalls.lambda;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.json.JsonTrees;

import java.io.PrintStream;
import java.time.Clock;

/**
 * Counters in CloudWatch Embedded Metric Format: one JSON log line that CloudWatch turns into a metric of
 * the {@code OutboundCalls} namespace, by function.
 */
public final class Metrics {

    public static final String NAMESPACE = "OutboundCalls";

    private final String function;
    private final Clock clock;
    private final PrintStream out;
    private volatile boolean priming;

    public Metrics(String function, Clock clock) {
        this(function, clock, System.out);
    }

    /** Metric lines to where the function's runtime sends them. */
    public Metrics(String function, com.outboundcalls.aws.FunctionRuntime runtime) {
        this(function, runtime.clock(), runtime.metricsOut());
    }

    Metrics(String function, Clock clock, PrintStream out) {
        this.function = function;
        this.clock = clock;
        this.out = out;
    }

    /**
     * While the function primes its path before SnapStart's snapshot, each line is made (and written out as text) but
     * not published: its counts would be of events that never happened.
     */
    public void priming(boolean on) {
        this.priming = on;
    }

    public void count(String metric, long value) {
        emit(metric, value, "Count", null, null);
    }

    /** A count under one more dimension, e.g. deferrals by {@code Reason}. */
    public void count(String metric, long value, String dimension, String dimensionValue) {
        emit(metric, value, "Count", dimension, dimensionValue);
    }

    /** A share in percent under one more dimension, e.g. a routing queue's agent occupancy by {@code Queue}. */
    public void percent(String metric, long value, String dimension, String dimensionValue) {
        emit(metric, value, "Percent", dimension, dimensionValue);
    }

    /** A duration, in milliseconds (e.g. the invoice run's). */
    public void duration(String metric, java.time.Duration duration) {
        emit(metric, duration.toMillis(), "Milliseconds", null, null);
    }

    private void emit(String metric, long value, String unit, String dimension, String dimensionValue) {
        ObjectNode line = JsonTrees.object();
        ObjectNode aws = line.putObject("_aws");
        aws.put("Timestamp", clock.millis());
        ObjectNode directive = aws.putArray("CloudWatchMetrics").addObject();
        directive.put("Namespace", NAMESPACE);
        var dimensions = directive.putArray("Dimensions").addArray().add("Function");
        if (dimension != null) {
            dimensions.add(dimension);
            line.put(dimension, dimensionValue);
        }
        ObjectNode definition = directive.putArray("Metrics").addObject();
        definition.put("Name", metric);
        definition.put("Unit", unit);
        line.put("Function", function);
        line.put(metric, value);
        String text = JsonTrees.write(line); // written out while priming too, so that its writing is primed, then dropped
        if (!priming) {
            out.println(text);
        }
    }
}
