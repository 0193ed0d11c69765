package com.outboundcalls.aws;

import com.outboundcalls.time.Sleeper;

import java.time.Clock;
import java.util.Map;

/**
 * What a function gets from where it runs: its environment variables (set by template.yaml), a clock, a way
 * to wait on that clock, and where its metric lines go. On Lambda: the process environment, the system clock
 * and standard output (CloudWatch Logs, which turns Embedded Metric Format lines into metrics).
 */
public record FunctionRuntime(Map<String, String> environment, Clock clock, Sleeper sleeper,
                              java.io.PrintStream metricsOut) {

    public FunctionRuntime(Map<String, String> environment, Clock clock, Sleeper sleeper) {
        this(environment, clock, sleeper, System.out);
    }

    public static FunctionRuntime system() {
        Clock clock = Clock.systemUTC();
        return new FunctionRuntime(System.getenv(), clock, Sleeper.of(clock), System.out);
    }

    /** A required variable, with a message naming it when absent. */
    public String require(String name) {
        String value = environment.get(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }

    public int requireInt(String name) {
        return Integer.parseInt(require(name));
    }
}
