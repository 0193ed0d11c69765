package com.outboundcalls.infra.localcloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.time.Times;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

import static com.outboundcalls.infra.localcloud.LocalCloud.ACCOUNT_ID;
import static com.outboundcalls.infra.localcloud.LocalCloud.REGION;

/**
 * What Lambda's pollers, S3 notifications, EventBridge and the scheduler do, in one loop: contact events from the
 * Connect simulator, new objects, schedules due and one batch per SQS event source, each run when it is due. On a
 * simulated clock it moves time from one event to the next; on the wall clock ({@code up}) a background thread
 * polls.
 */
final class EventLoop {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lambda's asynchronous invocations: the first attempt and two retries. */
    private static final int ASYNC_ATTEMPTS = 3;

    private final LocalClock clock;
    private final LocalEventBridge eventBridge;
    private final ConcurrentLinkedQueue<ObjectCreated> objectsCreated;
    private final List<SqsEventSource> sqsSources = new ArrayList<>();
    private final List<S3Trigger> s3Triggers = new ArrayList<>();
    private final List<LocalSchedule> schedules = new ArrayList<>();
    private ConnectSimulator connect;
    private final java.util.concurrent.ExecutorService pollers = java.util.concurrent.Executors.newCachedThreadPool(
            work -> {
                Thread thread = new Thread(work, "local-cloud-poller");
                thread.setDaemon(true);
                return thread;
            });
    private volatile Thread loop;
    private volatile boolean stopping;

    EventLoop(LocalClock clock, LocalEventBridge eventBridge, ConcurrentLinkedQueue<ObjectCreated> objectsCreated) {
        this.clock = clock;
        this.eventBridge = eventBridge;
        this.objectsCreated = objectsCreated;
    }

    /** The simulator whose contact events this loop delivers (it is built with {@link #contactEvents}). */
    void attach(ConnectSimulator connect) {
        this.connect = connect;
    }

    void add(SqsEventSource source) {
        sqsSources.add(source);
    }

    void add(S3Trigger trigger) {
        s3Triggers.add(trigger);
    }

    void add(LocalSchedule schedule) {
        schedules.add(schedule);
    }

    /**
     * Does all the work due at the clock's instant once: contact events, S3 notifications, schedules,
     * one batch per SQS event source. Returns whether anything ran.
     */
    synchronized boolean step() {
        boolean progressed = connect.emitDue();
        ObjectCreated created;
        while ((created = objectsCreated.poll()) != null) {
            progressed |= notifyObjectCreated(created);
        }
        for (LocalSchedule schedule : schedules) {
            if (!schedule.next.isAfter(clock.instant())) {
                Instant occurrence = schedule.expression.latestAtOrBefore(clock.instant(), schedule.last);
                fire(schedule, occurrence);
                progressed = true;
            }
        }
        List<java.util.concurrent.Callable<Void>> batches = new ArrayList<>();
        for (SqsEventSource source : sqsSources) {
            if (source.releaseDue()) {
                source.markMayHaveMessages();
                progressed = true;
            }
            for (List<software.amazon.awssdk.services.sqs.model.Message> batch : source.receive()) {
                batches.add(() -> {
                    source.invoke(batch);
                    return null;
                });
            }
        }
        runTogether(batches);
        return progressed || !batches.isEmpty();
    }

    /**
     * The batches received, all at once as Lambda's pollers run them, each in a container of its function; returns
     * when all are done, so the clock moves only once the instant's work is.
     */
    private void runTogether(List<java.util.concurrent.Callable<Void>> batches) {
        try {
            if (batches.size() == 1) {
                batches.get(0).call();
                return;
            }
            for (java.util.concurrent.Future<Void> batch : pollers.invokeAll(batches)) {
                batch.get();
            }
        } catch (java.util.concurrent.ExecutionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the pollers ran", e);
        } catch (Exception e) {
            throw e instanceof RuntimeException re ? re : new IllegalStateException(e);
        }
    }

    /** Contact events from the Connect simulator, through the template's EventBridge rules. */
    void contactEvents(List<String> events) {
        for (String queueUrl : eventBridge.deliver(events)) {
            sqsSources.stream().filter(s -> s.queueUrl().equals(queueUrl)).forEach(SqsEventSource::markMayHaveMessages);
        }
    }

    /**
     * A function sent to a queue (the access gate sees every send of a function, whichever way it was invoked, and
     * even when it failed afterwards): the event sources reading that queue look at it again.
     */
    void messagesSentTo(String queueUrl) {
        for (SqsEventSource source : sqsSources) {
            if (source.queueUrl().equals(queueUrl)) {
                source.markMayHaveMessages();
            }
        }
    }

    /** Something outside the event loop (a test, a client) sent messages: look at every queue again. */
    void messagesSent() {
        sqsSources.forEach(SqsEventSource::markMayHaveMessages);
    }

    /** Runs everything due now, again and again, until nothing is left at this instant. */
    void drain() {
        while (step()) {
            // keep going
        }
    }

    /** When the next thing is due: a contact event, a schedule, a failed message coming back. */
    synchronized Instant nextEventTime() {
        Instant next = connect.nextEventTime();
        for (LocalSchedule schedule : schedules) {
            next = min(next, schedule.next);
        }
        for (SqsEventSource source : sqsSources) {
            next = min(next, source.nextRelease());
        }
        return next;
    }

