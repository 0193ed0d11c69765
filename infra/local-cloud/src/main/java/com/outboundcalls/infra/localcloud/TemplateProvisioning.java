package com.outboundcalls.infra.localcloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.PrintStream;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import static com.outboundcalls.infra.localcloud.LocalCloud.ACCOUNT_ID;
import static com.outboundcalls.infra.localcloud.LocalCloud.REGION;
import static com.outboundcalls.infra.localcloud.LocalCloud.STACK_NAME;

/**
 * template.yaml made real on the stand-ins, as CloudFormation and SAM would: buckets, tables (keys, indexes,
 * TTL), queues (with their redrive policies), EventBridge rules, and each function with its environment and its
 * triggers (SQS event sources, S3 notifications, schedules, HTTP API routes) handed to the event loop. Resolves
 * the template's Ref, GetAtt and Sub against the names it gave.
 */
final class TemplateProvisioning {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CloudTemplate template;
    private final Map<String, String> parameters;
    private final LocalClock clock;
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final S3Client s3;
    private final LocalEventBridge eventBridge;
    private final EventLoop eventLoop;
    private final Map<String, String> clientEnvironment;
    private final PrintStream metricsOut;
    private final int httpApiPort;
    private final Map<String, LocalIdentity> identities;
    private final CognitoSimulator cognito;
    private final SecretsManagerSimulator secrets;
    final Map<String, String> physicalNames = new HashMap<>();
    final Map<String, String> arns = new HashMap<>();
    final Map<String, LocalFunction> functions = new LinkedHashMap<>();
    final Map<String, LocalHttpApi> httpApis = new LinkedHashMap<>();
    /** The functions' roles, checked on every AWS call their code makes ({@link LocalAccessGate}). */
    final LocalAccessGate.Roles roles;
    private static final java.util.concurrent.atomic.AtomicInteger CLOUDS = new java.util.concurrent.atomic.AtomicInteger();
    private final String keyPrefix = "FN" + CLOUDS.incrementAndGet() + "x";

    TemplateProvisioning(CloudTemplate template, Map<String, String> parameters, LocalClock clock, DynamoDbClient dynamo,
                         SqsClient sqs, S3Client s3, LocalEventBridge eventBridge, EventLoop eventLoop,
                         Map<String, String> clientEnvironment, PrintStream metricsOut, int httpApiPort,
                         Map<String, LocalIdentity> identities, CognitoSimulator cognito,
                         SecretsManagerSimulator secrets) {
        this.secrets = secrets;
        Map<String, String> hashKeys = new HashMap<>();
        this.roles = new LocalAccessGate.Roles(hashKeys, REGION, ACCOUNT_ID);
        this.roles.sent = eventLoop::messagesSentTo;
        this.template = template;
        this.parameters = parameters;
        this.clock = clock;
        this.dynamo = dynamo;
        this.sqs = sqs;
        this.s3 = s3;
        this.eventBridge = eventBridge;
        this.eventLoop = eventLoop;
        this.clientEnvironment = clientEnvironment;
        this.metricsOut = metricsOut;
        this.httpApiPort = httpApiPort;
        this.identities = identities;
        this.cognito = cognito;
    }

