package com.outboundcalls.infra.benchmarks;

import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the AWS API calls every SDK client of this JVM makes, by service and operation. The SDK loads it
 * for all clients from {@code software/amazon/awssdk/global/handlers/execution.interceptors}, which only the
 * benchmarks jar carries: the functions' own clients are counted without touching their code.
 */
public final class RequestCounter implements ExecutionInterceptor {

    private static final Map<String, LongAdder> CALLS = new ConcurrentHashMap<>();
    private static final Map<String, LongAdder> NANOS = new ConcurrentHashMap<>();
    private static final ExecutionAttribute<Long> STARTED = new ExecutionAttribute<>("benchmarkStartedNanos");

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        attributes.putAttribute(STARTED, System.nanoTime());
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String key = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(key, k -> new LongAdder()).increment();
        Long started = attributes.getAttribute(STARTED);
        if (started != null) {
            NANOS.computeIfAbsent(key, k -> new LongAdder()).add(System.nanoTime() - started);
        }
    }

    /** Seconds spent inside each operation's calls (request, service time, response parsing), by operation. */
    static Map<String, Double> seconds() {
        Map<String, Double> copy = new TreeMap<>();
        NANOS.forEach((k, v) -> copy.put(k, v.sum() / 1e9));
        return copy;
    }

    static Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        CALLS.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    static void reset() {
        CALLS.clear();
        NANOS.clear();
    }
}
