package com.outboundcalls.infra.localcloud;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.aws.FunctionRuntime;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;

/**
 * One function of the template, run in this JVM as Lambda runs it: the handler class is built once per
 * "container" with the environment the template gives it, a container runs one invocation at a time, and
 * invocations that overlap get containers of their own (the idle one used last is taken first, as Lambda reuses a
 * warm one). Each invocation receives the event JSON Lambda would send, as Lambda's Java runtime hands it: to the
 * handler's {@code (InputStream, OutputStream, Context)} overload when it has one (the runtime prefers the longest
 * signature), its answer read back as the typed overload's result; otherwise deserialized by the runtime's own
 * serializers.
 */
public final class LocalFunction {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String logicalId;
    private final String handlerClass;
    private final String handlerMethod;
    private final Map<String, String> environment;
    private final LocalClock clock;
    private final java.io.PrintStream metricsOut;
    private final int timeoutSeconds;
    private final int memoryMb;
    private java.util.function.Consumer<String> onAsyncFailure = record -> { };
    /** The containers not running an invocation, the one used last first. */
    private final java.util.concurrent.ConcurrentLinkedDeque<Object> idle = new java.util.concurrent.ConcurrentLinkedDeque<>();
    private Class<?> type;
    private Method method;
    /** The handler's stream overload, when it has one: what Lambda invokes. */
    private Method streamMethod;
    private int containers;
    private long invocations;
    private long errors;
    private long busyNanos;

    LocalFunction(String logicalId, String handler, Map<String, String> environment, LocalClock clock,
                  int timeoutSeconds, int memoryMb, java.io.PrintStream metricsOut) {
        this.logicalId = logicalId;
        this.metricsOut = metricsOut;
        String[] parts = handler.split("::", 2);
        this.handlerClass = parts[0];
        this.handlerMethod = parts.length > 1 ? parts[1] : "handleRequest";
        this.environment = Map.copyOf(environment);
        this.clock = clock;
        this.timeoutSeconds = timeoutSeconds;
        this.memoryMb = memoryMb;
    }

    /** Where an asynchronous invocation that failed for good is sent, as Lambda's on-failure destination record. */
    void onAsyncFailure(java.util.function.Consumer<String> destination) {
        this.onAsyncFailure = destination;
    }

    /**
     * An asynchronous invocation failed its attempts: its event, with why, goes to the on-failure destination in the
     * shape Lambda gives it (requestContext, requestPayload, responseContext, responsePayload).
     */
    void asyncFailed(String eventJson, int attempts, RuntimeException error, java.time.Instant at) {
        com.fasterxml.jackson.databind.node.ObjectNode record = JSON.createObjectNode();
        record.put("version", "1.0");
        record.put("timestamp", at.toString());
        com.fasterxml.jackson.databind.node.ObjectNode request = record.putObject("requestContext");
        request.put("requestId", java.util.UUID.randomUUID().toString());
        request.put("functionArn", "arn:aws:lambda:" + LocalCloud.REGION + ":" + LocalCloud.ACCOUNT_ID + ":function:"
                + logicalId + ":$LATEST");
        request.put("condition", "RetriesExhausted");
        request.put("approximateInvokeCount", attempts);
        try {
            record.set("requestPayload", JSON.readTree(eventJson));
        } catch (java.io.IOException e) {
            record.put("requestPayload", eventJson);
        }
        com.fasterxml.jackson.databind.node.ObjectNode response = record.putObject("responseContext");
        response.put("statusCode", 200);
        response.put("executedVersion", "$LATEST");
        response.put("functionError", "Unhandled");
        com.fasterxml.jackson.databind.node.ObjectNode payload = record.putObject("responsePayload");
        payload.put("errorMessage", String.valueOf(error.getMessage()));
        payload.put("errorType", error.getClass().getName());
        onAsyncFailure.accept(record.toString());
    }

    public String logicalId() {
        return logicalId;
    }

    public Map<String, String> environment() {
        return environment;
    }

    public synchronized long invocations() {
        return invocations;
    }

