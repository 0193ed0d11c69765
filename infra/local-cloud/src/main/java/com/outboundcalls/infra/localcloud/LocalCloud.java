package com.outboundcalls.infra.localcloud;

import com.outboundcalls.aws.AwsClients;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
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
 * resource, trigger and environment created from template.yaml ({@link TemplateProvisioning}), the functions run
 * in-process as Lambda runs them ({@link EventLoop}). With a simulated clock the event loop moves time from one
 * event to the next; with the wall clock ({@code up}) a background loop polls like Lambda's pollers do. This
 * class is the front: how to build one, its endpoints, names, clients and identities.
 */
public final class LocalCloud implements AutoCloseable {

    public static final String REGION = "eu-west-3";
    public static final String ACCOUNT_ID = "000000000000";
    public static final String STACK_NAME = "outbound-local";
    /** Credentials the stand-ins accept; they are not secrets. */
    public static final String ACCESS_KEY = "local";
    public static final String SECRET_KEY = "local-secret";

    private final CloudTemplate template;
    private final LocalClock clock;
    private final AwsStandIns standIns;
    private final ConnectSimulator connect;
    private final Map<String, String> parameters = new LinkedHashMap<>();
    private final MetricLines metricLines = new MetricLines();
    /** The identities the HTTP APIs know, by access key: the local administrator, then those made by identity(). */
    private final Map<String, LocalIdentity> identities = new java.util.concurrent.ConcurrentHashMap<>(Map.of(ACCESS_KEY,
            new LocalIdentity(ACCESS_KEY, SECRET_KEY, "arn:aws:iam::" + ACCOUNT_ID + ":user/local-admin", null)));
    private final int httpApiPort;
    private final ConcurrentLinkedQueue<ObjectCreated> objectsCreated = new ConcurrentLinkedQueue<>();
    private final DynamoDbClient dynamo;
    private final SqsClient sqs;
    private final S3Client s3;
    private final EventLoop events;
    private final CognitoSimulator cognito;
    private final SesSimulator ses;
    private final SecretsManagerSimulator secrets;
    private final TemplateProvisioning stack;

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
        private int cognitoPort;
        private double faultRate;

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

        /** Loopback port of the Cognito stand-in (0 = any free port). */
        public Builder cognitoPort(int port) {
            this.cognitoPort = port;
            return this;
        }

