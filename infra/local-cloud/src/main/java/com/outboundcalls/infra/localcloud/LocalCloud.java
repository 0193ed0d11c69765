package com.outboundcalls.infra.localcloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.time.Times;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/**
 * The whole back office on one machine: AWS stand-ins and the Connect simulator on loopback, every
 * resource, trigger and environment created from template.yaml, the functions run in-process as Lambda
 * runs them. With a simulated clock the event loop moves time from one event to the next; with the wall
 * clock ({@code up}) a background loop polls like Lambda's pollers do.
 */
public final class LocalCloud implements AutoCloseable {

    public static final String REGION = "eu-west-3";
    public static final String ACCOUNT_ID = "000000000000";
    public static final String STACK_NAME = "outbound-local";
    /** Credentials the stand-ins accept; they are not secrets. */
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local-secret";

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Lambda's asynchronous invocations: the first attempt and two retries. */
    private static final int ASYNC_ATTEMPTS = 3;

    private final CloudTemplate template;
    private final LocalClock clock;
    private final AwsStandIns standIns;
    private final ConnectSimulator connect;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final Map<String, String> physicalNames = new HashMap<>();
    private final Map<String, String> arns = new HashMap<>();
    private final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    private final List<SqsEventSource> sqsSources = new ArrayList<>();
    private final List<S3Trigger> s3Triggers = new ArrayList<>();
    private final List<LocalSchedule> schedules = new ArrayList<>();
    private final Map<String, LocalHttpApi> httpApis = new LinkedHashMap<>();
    private final MetricLines metricLines = new MetricLines();
    /** The identities the HTTP APIs know, by access key: the local administrator, then those made by identity(). */
    private final Map<String, LocalIdentity> identities = new java.util.concurrent.ConcurrentHashMap<>(Map.of(ACCESS_KEY,
            new LocalIdentity(ACCESS_KEY, SECRET_KEY, "arn:aws:iam::" + ACCOUNT_ID + ":user/local-admin", null)));
    private final int httpApiPort;
    private final ConcurrentLinkedQueue<ObjectCreated> objectsCreated = new ConcurrentLinkedQueue<>();
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final S3Client s3;
    private final LocalEventBridge eventBridge;
    private volatile Thread loop;
    private volatile boolean stopping;

    private record S3Trigger(String bucket, String prefix, String suffix, LocalFunction function, String id) {
    }

    private static final class LocalSchedule {
        final String name;
        final ScheduleExpression expression;
        final String input;
        final LocalFunction function;
        Instant next;
        Instant last;

        LocalSchedule(String name, ScheduleExpression expression, String input, LocalFunction function, Instant start) {
            this.name = name;
            this.expression = expression;
            this.input = input;
            this.function = function;
            this.last = start;
            this.next = expression.nextAfter(start);
        }
    }

    /** How to build a local cloud. */
    public static final class Builder {
        private Path templatePath;
        private LocalClock clock;
        private long seed = 42;
        private ConnectSimulator.Quotas quotas = ConnectSimulator.Quotas.connectDefaults();
        private CalleePopulation.Settings population = CalleePopulation.Settings.defaults();
        private final Map<String, String> parameterOverrides = new HashMap<>();
        private AwsStandIns.Ports ports = AwsStandIns.Ports.any();
        private int httpApiPort;

        /** Fixed loopback ports (0 = any free port), for a cloud that people drive by hand. */
        public Builder ports(int dynamoDb, int sqs, int s3, int connect) {
            this.ports = new AwsStandIns.Ports(dynamoDb, sqs, s3, connect);
            return this;
        }

        /** Loopback port of the template's HTTP API (0 = any free port). */
        public Builder httpApiPort(int port) {
            this.httpApiPort = port;
            return this;
        }

        public Builder template(Path path) {
            this.templatePath = path;
            return this;
        }