    public synchronized long errors() {
        return errors;
    }

    /** Wall time spent inside the handler, all invocations together. */
    public synchronized java.time.Duration busyTime() {
        return java.time.Duration.ofNanos(busyNanos);
    }

    /** Whether the handler class is on this JVM's classpath. */
    boolean isAvailable() {
        try {
            Class.forName(handlerClass, false, getClass().getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** How many containers ran an invocation so far: the most invocations that overlapped. */
    public synchronized int containers() {
        return containers;
    }

    /** Invokes the handler with an event as JSON; returns what the handler returned. */
    public Object invoke(String eventJson) {
        Method handle = prepare();
        Object input = streamMethod != null ? null : deserialize(eventJson, handle.getParameterTypes()[0]);
        Context context = new LocalContext(logicalId, "arn:aws:lambda:local:000000000000:function:" + logicalId,
                timeoutSeconds, memoryMb);
        Object container = idle.pollFirst();
        if (container == null) {
            container = newContainer();
        }
        synchronized (this) {
            invocations++;
        }
        long started = System.nanoTime();
        try {
            if (streamMethod != null) {
                java.io.ByteArrayOutputStream output = new java.io.ByteArrayOutputStream();
                streamMethod.invoke(container, new java.io.ByteArrayInputStream(
                        eventJson.getBytes(java.nio.charset.StandardCharsets.UTF_8)), output, context);
                return handle.getReturnType() == void.class ? null
                        : deserialize(output.toString(java.nio.charset.StandardCharsets.UTF_8), handle.getReturnType());
            }
            return handle.invoke(container, input, context);
        } catch (InvocationTargetException e) {
            synchronized (this) {
                errors++;
            }
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(logicalId + " failed", cause);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        } finally {
            long busy = System.nanoTime() - started;
            synchronized (this) {
                busyNanos += busy;
            }
            idle.addFirst(container);
        }
    }

    /** The handler's class and method, resolved once. */
    private synchronized Method prepare() {
        if (method != null) {
            return method;
        }
        try {
            Class<?> handlerType = Class.forName(handlerClass);
            Method found = null;
            for (Method m : handlerType.getMethods()) {
                if (m.getName().equals(handlerMethod) && m.getParameterCount() == 2 && !m.isBridge()
                        && Context.class.equals(m.getParameterTypes()[1])) {
                    found = m;
                }
                if (m.getName().equals(handlerMethod) && java.util.Arrays.equals(m.getParameterTypes(),
                        new Class<?>[]{java.io.InputStream.class, java.io.OutputStream.class, Context.class})) {
                    streamMethod = m;
                }
            }
            if (found == null) {
                throw new IllegalStateException(handlerClass + " has no " + handlerMethod + "(input, Context)");
            }
            type = handlerType;
            method = found;
            return found;
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("cannot load handler " + handlerClass, e);
        }
    }

    /** A new container: the handler built as Lambda's runtime builds it, on its first invocation. */
    private Object newContainer() {
        try {
            FunctionRuntime runtime = new FunctionRuntime(environment, clock, clock.sleeper(), metricsOut);
            Object handler = type.getConstructor(FunctionRuntime.class).newInstance(runtime);
            synchronized (this) {
                containers++;
            }
            return handler;
        } catch (java.lang.reflect.InvocationTargetException e) {
            throw new IllegalStateException("cannot build handler " + handlerClass + ": its constructor failed ("
                    + e.getCause() + ")", e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build handler " + handlerClass
                    + " (it needs a constructor taking FunctionRuntime)", e);
        }
    }

    @SuppressWarnings("unchecked")
    private Object deserialize(String json, Class<?> type) {
        if (type.getName().startsWith("com.amazonaws.services.lambda.runtime.events.")) {
            return LambdaEventSerializers.serializerFor((Class<Object>) type, getClass().getClassLoader()).fromJson(json);
        }
        try {
            return JSON.readValue(json, type);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("event does not fit " + type.getName(), e);
        }
    }
}