    /**
     * Moves the simulated clock from event to event, running everything due, until {@code done} holds or the
     * clock reaches {@code deadline}. {@code done} is checked at most once per {@code checkEvery} of
     * simulated time (and once at the end).
     */
    boolean runUntil(Instant deadline, Duration checkEvery, BooleanSupplier done) {
        Instant lastCheck = Instant.MIN;
        while (true) {
            drain();
            if (!clock.instant().isBefore(lastCheck.plus(checkEvery.isZero() ? Duration.ZERO : checkEvery))
                    || lastCheck.equals(Instant.MIN)) {
                if (done.getAsBoolean()) {
                    return true;
                }
                lastCheck = clock.instant();
            }
            Instant next = nextEventTime();
            if (next == null || next.isAfter(deadline)) {
                clock.advanceTo(deadline);
                drain();
                return done.getAsBoolean();
            }
            clock.advanceTo(next);
        }
    }

    /** Moves the simulated clock to an instant, running what falls due on the way. */
    void advanceTo(Instant instant) {
        runUntil(instant, Duration.ofDays(3650), () -> false);
    }

    /**
     * Jumps the simulated clock straight to an instant, as a machine that was switched off would find the
     * world: contact events due meanwhile are delivered with their own timestamps, and each schedule fires
     * once, for the latest occurrence it passed over (missed occurrences collapse into one).
     */
    void skipTo(Instant instant) {
        clock.advanceTo(instant);
        drain();
    }

    /** The next time a schedule of the template fires ({@code FunctionLogicalId.EventId}). */
    synchronized Instant nextFire(String schedule) {
        return schedules.stream().filter(s -> s.name.equals(schedule)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no schedule " + schedule)).next;
    }

    /** For {@code up}: a background loop on the wall clock, as Lambda's pollers and schedulers would run. */
    void startBackgroundLoop() {
        if (clock.isSimulated()) {
            throw new IllegalStateException("the background loop runs on the wall clock");
        }
        loop = new Thread(() -> {
            while (!stopping) {
                try {
                    if (!step()) {
                        Thread.sleep(200);
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    System.err.println("[local-cloud] " + e);
                }
            }
        }, "local-cloud-loop");
        loop.setDaemon(true);
        loop.start();
    }

    private boolean notifyObjectCreated(ObjectCreated object) {
        boolean any = false;
        for (S3Trigger trigger : s3Triggers) {
            if (trigger.bucket().equals(object.bucket()) && object.key().startsWith(trigger.prefix())
                    && object.key().endsWith(trigger.suffix())) {
                invokeAsync(trigger.function(), s3EventJson(object, trigger.id()),
                        "s3://" + object.bucket() + "/" + object.key());
                any = true;
            }
        }
        return any;
    }

    /**
     * An asynchronous invocation (S3 notifications, schedules): as Lambda does, a failed invocation is tried
     * twice more, then goes to the function's on-failure destination.
     */
    private void invokeAsync(LocalFunction function, String eventJson, String what) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ASYNC_ATTEMPTS; attempt++) {
            try {
                function.invoke(eventJson);
                return;
            } catch (RuntimeException e) {
                last = e;
                System.err.println("[local-cloud] " + function.logicalId() + " failed on " + what + " (attempt "
                        + attempt + " of " + ASYNC_ATTEMPTS + "): " + e);
            }
        }
        function.asyncFailed(eventJson, ASYNC_ATTEMPTS, last, clock.instant());
    }

    private static String s3EventJson(ObjectCreated o, String configurationId) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode record = root.putArray("Records").addObject();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", REGION);
        record.put("eventTime", Times.iso(o.at()));
        record.put("eventName", o.eventName());
        record.putObject("userIdentity").put("principalId", "local");
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        record.putObject("responseElements").put("x-amz-request-id", "local");
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        ObjectNode bucket = s3.putObject("bucket");
        bucket.put("name", o.bucket());
        bucket.putObject("ownerIdentity").put("principalId", "local");
        bucket.put("arn", "arn:aws:s3:::" + o.bucket());
        ObjectNode object = s3.putObject("object");
        object.put("key", URLEncoder.encode(o.key(), StandardCharsets.UTF_8).replace("%2F", "/"));
        object.put("size", o.size());
        if (o.eTag() != null) {
            object.put("eTag", o.eTag());
        }
        if (o.versionId() != null) {
            object.put("versionId", o.versionId());
        }
        object.put("sequencer", Long.toHexString(o.at().toEpochMilli()).toUpperCase());
        return root.toString();
    }

    private void fire(LocalSchedule schedule, Instant occurrence) {
        schedule.last = occurrence;
        schedule.next = schedule.expression.nextAfter(occurrence.isAfter(clock.instant()) ? occurrence : clock.instant());
        String input = schedule.input
                .replace("<aws.scheduler.scheduled-time>", Times.iso(occurrence).replaceAll("\\.\\d{3}Z$", "Z"))
                .replace("<aws.scheduler.schedule-arn>", "arn:aws:scheduler:" + REGION + ":" + ACCOUNT_ID
                        + ":schedule/default/" + schedule.name);
        invokeAsync(schedule.function, input, "schedule " + schedule.name);
    }

    private static Instant min(Instant a, Instant b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        return a.isBefore(b) ? a : b;
    }

    void stop() {
        stopping = true;
        pollers.shutdownNow();
        if (loop != null) {
            loop.interrupt();
        }
    }
}
