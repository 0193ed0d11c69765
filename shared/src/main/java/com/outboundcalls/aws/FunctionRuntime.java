package com.outboundcalls.aws;

import com.outboundcalls.time.Sleeper;

import java.time.Clock;
import java.util.Map;

/**
 * What a function gets from where it runs: its environment variables (set by template.yaml), a clock and
 * a way to wait on that clock. On Lambda: the process environment and the system clock.
 */
public record FunctionRuntime(Map<String, String> environment, Clock clock, Sleeper sleeper) {

    public static FunctionRuntime system() {
        Clock clock = Clock.systemUTC();
        return new FunctionRuntime(System.getenv(), clock, Sleeper.of(clock));
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
