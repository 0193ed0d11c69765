package com.outboundcalls.infra.benchmarks;

import com.amazonaws.services.lambda.runtime.ClientContext;
import com.amazonaws.services.lambda.runtime.CognitoIdentity;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.LambdaLogger;

import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * What Lambda's Java runtime does in a fresh sandbox, in a JVM whose class path is one function's deployment jar
 * (and the runtime's own event serializers): build the handler, then hand it one event, then the same event again.
 * Prints the instants (System.nanoTime, comparable across processes on this machine) at which the handler was
 * built, the first response came and the second one came, and how the first invocation ended.
 *
 * <p>{@code --primed} (with {@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start}, as Lambda sets it for a snapshot) runs
 * SnapStart's checkpoint and restore hooks once the handler is built, then times the first invocation after them and
 * a second one: how long the priming took, the first invocation, the warm one.
 *
 * <p>{@code --floor} instead builds a DynamoDB client from the environment and makes one GetItem: the least any
 * function that reads a table does on a cold start. {@code --floor table bucket [queueUrl]} builds an S3 client (and
 * an SQS one) as well and makes one call of each after the GetItem (a listing of an empty prefix, a message sent to a
 * queue nothing reads): the least a function whose first event calls two (or three) services does.
 */
public final class ColdStartRunner {

    private ColdStartRunner() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--floor")) {
            floor(args[1], args.length > 2 ? args[2] : null, args.length > 3 ? args[3] : null);
            return;
        }
        String[] handler = args[0].split("::", 2);
        String event = Files.readString(Path.of(args[1]), StandardCharsets.UTF_8);
        Class<?> type = Class.forName(handler[0]);
        Object instance = type.getConstructor().newInstance();
        Method method = null;
        Method stream = null;
        String name = handler.length > 1 ? handler[1] : "handleRequest";
        for (Method m : type.getMethods()) {
            if (m.getName().equals(name) && m.getParameterCount() == 2
                    && !m.isBridge() && Context.class.equals(m.getParameterTypes()[1])) {
                method = m;
            }
            if (m.getName().equals(name) && java.util.Arrays.equals(m.getParameterTypes(),
                    new Class<?>[]{java.io.InputStream.class, java.io.OutputStream.class, Context.class})) {
                stream = m;
            }
        }
        if (stream != null) {
            // As the runtime does: the overload with the longest signature, handed the event's bytes, no serializer.
            method = stream;
        }
        if (method == null) {
            throw new IllegalStateException(args[0] + " has no handleRequest(input, Context)");
        }
        // As the runtime does while loading the handler: the serializer of its input type, built once.
        Function<String, Object> input = stream != null ? json -> json : serializer(method.getGenericParameterTypes()[0]);
        // The runtime's context is its own class, loaded with the runtime; each invocation's request id comes with the
        // invocation from the Runtime API, not drawn by the function.
        Context context = new BenchContext(java.util.UUID.randomUUID().toString());
        long built = System.nanoTime();
        if (args.length > 2 && args[2].equals("--primed")) {
            // SnapStart: the checkpoint (each function's priming) then the restore, before the first invocation.
            Class.forName("com.outboundcalls.glue.Priming").getMethod("checkpointAndRestore").invoke(null);
            long restored = System.nanoTime();
            Restored.mark(); // in a class-load log (--jvm-options -Xlog:class+load), what follows is the invocation's
            String outcome = invoke(instance, method, input, event, context);
            long first = System.nanoTime();
            invoke(instance, method, input, event, context);
            long second = System.nanoTime();
            System.out.println("PRIMED " + (restored - built) + " " + (first - restored) + " " + (second - first) + " "
                    + outcome);
            return;
        }
        String outcome = invoke(instance, method, input, event, context);
        long first = System.nanoTime();
        invoke(instance, method, input, event, context);
        long second = System.nanoTime();
        System.out.println("COLDSTART " + built + " " + first + " " + (second - first) + " " + outcome);
    }

    private static String invoke(Object handler, Method method, Function<String, Object> serializer, String event,
                                 Context context) {
        try {
            if (method.getParameterCount() == 3) {
                method.invoke(handler, new java.io.ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                        new java.io.ByteArrayOutputStream(), context);
                return "ok";
            }
            method.invoke(handler, serializer.apply(event), context);
            return "ok";
        } catch (java.lang.reflect.InvocationTargetException e) {
            String message = String.valueOf(e.getCause().getMessage());
            return "threw " + e.getCause().getClass().getSimpleName() + ": "
                    + (message.length() > 120 ? message.substring(0, 120) : message);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return "failed " + e;
        }
    }

    /**
     * How the runtime reads an event into the handler's input type: its own serializers for Lambda's events, its
     * own (shaded) Jackson for any other type.
     */
    private static Function<String, Object> serializer(java.lang.reflect.Type type)
            throws ReflectiveOperationException {
        Object serializer;
        if (type instanceof Class<?> event && event.getName().startsWith("com.amazonaws.services.lambda.runtime.events.")) {
            // The runtime's own serializers (aws-lambda-java-serialization), as Lambda deserializes events.
            serializer = Class.forName("com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers")
                    .getMethod("serializerFor", Class.class, ClassLoader.class)
                    .invoke(null, event, ColdStartRunner.class.getClassLoader());
        } else {
            Class<?> factory = Class.forName("com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory");
            serializer = factory.getMethod("getSerializer", java.lang.reflect.Type.class)
                    .invoke(factory.getMethod("getInstance").invoke(null), type);
        }
        Method fromJson = Class.forName("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer")
                .getMethod("fromJson", String.class);
        return json -> {
            try {
                return fromJson.invoke(serializer, json);
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("event does not fit " + type.getTypeName(), e);
            }
        };
    }

    /**
     * Fresh clients, from the environment as the functions build theirs: DynamoDB and one GetItem; with a bucket, S3
     * and one listing; with a queue, SQS and one message sent. Timed from the JVM's launch to the last answer.
     */
    private static void floor(String table, String bucket, String queueUrl) {
        var clients = new com.outboundcalls.aws.AwsClients(System.getenv());
        try (var dynamo = clients.dynamoDb();
             var s3 = bucket == null ? null : clients.s3();
             var sqs = queueUrl == null ? null : clients.sqs()) {
            long built = System.nanoTime();
            Runnable reads = () -> {
                dynamo.getItem(r -> r.tableName(table).key(java.util.Map.of(
                        "pk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("floor"),
                        "sk", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("probe"))));
                if (s3 != null) {
                    s3.listObjectsV2(r -> r.bucket(bucket).prefix("floor/probe/").maxKeys(1));
                }
                if (sqs != null) {
                    sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody("{\"probe\":\"floor\"}"));
                }
            };
            reads.run();
            long first = System.nanoTime();
            reads.run();
            System.out.println("COLDSTART " + built + " " + first + " " + (System.nanoTime() - first) + " ok");
        }
    }

    /** Loaded the moment the restore is done: a landmark in a class-load log. */
    private static final class Restored {
        static void mark() {
        }
    }

    private static final class BenchContext implements Context {
        private final String requestId;

        BenchContext(String requestId) {
            this.requestId = requestId;
        }

        @Override
        public String getAwsRequestId() {
            return requestId;
        }

        @Override
        public String getLogGroupName() {
            return "/aws/lambda/" + getFunctionName();
        }

        @Override
        public String getLogStreamName() {
            return "cold-start";
        }

        @Override
        public String getFunctionName() {
            return System.getenv().getOrDefault("AWS_LAMBDA_FUNCTION_NAME", "function");
        }

        @Override
        public String getFunctionVersion() {
            return "$LATEST";
        }

        @Override
        public String getInvokedFunctionArn() {
            return "arn:aws:lambda:eu-west-3:000000000000:function:" + getFunctionName();
        }

        @Override
        public CognitoIdentity getIdentity() {
            return null;
        }

        @Override
        public ClientContext getClientContext() {
            return null;
        }

        @Override
        public int getRemainingTimeInMillis() {
            return 900_000;
        }

        @Override
        public int getMemoryLimitInMB() {
            return 1024;
        }

        @Override
        public LambdaLogger getLogger() {
            return new LambdaLogger() {
                @Override
                public void log(String message) {
                    System.err.print(message);
                }

                @Override
                public void log(byte[] message) {
                    System.err.write(message, 0, message.length);
                }
            };
        }
    }
}