    void provision() {
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
        for (String id : template.resourcesOfType("AWS::SecretsManager::Secret")) {
            createSecret(id);
        }
        for (String id : template.resourcesOfType("AWS::Cognito::UserPool")) {
            String poolId = cognito.createUserPool(id, passwordPolicy(id));
            physicalNames.put(id, poolId);
            arns.put(id, "arn:aws:cognito-idp:" + REGION + ":" + ACCOUNT_ID + ":userpool/" + poolId);
        }
        for (String id : template.resourcesOfType("AWS::Cognito::UserPoolClient")) {
            String poolId = (String) resolve(template.properties(id).get("UserPoolId"));
            physicalNames.put(id, cognito.createUserPoolClient(poolId, id));
        }
        List<String> queues = template.resourcesOfType("AWS::SQS::Queue");
        for (String id : queues) {
            Map<String, Object> props = template.properties(id);
            boolean fifo = Boolean.TRUE.equals(props.get("FifoQueue"));
            // CloudFormation names a FIFO queue it names itself with the ".fifo" SQS requires.
            String name = STACK_NAME + "-" + id + (fifo ? ".fifo" : "");
            Map<QueueAttributeName, String> attributes = new HashMap<>();
            if (fifo) {
                attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
                copyAttribute(props, "ContentBasedDeduplication", attributes,
                        QueueAttributeName.CONTENT_BASED_DEDUPLICATION);
            }
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
        for (Map<String, Object> k : (List<Map<String, Object>>) props.get("KeySchema")) {
            if ("HASH".equals(k.get("KeyType"))) {
                roles.hashKeyByTable.put(physicalNames.get(id), (String) k.get("AttributeName"));
            }
        }
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

    /** A secret CloudFormation generates ({@code GenerateSecretString}); its Ref is its ARN. */
    @SuppressWarnings("unchecked")
    private void createSecret(String id) {
        Map<String, Object> generate = (Map<String, Object>) template.properties(id).get("GenerateSecretString");
        if (generate == null) {
            throw new IllegalStateException("secret " + id + " has no GenerateSecretString: the local cloud cannot make it");
        }
        String arn = secrets.generate(STACK_NAME + "-" + id,
                ((Number) generate.getOrDefault("PasswordLength", 32)).intValue(),
                Boolean.TRUE.equals(generate.get("ExcludePunctuation")));
        physicalNames.put(id, arn);
        arns.put(id, arn);
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
        env.putAll(clientEnvironment);
        env.put("AWS_LAMBDA_FUNCTION_NAME", id);
        // The function signs with a key of its own, by which the gate knows its role.
        String accessKey = keyPrefix + id;
        env.put("AWS_ACCESS_KEY_ID", accessKey);
        int timeout = ((Number) props.getOrDefault("Timeout", 60)).intValue();
        int memory = ((Number) props.getOrDefault("MemorySize", 1024)).intValue();
        LocalFunction function = new LocalFunction(id, (String) props.get("Handler"), env, clock, timeout, memory,
                metricsOut);
        if (!function.isAvailable()) {
            return; // this JVM does not carry that function (a single function's own tests)
        }
        roles.byAccessKey.put(accessKey, RolePolicy.of(id, (List<Object>) resolve(props.getOrDefault("Policies",
                List.of())), REGION, ACCOUNT_ID));
        LocalAccessGate.register(accessKey, roles);
        functions.put(id, function);
        onFailureDestination(id).ifPresent(queueUrl -> function.onAsyncFailure(
                record -> sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(record))));
        Map<String, Map<String, Object>> events = (Map<String, Map<String, Object>>) props.getOrDefault("Events", Map.of());
        events.forEach((eventId, event) -> {
            Map<String, Object> ep = (Map<String, Object>) event.getOrDefault("Properties", Map.of());
            switch ((String) event.get("Type")) {
                case "SQS" -> {
                    String queueArn = (String) resolve(ep.get("Queue"));
                    String queueId = logicalIdOfArn(queueArn);
                    int visibility = ((Number) template.properties(queueId).getOrDefault("VisibilityTimeout", 30)).intValue();
                    List<String> responseTypes = (List<String>) ep.getOrDefault("FunctionResponseTypes", List.of());
                    eventLoop.add(new SqsEventSource(id + "." + eventId, sqs, physicalNames.get(queueId), queueArn,
                            REGION, ((Number) ep.getOrDefault("BatchSize", 10)).intValue(),
                            responseTypes.contains("ReportBatchItemFailures"), Duration.ofSeconds(visibility),
                            function, clock, SqsEventSource.pollers(props, ep)));
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
                    eventLoop.add(new S3Trigger(bucket, prefix, suffix, function, eventId));
                }
                case "ScheduleV2", "Schedule" -> {
                    String zone = (String) ep.getOrDefault("ScheduleExpressionTimezone", "UTC");
                    eventLoop.add(new LocalSchedule(id + "." + eventId,
                            ScheduleExpression.parse((String) ep.get("ScheduleExpression"), ZoneId.of(zone)),
                            (String) ep.getOrDefault("Input", "{}"), function, clock.instant()));
                }
                case "HttpApi" -> httpApi(((Map<String, String>) ep.get("ApiId")).get("Ref")).add(
                        new LocalHttpApi.Route(((String) ep.get("Method")).toUpperCase(java.util.Locale.ROOT),
                                (String) ep.get("Path"), function, openRoute(ep)));
                default -> System.err.println("[local-cloud] event type " + event.get("Type") + " of " + id
                        + " is not run locally");
            }
        });
    }

    /** The queue an asynchronous invocation that failed for good goes to, from the function's EventInvokeConfig. */
    @SuppressWarnings("unchecked")
    private java.util.Optional<String> onFailureDestination(String functionId) {
        Map<String, Object> config = template.eventInvokeConfig(functionId);
        Map<String, Object> destinations = (Map<String, Object>) config.getOrDefault("DestinationConfig", Map.of());
        Map<String, Object> onFailure = (Map<String, Object>) destinations.getOrDefault("OnFailure", Map.of());
        if (!"SQS".equals(onFailure.get("Type")) || onFailure.get("Destination") == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.ofNullable(physicalNames.get(logicalIdOfArn((String) resolve(onFailure.get("Destination")))));
    }

    /** Whether an HttpApi event opens its route to anyone ({@code Auth: {Authorizer: NONE}}). */
    @SuppressWarnings("unchecked")
    private static boolean openRoute(Map<String, Object> eventProperties) {
        Object auth = eventProperties.get("Auth");
        return auth instanceof Map<?, ?> map && "NONE".equals(((Map<String, Object>) map).get("Authorizer"));
    }

        /** A user pool's password policy as the template states it; Cognito's default for what it leaves out. */
    @SuppressWarnings("unchecked")
    private CognitoSimulator.PasswordPolicy passwordPolicy(String poolId) {
        Map<String, Object> policies = (Map<String, Object>) template.properties(poolId).getOrDefault("Policies", Map.of());
        Map<String, Object> p = (Map<String, Object>) policies.getOrDefault("PasswordPolicy", Map.of());
        CognitoSimulator.PasswordPolicy d = CognitoSimulator.PasswordPolicy.cognitoDefault();
        return new CognitoSimulator.PasswordPolicy(((Number) p.getOrDefault("MinimumLength", d.minimumLength())).intValue(),
                (Boolean) p.getOrDefault("RequireUppercase", d.requireUppercase()),
                (Boolean) p.getOrDefault("RequireLowercase", d.requireLowercase()),
                (Boolean) p.getOrDefault("RequireNumbers", d.requireNumbers()),
                (Boolean) p.getOrDefault("RequireSymbols", d.requireSymbols()));
    }

    /**
     * The JWT authorizer an HttpApi's Auth names as its default, if it is one: issuer and audiences from the
     * template, keys from the Cognito stand-in's pool of that issuer.
     */
    @SuppressWarnings("unchecked")
    private JwtAuthorizer jwtAuthorizer(Map<String, Object> auth) {
        Object name = auth.get("DefaultAuthorizer");
        Map<String, Object> authorizers = (Map<String, Object>) auth.getOrDefault("Authorizers", Map.of());
        Map<String, Object> authorizer = name == null ? null : (Map<String, Object>) authorizers.get(name);
        if (authorizer == null || !authorizer.containsKey("JwtConfiguration")) {
            return null;
        }
        Map<String, Object> jwt = (Map<String, Object>) authorizer.get("JwtConfiguration");
        String issuer = String.valueOf(resolve(jwt.get("issuer")));
        List<String> audiences = new ArrayList<>();
        for (Object audience : (List<Object>) jwt.getOrDefault("audience", List.of())) {
            audiences.add(String.valueOf(resolve(audience)));
        }
        return new JwtAuthorizer(issuer, audiences, iss -> cognito.poolOfIssuer(iss).map(cognito::jwksUrl), clock);
    }

    /**
     * The loopback server of an AWS::Serverless::HttpApi, started on first use: IAM-checked or JWT-checked as the
     * template says.
     */
    @SuppressWarnings("unchecked")
    private LocalHttpApi httpApi(String apiId) {
        return httpApis.computeIfAbsent(apiId, id -> {
            Map<String, Object> auth = (Map<String, Object>) template.properties(id).getOrDefault("Auth", Map.of());
            boolean iam = "AWS_IAM".equals(auth.get("DefaultAuthorizer"));
            // With a fixed port, the template's APIs take it and the ports after it, in template order.
            int index = template.resourcesOfType("AWS::Serverless::HttpApi").indexOf(id);
            return new LocalHttpApi(id, httpApiPort == 0 ? 0 : httpApiPort + index,
                    iam ? key -> java.util.Optional.ofNullable(identities.get(key)) : null, jwtAuthorizer(auth),
                    REGION, ACCOUNT_ID);
        });
    }

    private String logicalIdOfArn(String arn) {
        return arns.entrySet().stream().filter(e -> e.getValue().equals(arn)).map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalStateException("no resource with ARN " + arn));
    }

    Object resolve(Object value) {
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
}
