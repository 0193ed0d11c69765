package com.outboundcalls.benchmarks;

import software.amazon.awssdk.core.interceptor.Context;
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

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        String key = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME) + "."
                + attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        CALLS.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    static Map<String, Long> snapshot() {
        Map<String, Long> copy = new TreeMap<>();
        CALLS.forEach((k, v) -> copy.put(k, v.sum()));
        return copy;
    }

    static void reset() {
        CALLS.clear();
    }
}
