package com.outboundcalls.infra.localcloud;

import com.amazonaws.services.lambda.runtime.Context;
import com.outboundcalls.aws.FunctionRuntime;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** A function runs as Lambda runs it: one invocation per container at a time, a container of its own each overlap. */
class LocalFunctionTest {

    /** A handler that waits until as many invocations as the latch counts are running together. */
    public static final class MeetingHandler {
        static volatile CountDownLatch meeting;
        static final Set<Object> containersSeen = ConcurrentHashMap.newKeySet();
        static final AtomicInteger running = new AtomicInteger();
        static final AtomicInteger mostAtOnce = new AtomicInteger();

        public MeetingHandler(FunctionRuntime runtime) {
        }

        public String handleRequest(Map<String, Object> input, Context context) throws InterruptedException {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                containersSeen.add(this);
                meeting.countDown();
                return meeting.await(10, TimeUnit.SECONDS) ? "met" : "alone";
            } finally {
                running.decrementAndGet();
            }
        }
    }

    private final LocalFunction function = new LocalFunction("MeetingFunction",
            MeetingHandler.class.getName() + "::handleRequest", Map.of(), LocalClock.simulated(Instant.EPOCH), 60, 1024,
            System.out);

    @Test
    void overlappingInvocationsRunTogetherEachInAContainerOfItsOwnAndAWarmContainerIsReused() throws Exception {
        MeetingHandler.meeting = new CountDownLatch(3);
        ExecutorService callers = Executors.newFixedThreadPool(3);
        try {
            Future<?>[] outcomes = new Future<?>[3];
            for (int i = 0; i < 3; i++) {
                outcomes[i] = callers.submit(() -> function.invoke("{}"));
            }
            for (Future<?> outcome : outcomes) {
                assertEquals("met", outcome.get(30, TimeUnit.SECONDS));
            }
        } finally {
            callers.shutdownNow();
        }
        assertEquals(3, function.containers());
        assertEquals(3, MeetingHandler.mostAtOnce.get());

        // One at a time afterwards: the idle containers serve them, none is built.
        MeetingHandler.meeting = new CountDownLatch(1);
        for (int i = 0; i < 4; i++) {
            assertEquals("met", function.invoke("{}"));
        }
        assertEquals(3, function.containers());
        assertEquals(3, MeetingHandler.containersSeen.size());
        assertEquals(7, function.invocations());
    }
}