        public Builder clock(LocalClock clock) {
            this.clock = clock;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        public Builder connectQuotas(ConnectSimulator.Quotas quotas) {
            this.quotas = quotas;
            return this;
        }

        public Builder callees(CalleePopulation.Settings settings) {
            this.population = settings;
            return this;
        }

        public Builder parameter(String name, String value) {
            parameterOverrides.put(name, value);
            return this;
        }

        public LocalCloud start() {
            Path path = templatePath != null ? templatePath : CloudTemplate.locate(Path.of(""));
            return new LocalCloud(CloudTemplate.load(path), clock != null ? clock : LocalClock.wall(), seed,
                    quotas, population, parameterOverrides, ports, httpApiPort);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private LocalCloud(CloudTemplate template, LocalClock clock, long seed, ConnectSimulator.Quotas quotas,
                       CalleePopulation.Settings population, Map<String, String> overrides,
                       AwsStandIns.Ports ports, int httpApiPort) {
        this.template = template;
        this.httpApiPort = httpApiPort;
        this.clock = clock;
        this.standIns = AwsStandIns.start(REGION, ACCOUNT_ID, objectsCreated::add, clock, ports);
        parameters.putAll(template.parameterDefaults());
        parameters.putIfAbsent("ConnectInstanceId", "11111111-2222-3333-4444-555555555555");
        parameters.putIfAbsent("ContactFlowId", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        parameters.putIfAbsent("DefaultCallerId", "+33948000000");
        parameters.putAll(overrides);
        if (!overrides.containsKey("ConnectCampaignId") && (parameters.get("ConnectCampaignId") == null
                || parameters.get("ConnectCampaignId").isEmpty())) {
            // The simulator runs answering-machine detection under any campaign id, as Connect does under its own.
            parameters.put("ConnectCampaignId", "local-outbound-campaign");
        }
        parameters.replaceAll((k, v) -> v == null ? defaultParameter(k) : v);
        AwsClients clients = new AwsClients(clientEnvironment());
        this.dynamo = clients.dynamoDb();
        this.sqs = clients.sqs();
        this.s3 = clients.s3();
        this.eventBridge = new LocalEventBridge(sqs);
        this.connect = new ConnectSimulator(clock, REGION, ACCOUNT_ID, parameters.get("ConnectInstanceId"), quotas,
                new CalleePopulation(seed, population), this::contactEvents, ports.connect());
        provision();
    }

    private static String defaultParameter(String name) {
        return switch (name) {
            case "ConnectInstanceId" -> "11111111-2222-3333-4444-555555555555";
            case "ContactFlowId" -> "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee";
            case "DefaultCallerId" -> "+33948000000";
            default -> "";
        };
    }

    // ------------------------------------------------------------------ endpoints and names

    /** Variables a client of this local cloud (a test, the AWS CLI) needs: region, keys, endpoints. */
    public Map<String, String> clientEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", ACCESS_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", SECRET_KEY);
        env.put("AWS_ENDPOINT_URL_DYNAMODB", standIns.dynamoDb.toString());
        env.put("AWS_ENDPOINT_URL_SQS", standIns.sqs.toString());
        env.put("AWS_ENDPOINT_URL_S3", standIns.s3.toString());
        if (connect != null) {
            env.put("AWS_ENDPOINT_URL_CONNECT", connect.endpoint().toString());
        }
        return env;
    }

    public URI dynamoDbEndpoint() {
        return standIns.dynamoDb;
    }

    public URI sqsEndpoint() {
        return standIns.sqs;
    }

    public URI s3Endpoint() {
        return standIns.s3;
    }

    public URI connectEndpoint() {
        return connect.endpoint();
    }

    public LocalClock clock() {
        return clock;
    }

    public ConnectSimulator connect() {
        return connect;
    }

    /** Physical name of a resource: a table's name, a queue's URL, a bucket's name. */
    public String physicalName(String logicalId) {
        return Objects.requireNonNull(physicalNames.get(logicalId), "no resource " + logicalId);
    }

    /** ARN of a resource as the local cloud names it. */
    public String arn(String logicalId) {
        return Objects.requireNonNull(arns.get(logicalId), "no ARN for " + logicalId);
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    public LocalFunction function(String logicalId) {
        return Objects.requireNonNull(functions.get(logicalId), "no function " + logicalId);
    }

    public Map<String, LocalFunction> functions() {
        return functions;
    }

    public DynamoDbClient dynamoDb() {
        return dynamo;
    }

    public SqsClient sqs() {
        return sqs;
    }

    public S3Client s3() {
        return s3;
    }

    /** Messages in a queue (visible, in flight and delayed). */
    public int queueDepth(String logicalId) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(r -> r.queueUrl(physicalName(logicalId))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributes();
        return a.values().stream().mapToInt(Integer::parseInt).sum();
    }

    // ------------------------------------------------------------------ provisioning from the template

    private void provision() {
        Map<String, Map<String, Object>> resources = template.resources();
        // Names first, so that references between resources resolve whatever their order.
        resources.forEach((id, r) -> {
            String type = (String) r.get("Type");
            switch (type) {
                case "AWS::DynamoDB::Table" -> {
                    physicalNames.put(id, STACK_NAME + "-" + id);
                    arns.put(id, "arn:aws:dynamodb:" + REGION + ":" + ACCOUNT_ID + ":table/" + STACK_NAME + "-" + id);
                }
                case "AWS::SQS::Queue" -> arns.put(id, "arn:aws:sqs:" + REGION + ":" + ACCOUNT_ID + ":" + STACK_NAME
                        + "-" + id);
                case "AWS::Events::Rule" -> arns.put(id, "arn:aws:events:" + REGION + ":" + ACCOUNT_ID + ":rule/"
                        + STACK_NAME + "-" + id);
                default -> {
                }
            }
        });
        for (String id : template.resourcesOfType("AWS::S3::Bucket")) {
            Object name = template.properties(id).get("BucketName");
            String bucket = name == null ? (STACK_NAME + "-" + id).toLowerCase() : (String) resolve(name);
            physicalNames.put(id, bucket);
            arns.put(id, "arn:aws:s3:::" + bucket);
            s3.createBucket(r -> r.bucket(bucket));
        }
        for (String id : template.resourcesOfType("AWS::DynamoDB::Table")) {
            createTable(id);
        }
        List<String> queues = template.resourcesOfType("AWS::SQS::Queue");
        for (String id : queues) {
            String name = STACK_NAME + "-" + id;
            Map<String, Object> props = template.properties(id);
            Map<QueueAttributeName, String> attributes = new HashMap<>();
            copyAttribute(props, "VisibilityTimeout", attributes, QueueAttributeName.VISIBILITY_TIMEOUT);
            copyAttribute(props, "MessageRetentionPeriod", attributes, QueueAttributeName.MESSAGE_RETENTION_PERIOD);
            copyAttribute(props, "DelaySeconds", attributes, QueueAttributeName.DELAY_SECONDS);
            String url = sqs.createQueue(r -> r.queueName(name).attributes(attributes)).queueUrl();
            physicalNames.put(id, url);
            String realArn = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            arns.put(id, realArn);
        }
        for (String id : queues) {
            Object redrive = template.properties(id).get("RedrivePolicy");
            if (redrive != null) {
                String policy = toJson(resolve(redrive));
                sqs.setQueueAttributes(r -> r.queueUrl(physicalNames.get(id))
                        .attributes(Map.of(QueueAttributeName.REDRIVE_POLICY, policy)));
            }
        }
        for (String id : template.resourcesOfType("AWS::Events::Rule")) {
            wireRule(id);
        }
        for (String id : template.resourcesOfType("AWS::Serverless::Function")) {
            wireFunction(id);
        }
    }

    @SuppressWarnings("unchecked")
    private void createTable(String id) {
        Map<String, Object> props = template.properties(id);
        List<AttributeDefinition> definitions = new ArrayList<>();
        for (Map<String, Object> d : (List<Map<String, Object>>) props.get("AttributeDefinitions")) {
            definitions.add(AttributeDefinition.builder().attributeName((String) d.get("AttributeName"))
                    .attributeType((String) d.get("AttributeType")).build());
        }
        List<GlobalSecondaryIndex> indexes = new ArrayList<>();
        for (Map<String, Object> g : (List<Map<String, Object>>) props.getOrDefault("GlobalSecondaryIndexes", List.of())) {
            Map<String, Object> projection = (Map<String, Object>) g.get("Projection");
            Projection.Builder p = Projection.builder().projectionType((String) projection.get("ProjectionType"));
            if (projection.containsKey("NonKeyAttributes")) {
                p.nonKeyAttributes((List<String>) projection.get("NonKeyAttributes"));
            }
            indexes.add(GlobalSecondaryIndex.builder().indexName((String) g.get("IndexName"))
                    .keySchema(keySchema((List<Map<String, Object>>) g.get("KeySchema")))
                    .projection(p.build()).build());
        }
        String name = physicalNames.get(id);
        dynamo.createTable(r -> {
            r.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST).attributeDefinitions(definitions)
                    .keySchema(keySchema((List<Map<String, Object>>) props.get("KeySchema")));
            if (!indexes.isEmpty()) {
                r.globalSecondaryIndexes(indexes);
            }
        });
        Map<String, Object> ttl = (Map<String, Object>) props.get("TimeToLiveSpecification");
        // DynamoDB Local expires items on the machine's clock, while a simulated clock stamps them in its own
        // time: on a simulated clock, expiry is left off rather than deleting items the simulation still uses.
        if (ttl != null && Boolean.TRUE.equals(ttl.get("Enabled")) && !clock.isSimulated()) {
            dynamo.updateTimeToLive(r -> r.tableName(name).timeToLiveSpecification(t -> t
                    .attributeName((String) ttl.get("AttributeName")).enabled(true)));
        }
    }

    private static List<KeySchemaElement> keySchema(List<Map<String, Object>> schema) {
        List<KeySchemaElement> keys = new ArrayList<>();
        for (Map<String, Object> k : schema) {
            keys.add(KeySchemaElement.builder().attributeName((String) k.get("AttributeName"))
                    .keyType((String) k.get("KeyType")).build());
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    private void wireRule(String id) {
        Map<String, Object> props = template.properties(id);
        Map<String, Object> pattern = (Map<String, Object>) resolve(props.get("EventPattern"));
        List<String> queueUrls = new ArrayList<>();
        for (Map<String, Object> target : (List<Map<String, Object>>) props.getOrDefault("Targets", List.of())) {
            String arn = (String) resolve(target.get("Arn"));
            arns.forEach((logicalId, a) -> {
                if (a.equals(arn) && physicalNames.containsKey(logicalId) && "AWS::SQS::Queue".equals(template.type(logicalId))) {
                    queueUrls.add(physicalNames.get(logicalId));
                }
            });
        }
        eventBridge.addRule(new LocalEventBridge.Rule(id, pattern, queueUrls));
    }

    @SuppressWarnings("unchecked")
    private void wireFunction(String id) {
        Map<String, Object> props = template.properties(id);
        Map<String, String> env = new LinkedHashMap<>();
        template.globalFunctionEnvironment().forEach((k, v) -> env.put(k, String.valueOf(resolve(v))));
        Map<String, Object> environment = (Map<String, Object>) props.getOrDefault("Environment", Map.of());
        ((Map<String, Object>) environment.getOrDefault("Variables", Map.of()))
                .forEach((k, v) -> env.put(k, String.valueOf(resolve(v))));
        env.putAll(clientEnvironment());
        env.put("AWS_LAMBDA_FUNCTION_NAME", id);
        int timeout = ((Number) props.getOrDefault("Timeout", 60)).intValue();
        int memory = ((Number) props.getOrDefault("MemorySize", 1024)).intValue();
        LocalFunction function = new LocalFunction(id, (String) props.get("Handler"), env, clock, timeout, memory,
                metricLines.stream);
        if (!function.isAvailable()) {
            return; // this JVM does not carry that function (a single function's own tests)
        }
        functions.put(id, function);
        Map<String, Map<String, Object>> events = (Map<String, Map<String, Object>>) props.getOrDefault("Events", Map.of());
        events.forEach((eventId, event) -> {
            Map<String, Object> ep = (Map<String, Object>) event.getOrDefault("Properties", Map.of());
            switch ((String) event.get("Type")) {
                case "SQS" -> {
                    String queueArn = (String) resolve(ep.get("Queue"));
                    String queueId = logicalIdOfArn(queueArn);
                    int visibility = ((Number) template.properties(queueId).getOrDefault("VisibilityTimeout", 30)).intValue();
                    List<String> responseTypes = (List<String>) ep.getOrDefault("FunctionResponseTypes", List.of());
                    sqsSources.add(new SqsEventSource(id + "." + eventId, sqs, physicalNames.get(queueId), queueArn,
                            REGION, ((Number) ep.getOrDefault("BatchSize", 10)).intValue(),
                            responseTypes.contains("ReportBatchItemFailures"), Duration.ofSeconds(visibility),
                            function, clock));
                }
                case "S3" -> {
                    String bucket = (String) resolve(ep.get("Bucket"));
                    String prefix = "";
                    String suffix = "";
                    Map<String, Object> filter = (Map<String, Object>) ep.get("Filter");
                    if (filter != null) {
                        Map<String, Object> key = (Map<String, Object>) filter.get("S3Key");
                        for (Map<String, Object> rule : (List<Map<String, Object>>) key.get("Rules")) {
                            if ("prefix".equalsIgnoreCase((String) rule.get("Name"))) {
                                prefix = (String) rule.get("Value");
                            } else if ("suffix".equalsIgnoreCase((String) rule.get("Name"))) {
                                suffix = (String) rule.get("Value");
                            }
                        }
                    }
                    s3Triggers.add(new S3Trigger(bucket, prefix, suffix, function, eventId));
                }
                case "ScheduleV2", "Schedule" -> {
                    String zone = (String) ep.getOrDefault("ScheduleExpressionTimezone", "UTC");
                    schedules.add(new LocalSchedule(id + "." + eventId,
                            ScheduleExpression.parse((String) ep.get("ScheduleExpression"), ZoneId.of(zone)),
                            (String) ep.getOrDefault("Input", "{}"), function, clock.instant()));
                }
                case "HttpApi" -> httpApi(((Map<String, String>) ep.get("ApiId")).get("Ref")).add(
                        new LocalHttpApi.Route(((String) ep.get("Method")).toUpperCase(java.util.Locale.ROOT),
                                (String) ep.get("Path"), function));
                default -> System.err.println("[local-cloud] event type " + event.get("Type") + " of " + id
                        + " is not run locally");
            }
        });
    }

    /** The loopback server of an AWS::Serverless::HttpApi, started on first use, IAM-checked if the template says so. */
    @SuppressWarnings("unchecked")
    private LocalHttpApi httpApi(String apiId) {
        return httpApis.computeIfAbsent(apiId, id -> {
            Map<String, Object> auth = (Map<String, Object>) template.properties(id).getOrDefault("Auth", Map.of());
            boolean iam = "AWS_IAM".equals(auth.get("DefaultAuthorizer"));
            try {
                // With a fixed port, the template's APIs take it and the ports after it, in template order.
                return new LocalHttpApi(id, httpApiPort == 0 ? 0 : httpApiPort + httpApis.size(),
                        iam ? key -> java.util.Optional.ofNullable(identities.get(key)) : null, REGION, ACCOUNT_ID,
                        this::invoked);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException("cannot serve " + id + " on loopback", e);
            }
        });
    }

    /**
     * A new IAM identity for the HTTP APIs: a key pair standing for {@code principalArn} (a role ARN is reported
     * as one of its sessions, as STS does), allowed the {@code execute-api:Invoke} resources of these managed
     * policies of the template, and nothing else.
     */
    @SuppressWarnings("unchecked")
    public software.amazon.awssdk.auth.credentials.AwsBasicCredentials identity(String principalArn,
                                                                                   String... managedPolicies) {
        List<String> invokable = new ArrayList<>();
        for (String policy : managedPolicies) {
            Map<String, Object> document = (Map<String, Object>) template.properties(policy).get("PolicyDocument");
            for (Map<String, Object> statement : (List<Map<String, Object>>) document.get("Statement")) {
                Object actions = statement.get("Action");
                boolean invoke = actions instanceof List<?> l ? l.contains("execute-api:Invoke")
                        : "execute-api:Invoke".equals(actions);
                if ("Allow".equals(statement.get("Effect")) && invoke) {
                    Object resources = statement.get("Resource");
                    for (Object resource : resources instanceof List<?> l ? l : List.of(resources)) {
                        invokable.add(String.valueOf(resolve(resource)));
                    }
                }
            }
        }
        String accessKey = "LOCAL" + java.util.UUID.randomUUID().toString().replace("-", "").substring(0, 15).toUpperCase(
                java.util.Locale.ROOT);
        String secret = java.util.UUID.randomUUID().toString();
        java.util.regex.Matcher role = java.util.regex.Pattern.compile("arn:aws:iam::(\\d{12}):role/(.+)")
                .matcher(principalArn);
        String callerArn = role.matches() ? "arn:aws:sts::" + role.group(1) + ":assumed-role/" + role.group(2) + "/local"
                : principalArn;
        identities.put(accessKey, new LocalIdentity(accessKey, secret, callerArn, List.copyOf(invokable)));
        return software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(accessKey, secret);
    }

    /**
     * The functions' Embedded Metric Format metrics so far, summed as CloudWatch would by metric, function and
     * dimensions (e.g. {@code "CallsPlaced (Function=dialer)" -> 3804}).
     */
    public Map<String, Long> metrics() {
        return metricLines.sums();
    }

    /** Where the template's HTTP API answers, e.g. the finance API. */
    public URI httpApiEndpoint(String apiLogicalId) {
        LocalHttpApi api = httpApis.get(apiLogicalId);
        if (api == null) {
            throw new IllegalStateException("no HTTP API " + apiLogicalId + " with a function on this classpath");
        }
        return api.endpoint();
    }

    private String logicalIdOfArn(String arn) {
        return arns.entrySet().stream().filter(e -> e.getValue().equals(arn)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalStateException("no resource with ARN " + arn));
    }

    private Object resolve(Object value) {
        return CloudTemplate.resolve(value, this::ref, this::getAtt);
    }

    private String ref(String name) {
        return switch (name) {
            case "AWS::StackName" -> STACK_NAME;
            case "AWS::AccountId" -> ACCOUNT_ID;
            case "AWS::Region" -> REGION;
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            default -> {
                if (parameters.containsKey(name)) {
                    yield parameters.get(name);
                }
                if (template.resources().containsKey(name) && "AWS::Serverless::HttpApi".equals(template.type(name))) {
                    yield name; // the local API's id is its logical id
                }
                String physical = physicalNames.get(name);
                if (physical == null) {
                    throw new IllegalStateException("cannot resolve Ref " + name + " locally");
                }
                yield physical;
            }
        };
    }

    private String getAtt(String dotted) {
        String[] parts = dotted.split("\\.", 2);
        return switch (parts[1]) {
            case "Arn" -> Objects.requireNonNull(arns.get(parts[0]), "no ARN for " + parts[0]);
            case "QueueName" -> STACK_NAME + "-" + parts[0];
            case "QueueUrl" -> physicalNames.get(parts[0]);
            default -> throw new IllegalStateException("cannot resolve GetAtt " + dotted + " locally");
        };
    }

    private static void copyAttribute(Map<String, Object> props, String property, Map<QueueAttributeName, String> into,
                                      QueueAttributeName name) {
        if (props.containsKey(property)) {
            into.put(name, String.valueOf(props.get(property)));
        }
    }

    private static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    // ------------------------------------------------------------------ the event loop

    /**
     * Does all the work due at the clock's instant once: contact events, S3 notifications, schedules,
     * one batch per SQS event source. Returns whether anything ran.
     */
    public synchronized boolean step() {
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
        for (SqsEventSource source : sqsSources) {
            if (source.releaseDue()) {
                source.markMayHaveMessages();
                progressed = true;
            }
            if (source.pollOnce()) {
                invoked(source.function());
                progressed = true;
            }
        }
        return progressed;
    }

    /** Contact events from the Connect simulator, through the template's EventBridge rules. */
    private void contactEvents(List<String> events) {
        for (String queueUrl : eventBridge.deliver(events)) {
            sqsSources.stream().filter(s -> s.queueUrl().equals(queueUrl)).forEach(SqsEventSource::markMayHaveMessages);
        }
    }

    /** A function ran: the queues it may send to (named in its environment) may hold new messages. */
    private void invoked(LocalFunction function) {
        for (SqsEventSource source : sqsSources) {
            if (function.maySendTo(source.queueUrl())) {
                source.markMayHaveMessages();
            }
        }
    }

    /** Something outside the event loop (a test, a client) sent messages: look at every queue again. */
    public void messagesSent() {
        sqsSources.forEach(SqsEventSource::markMayHaveMessages);
    }

    /** Runs everything due now, again and again, until nothing is left at this instant. */
    public void drain() {
        while (step()) {
            // keep going
        }
    }

    /** When the next thing is due: a contact event, a schedule, a failed message coming back. */
    public synchronized Instant nextEventTime() {
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
    public boolean runUntil(Instant deadline, Duration checkEvery, BooleanSupplier done) {
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
    public void advanceTo(Instant instant) {
        runUntil(instant, Duration.ofDays(3650), () -> false);
    }

    /**
     * Jumps the simulated clock straight to an instant, as a machine that was switched off would find the
     * world: contact events due meanwhile are delivered with their own timestamps, and each schedule fires
     * once, for the latest occurrence it passed over (missed occurrences collapse into one).
     */
    public void skipTo(Instant instant) {
        clock.advanceTo(instant);
        drain();
    }

    /** The next time a schedule of the template fires ({@code FunctionLogicalId.EventId}). */
    public synchronized Instant nextFire(String schedule) {
        return schedules.stream().filter(s -> s.name.equals(schedule)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no schedule " + schedule)).next;
    }

    /** For {@code up}: a background loop on the wall clock, as Lambda's pollers and schedulers would run. */
    public void startBackgroundLoop() {
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
     * twice more before it is dropped.
     */
    private void invokeAsync(LocalFunction function, String eventJson, String what) {
        for (int attempt = 1; attempt <= ASYNC_ATTEMPTS; attempt++) {
            try {
                function.invoke(eventJson);
                invoked(function);
                return;
            } catch (RuntimeException e) {
                System.err.println("[local-cloud] " + function.logicalId() + " failed on " + what + " (attempt "
                        + attempt + " of " + ASYNC_ATTEMPTS + "): " + e);
            }
        }
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

    @Override
    public void close() {
        stopping = true;
        if (loop != null) {
            loop.interrupt();
        }
        connect.close();
        httpApis.values().forEach(LocalHttpApi::close);
        standIns.close();
    }
}