        /**
         * Injects faults into this share of the functions' AWS calls ({@link LocalFaults}): retryable errors, lost
         * answers to writes, dropped SQS sends, functions killed between two writes.
         */
        public Builder faults(double rate) {
            this.faultRate = rate;
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
            LocalCloud cloud = new LocalCloud(CloudTemplate.load(path), clock != null ? clock : LocalClock.wall(), seed,
                    quotas, population, parameterOverrides, ports, httpApiPort, cognitoPort);
            if (faultRate > 0) {
                cloud.injectFaults(faultRate, seed);
            }
            return cloud;
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    private LocalCloud(CloudTemplate template, LocalClock clock, long seed, ConnectSimulator.Quotas quotas,
                       CalleePopulation.Settings population, Map<String, String> overrides,
                       AwsStandIns.Ports ports, int httpApiPort, int cognitoPort) {
        this.template = template;
        this.httpApiPort = httpApiPort;
        this.clock = clock;
        this.standIns = AwsStandIns.start(REGION, ACCOUNT_ID, objectsCreated::add, clock, ports,
                template.bucketCors());
        parameters.putAll(template.parameterDefaults());
        parameters.putIfAbsent("ConnectInstanceId", "11111111-2222-3333-4444-555555555555");
        parameters.putIfAbsent("ContactFlowId", "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee");
        parameters.putIfAbsent("DefaultCallerId", "+33948000000");
        // Every identity the local cloud issues is of its one account: all of them are the provider's staff here.
        if (parameters.get("OperatorPrincipals") == null || parameters.get("OperatorPrincipals").isEmpty()) {
            parameters.put("OperatorPrincipals", "arn:aws:iam::" + ACCOUNT_ID + ":*");
        }
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
        LocalEventBridge eventBridge = new LocalEventBridge(sqs);
        this.events = new EventLoop(clock, eventBridge, objectsCreated);
        this.connect = new ConnectSimulator(clock, REGION, ACCOUNT_ID, parameters.get("ConnectInstanceId"), quotas,
                new CalleePopulation(seed, population), events::contactEvents, ports.connect());
        events.attach(connect);
        this.cognito = new CognitoSimulator(clock, REGION, cognitoPort);
        this.ses = new SesSimulator(clock, 0);
        this.secrets = new SecretsManagerSimulator(clock, seed, REGION, ACCOUNT_ID, 0);
        this.stack = new TemplateProvisioning(template, parameters, clock, dynamo, sqs, s3, eventBridge, events,
                clientEnvironment(), metricLines.stream, httpApiPort, identities, cognito, secrets);
        stack.provision();
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
        if (cognito != null) {
            env.put("AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER", cognito.endpoint().toString());
        }
        if (ses != null) {
            env.put("AWS_ENDPOINT_URL_SESV2", ses.endpoint().toString());
        }
        if (secrets != null) {
            env.put("AWS_ENDPOINT_URL_SECRETS_MANAGER", secrets.endpoint().toString());
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

    public CognitoSimulator cognito() {
        return cognito;
    }

    /** The mails the functions sent, as SES would have delivered them. */
    public SesSimulator ses() {
        return ses;
    }

    /** Physical name of a resource: a table's name, a queue's URL, a bucket's name. */
    public String physicalName(String logicalId) {
        return Objects.requireNonNull(stack.physicalNames.get(logicalId), "no resource " + logicalId);
    }

    /** ARN of a resource as the local cloud names it. */
    public String arn(String logicalId) {
        return Objects.requireNonNull(stack.arns.get(logicalId), "no ARN for " + logicalId);
    }

    /** Contact ids as the stack's functions make them, under the key in its secret. */
    public com.outboundcalls.ingest.ContactIds contactIds() {
        return com.outboundcalls.ingest.ContactIds.keyed(secrets.value(physicalName("ContactIdKey")));
    }

    public String parameter(String name) {
        return parameters.get(name);
    }

    public LocalFunction function(String logicalId) {
        return Objects.requireNonNull(stack.functions.get(logicalId), "no function " + logicalId);
    }

    public Map<String, LocalFunction> functions() {
        return stack.functions;
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
                        invokable.add(String.valueOf(stack.resolve(resource)));
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

    private void injectFaults(double rate, long seed) {
        stack.roles.droppedSendsQueueUrl = sqs.createQueue(r -> r.queueName(STACK_NAME + "-local-dropped-sends"))
                .queueUrl();
        stack.roles.faults = new LocalFaults(rate, seed);
    }

    /** The faults injected into the functions' AWS calls so far, by kind (none unless asked for). */
    public Map<String, Long> faultsInjected() {
        Map<String, Long> byKind = new java.util.TreeMap<>();
        stack.roles.faults.injected().forEach((kind, n) -> byKind.put(kind.name(), n));
        return byKind;
    }

    /**
     * The AWS calls the functions' roles refused so far ({@code function: action on resource}); each also failed
     * the call with the service's AccessDenied.
     */
    public List<String> accessDenials() {
        return List.copyOf(stack.roles.denials);
    }

    /**
     * The AWS calls the functions' code sent so far (each attempt counts), by {@code function Service:Operation}:
     * what an invocation costs in stand-in round trips.
     */
    public Map<String, Long> awsCalls() {
        Map<String, Long> calls = new java.util.TreeMap<>();
        stack.roles.calls.forEach((key, count) -> calls.put(key, count.sum()));
        return calls;
    }

    /** Per function, the actions its role grants that none of its calls used so far (its role may be too broad). */
    public Map<String, List<String>> unusedGrants() {
        Map<String, List<String>> unused = new java.util.TreeMap<>();
        stack.roles.byAccessKey.values().forEach(role -> {
            if (!role.unusedGrants().isEmpty()) {
                unused.put(role.functionId(), role.unusedGrants());
            }
        });
        return unused;
    }

    /**
     * With LOCALCLOUD_GRANTS_REPORT naming a file, appends each function's grants with whether they were used, one
     * line each ({@code USED|UNUSED function grant}): across a test run, a grant no line marks used was never needed.
     */
    private void reportGrants() {
        String report = System.getenv("LOCALCLOUD_GRANTS_REPORT");
        if (report == null || report.isBlank()) {
            return;
        }
        StringBuilder lines = new StringBuilder();
        stack.roles.byAccessKey.values().forEach(role -> role.grants().forEach((grant, used) ->
                lines.append(used ? "USED|" : "UNUSED|").append(role.functionId()).append('|').append(grant).append('\n')));
        try {
            java.nio.file.Files.writeString(java.nio.file.Path.of(report), lines, java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (java.io.IOException e) {
            System.err.println("[local-cloud] cannot write the grants report " + report + ": " + e.getMessage());
        }
    }

    /** Where the template's HTTP API answers, e.g. the finance API. */
    public URI httpApiEndpoint(String apiLogicalId) {
        LocalHttpApi api = stack.httpApis.get(apiLogicalId);
        if (api == null) {
            throw new IllegalStateException("no HTTP API " + apiLogicalId + " with a function on this classpath");
        }
        return api.endpoint();
    }

    // ------------------------------------------------------------------ the event loop

    /**
     * Does all the work due at the clock's instant once: contact events, S3 notifications, schedules,
     * one batch per SQS event source. Returns whether anything ran.
     */
    public boolean step() {
        return events.step();
    }

    /** Something outside the event loop (a test, a client) sent messages: look at every queue again. */
    public void messagesSent() {
        events.messagesSent();
    }

    /** Puts events (EventBridge envelopes) on the default bus, where the template's rules route them. */
    public void putEvents(java.util.List<String> events) {
        this.events.contactEvents(events);
    }

    /** Runs everything due now, again and again, until nothing is left at this instant. */
    public void drain() {
        events.drain();
    }

    /** When the next thing is due: a contact event, a schedule, a failed message coming back. */
    public Instant nextEventTime() {
        return events.nextEventTime();
    }

    /**
     * Moves the simulated clock from event to event, running everything due, until {@code done} holds or the
     * clock reaches {@code deadline}. {@code done} is checked at most once per {@code checkEvery} of
     * simulated time (and once at the end).
     */
    public boolean runUntil(Instant deadline, Duration checkEvery, BooleanSupplier done) {
        return events.runUntil(deadline, checkEvery, done);
    }

    /** Moves the simulated clock to an instant, running what falls due on the way. */
    public void advanceTo(Instant instant) {
        events.advanceTo(instant);
    }

    /**
     * Jumps the simulated clock straight to an instant, as a machine that was switched off would find the
     * world: contact events due meanwhile are delivered with their own timestamps, and each schedule fires
     * once, for the latest occurrence it passed over (missed occurrences collapse into one).
     */
    public void skipTo(Instant instant) {
        events.skipTo(instant);
    }

    /** The next time a schedule of the template fires ({@code FunctionLogicalId.EventId}). */
    public Instant nextFire(String schedule) {
        return events.nextFire(schedule);
    }

    /** For {@code up}: a background loop on the wall clock, as Lambda's pollers and schedulers would run. */
    public void startBackgroundLoop() {
        events.startBackgroundLoop();
    }

    @Override
    public void close() {
        events.stop();
        connect.close();
        cognito.close();
        ses.close();
        secrets.close();
        LocalAccessGate.unregister(stack.roles);
        reportGrants();
        stack.httpApis.values().forEach(LocalHttpApi::close);
        standIns.close();
    }
}
