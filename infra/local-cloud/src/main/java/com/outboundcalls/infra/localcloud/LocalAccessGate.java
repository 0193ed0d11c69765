package com.outboundcalls.infra.localcloud;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsRequest;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The local cloud's IAM: every AWS call a function's code makes (the SDK loads this interceptor from the classpath
 * of the local cloud) is checked against that function's role from the template, as IAM would check it, before it
 * reaches a stand-in; a call the role does not allow fails with the service's AccessDenied. A function is known by
 * the access key the local cloud gives it; any other caller (the local cloud itself, a test) is not checked.
 */
public final class LocalAccessGate implements ExecutionInterceptor {

    /** The roles of the running local clouds' functions, by the access key each function signs with. */
    private static final Map<String, Roles> ROLES = new ConcurrentHashMap<>();
    private static final Pattern CREDENTIAL = Pattern.compile("Credential=([^/,\\s]+)/");

    /** A local cloud's functions: their roles, how its names become ARNs, and the denials so far. */
    static final class Roles {
        final Map<String, RolePolicy> byAccessKey = new ConcurrentHashMap<>();
        final Map<String, String> hashKeyByTable;
        final String region;
        final String account;
        final List<String> denials = java.util.Collections.synchronizedList(new ArrayList<>());
        /** The calls each function sent, by service and operation ({@code function Service:Operation}). */
        final Map<String, java.util.concurrent.atomic.LongAdder> calls = new ConcurrentHashMap<>();
        /** The faults injected into these functions' calls (none unless the local cloud was asked for them). */
        volatile LocalFaults faults = new LocalFaults(0, 0);
        /** Where a dropped SQS send goes: a queue nothing reads. */
        volatile String droppedSendsQueueUrl;
        /** Told the URL of each queue a function sent to, once the send is done. */
        volatile java.util.function.Consumer<String> sent = queueUrl -> { };

        Roles(Map<String, String> hashKeyByTable, String region, String account) {
            this.hashKeyByTable = hashKeyByTable;
            this.region = region;
            this.account = account;
        }
    }

    static void register(String accessKey, Roles roles) {
        ROLES.put(accessKey, roles);
    }

    static void unregister(Roles roles) {
        ROLES.values().removeIf(r -> r == roles);
    }

    private static final software.amazon.awssdk.core.interceptor.ExecutionAttribute<String> FUNCTION =
            new software.amazon.awssdk.core.interceptor.ExecutionAttribute<>("LocalCloudFunction");
    private static final software.amazon.awssdk.core.interceptor.ExecutionAttribute<String> ASKED_QUEUE =
            new software.amazon.awssdk.core.interceptor.ExecutionAttribute<>("LocalCloudAskedQueue");

    /** An SQS send of a function, dropped as a fault: sent to a queue nothing reads. */
    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (!(request instanceof software.amazon.awssdk.services.sqs.model.SendMessageRequest
                || request instanceof software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest)) {
            return request;
        }
        Roles roles = rolesOfCaller(attributes);
        if (roles == null || roles.droppedSendsQueueUrl == null || !roles.faults.dropSend()) {
            return request;
        }
        // Its role is checked against the queue the function asked for, not against where the fault sends it.
        attributes.putAttribute(ASKED_QUEUE, request.getValueForField("QueueUrl", String.class).orElse(null));
        if (request instanceof software.amazon.awssdk.services.sqs.model.SendMessageRequest send) {
            return send.toBuilder().queueUrl(roles.droppedSendsQueueUrl).build();
        }
        return ((software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest) request).toBuilder()
                .queueUrl(roles.droppedSendsQueueUrl).build();
    }

    /** A function's send is done: the local cloud's pollers of that queue look at it again. */
    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        if (request instanceof software.amazon.awssdk.services.sqs.model.SendMessageRequest
                || request instanceof software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest) {
            Roles roles = rolesOfCaller(attributes);
            String queueUrl = request.getValueForField("QueueUrl", String.class).orElse(null);
            if (roles != null && queueUrl != null) {
                roles.sent.accept(queueUrl);
            }
        }
    }

    /** The roles of the local cloud whose function signs this call, from the identity the SDK resolved. */
    private static Roles rolesOfCaller(ExecutionAttributes attributes) {
        try {
            var scheme = attributes.getAttribute(software.amazon.awssdk.core.interceptor.SdkInternalExecutionAttribute
                    .SELECTED_AUTH_SCHEME);
            if (scheme == null) {
                return null;
            }
            Object identity = scheme.identity().join();
            return identity instanceof software.amazon.awssdk.identity.spi.AwsCredentialsIdentity credentials
                    ? ROLES.get(credentials.accessKeyId()) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** A write of a function done, its answer lost as a fault: a 500, which its SDK answers by sending it again. */
    @Override
    public software.amazon.awssdk.http.SdkHttpResponse modifyHttpResponse(Context.ModifyHttpResponse context,
                                                                           ExecutionAttributes attributes) {
        software.amazon.awssdk.http.SdkHttpResponse response = context.httpResponse();
        String function = attributes.getAttribute(FUNCTION);
        if (function == null || !response.isSuccessful()) {
            return response;
        }
        Roles roles = ROLES.get(function);
        if (roles == null || !roles.faults.loseAnswer(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
            return response;
        }
        return response.toBuilder().statusCode(500).statusText("Internal Server Error (local cloud fault)").build();
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        Optional<String> authorization = context.httpRequest().firstMatchingHeader("Authorization");
        if (authorization.isEmpty()) {
            return;
        }
        Matcher key = CREDENTIAL.matcher(authorization.get());
        if (!key.find()) {
            return;
        }
        Roles roles = ROLES.get(key.group(1));
        if (roles == null) {
            return; // not one of a local cloud's functions
        }
        RolePolicy role = roles.byAccessKey.get(key.group(1));
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        attributes.putAttribute(FUNCTION, key.group(1));
        SdkRequest asked = context.request();
        String askedQueue = attributes.getAttribute(ASKED_QUEUE);
        if (askedQueue != null && asked instanceof software.amazon.awssdk.services.sqs.model.SendMessageRequest send) {
            asked = send.toBuilder().queueUrl(askedQueue).build();
        } else if (askedQueue != null && asked instanceof software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest b) {
            asked = b.toBuilder().queueUrl(askedQueue).build();
        }
        for (RolePolicy.Check check : checks(roles, service, operation, asked)) {
            if (!role.allows(check)) {
                String message = "User: arn:aws:sts::" + roles.account + ":assumed-role/" + role.functionId()
                        + "Role/" + role.functionId() + " is not authorized to perform: " + check.action()
                        + " on resource: " + check.resource() + (check.context().isEmpty() ? "" : " with " + check.context())
                        + " because no identity-based policy allows the " + check.action() + " action";
                roles.denials.add(role.functionId() + ": " + check.action() + " on " + check.resource()
                        + (check.context().isEmpty() ? "" : " " + check.context()));
                System.err.println("[local-cloud] AccessDenied " + message);
                throw AwsServiceException.builder().statusCode(403).message(message)
                        .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDeniedException")
                                .errorMessage(message).serviceName(service).build()).build();
            }
        }
        roles.calls.computeIfAbsent(role.functionId() + " " + service + ":" + operation,
                k -> new java.util.concurrent.atomic.LongAdder()).increment();
        roles.faults.beforeSending(role.functionId(), service, operation);
    }

    /** What IAM checks for one request: an action and resource each, with its condition keys. */
    static List<RolePolicy.Check> checks(Roles roles, String service, String operation, SdkRequest request) {
        String arnBase = ":" + roles.region + ":" + roles.account + ":";
        List<RolePolicy.Check> checks = new ArrayList<>();
        switch (service) {
            case "DynamoDb" -> dynamoChecks(roles, "arn:aws:dynamodb" + arnBase + "table/", operation, request, checks);
            case "Sqs" -> {
                String url = field(request, "QueueUrl");
                String action = operation.equals("SendMessageBatch") ? "SendMessage" : operation;
                checks.add(new RolePolicy.Check("sqs:" + action, "arn:aws:sqs" + arnBase
                        + (url == null ? "*" : url.substring(url.lastIndexOf('/') + 1))));
            }
            case "S3" -> s3Checks(operation, request, checks);
            case "SecretsManager" -> checks.add(new RolePolicy.Check("secretsmanager:" + operation,
                    field(request, "SecretId")));
            case "SesV2" -> {
                String from = field(request, "FromEmailAddress");
                checks.add(new RolePolicy.Check("ses:" + operation, "arn:aws:ses" + arnBase + "identity/"
                        + (from == null ? "*" : from.replaceAll(".*<(.*)>.*", "$1"))));
                String set = field(request, "ConfigurationSetName");
                if (set != null) {
                    checks.add(new RolePolicy.Check("ses:" + operation, "arn:aws:ses" + arnBase + "configuration-set/" + set));
                }
            }
            case "CognitoIdentityProvider" -> {
                String pool = field(request, "UserPoolId");
                if (pool != null) { // the user's own calls (sign-in, sign-out) take no IAM
                    checks.add(new RolePolicy.Check("cognito-idp:" + operation, "arn:aws:cognito-idp" + arnBase
                            + "userpool/" + pool));
                }
            }
            case "Connect" -> {
                if (request instanceof software.amazon.awssdk.services.connect.model.GetCurrentMetricDataRequest metrics) {
                    // Queue metrics are authorised on each queue asked for.
                    String queues = "arn:aws:connect" + arnBase + "instance/" + metrics.instanceId() + "/queue/";
                    for (String queue : metrics.filters().queues()) {
                        checks.add(new RolePolicy.Check("connect:" + operation,
                                queue.startsWith("arn:") ? queue : queues + queue));
                    }
                    break;
                }
                String contact = Optional.ofNullable(field(request, "ContactId"))
                        .orElse(Optional.ofNullable(field(request, "InitialContactId")).orElse("*"));
                checks.add(new RolePolicy.Check("connect:" + operation, "arn:aws:connect" + arnBase + "instance/"
                        + field(request, "InstanceId") + "/contact/" + contact));
            }
            default -> checks.add(new RolePolicy.Check(service.toLowerCase(java.util.Locale.ROOT) + ":" + operation, "*"));
        }
        return checks;
    }

    private static void dynamoChecks(Roles roles, String tables, String operation, SdkRequest request,
                                     List<RolePolicy.Check> checks) {
        if (request instanceof BatchWriteItemRequest batch) {
            batch.requestItems().forEach((table, writes) -> {
                List<String> keys = new ArrayList<>();
                for (WriteRequest w : writes) {
                    Map<String, AttributeValue> item = w.putRequest() != null ? w.putRequest().item() : w.deleteRequest().key();
                    keys.add(hashKey(roles, table, item));
                }
                checks.add(new RolePolicy.Check("dynamodb:BatchWriteItem", tables + table, leading(keys)));
            });
        } else if (request instanceof BatchGetItemRequest batch) {
            batch.requestItems().forEach((table, keysAndAttributes) -> checks.add(new RolePolicy.Check(
                    "dynamodb:BatchGetItem", tables + table, leading(keysAndAttributes.keys().stream()
                    .map(k -> hashKey(roles, table, k)).toList()))));
        } else if (request instanceof TransactWriteItemsRequest transact) {
            for (TransactWriteItem item : transact.transactItems()) {
                if (item.put() != null) {
                    checks.add(new RolePolicy.Check("dynamodb:PutItem", tables + item.put().tableName(),
                            leading(List.of(hashKey(roles, item.put().tableName(), item.put().item())))));
                } else if (item.update() != null) {
                    checks.add(new RolePolicy.Check("dynamodb:UpdateItem", tables + item.update().tableName(),
                            leading(List.of(hashKey(roles, item.update().tableName(), item.update().key())))));
                } else if (item.delete() != null) {
                    checks.add(new RolePolicy.Check("dynamodb:DeleteItem", tables + item.delete().tableName(),
                            leading(List.of(hashKey(roles, item.delete().tableName(), item.delete().key())))));
                } else if (item.conditionCheck() != null) {
                    checks.add(new RolePolicy.Check("dynamodb:ConditionCheckItem", tables + item.conditionCheck().tableName(),
                            leading(List.of(hashKey(roles, item.conditionCheck().tableName(), item.conditionCheck().key())))));
                }
            }
        } else if (request instanceof TransactGetItemsRequest transact) {
            transact.transactItems().forEach(item -> checks.add(new RolePolicy.Check("dynamodb:GetItem",
                    tables + item.get().tableName(), leading(List.of(hashKey(roles, item.get().tableName(), item.get().key()))))));
        } else {
            String table = field(request, "TableName");
            String index = field(request, "IndexName");
            Map<String, List<String>> context = Map.of();
            if (request instanceof QueryRequest query && index == null) {
                String keyName = roles.hashKeyByTable.get(table);
                Matcher bound = BOUND_HASH_KEY.computeIfAbsent(keyName == null ? "pk" : keyName,
                        name -> Pattern.compile("(?:^|\\s|\\()#?" + Pattern.quote(name) + "\\s*=\\s*(:\\w+)"))
                        .matcher(query.keyConditionExpression() == null ? "" : query.keyConditionExpression());
                if (bound.find() && query.expressionAttributeValues().containsKey(bound.group(1))) {
                    context = leading(List.of(text(query.expressionAttributeValues().get(bound.group(1)))));
                }
            } else {
                @SuppressWarnings("unchecked")
                Map<String, AttributeValue> key = request.getValueForField("Key", Map.class)
                        .or(() -> request.getValueForField("Item", Map.class)).orElse(null);
                if (key != null) {
                    context = leading(List.of(hashKey(roles, table, key)));
                }
            }
            checks.add(new RolePolicy.Check("dynamodb:" + operation, tables + table + (index == null ? "" : "/index/" + index),
                    context));
        }
    }

    private static void s3Checks(String operation, SdkRequest request, List<RolePolicy.Check> checks) {
        String bucket = field(request, "Bucket");
        String key = field(request, "Key");
        String version = field(request, "VersionId");
        String object = "arn:aws:s3:::" + bucket + "/" + key;
        switch (operation) {
            case "GetObject", "HeadObject" -> checks.add(new RolePolicy.Check(version == null ? "s3:GetObject"
                    : "s3:GetObjectVersion", object));
            case "PutObject", "CreateMultipartUpload", "UploadPart", "CompleteMultipartUpload" ->
                    checks.add(new RolePolicy.Check("s3:PutObject", object));
            case "AbortMultipartUpload" -> checks.add(new RolePolicy.Check("s3:AbortMultipartUpload", object));
            case "DeleteObject" -> checks.add(new RolePolicy.Check(version == null ? "s3:DeleteObject"
                    : "s3:DeleteObjectVersion", object));
            case "DeleteObjects" -> {
                for (ObjectIdentifier id : ((DeleteObjectsRequest) request).delete().objects()) {
                    checks.add(new RolePolicy.Check(id.versionId() == null ? "s3:DeleteObject" : "s3:DeleteObjectVersion",
                            "arn:aws:s3:::" + bucket + "/" + id.key()));
                }
            }
            case "ListObjectsV2", "ListObjects" -> checks.add(new RolePolicy.Check("s3:ListBucket", "arn:aws:s3:::" + bucket,
                    Map.of("s3:prefix", List.of(Optional.ofNullable(field(request, "Prefix")).orElse("")))));
            case "ListObjectVersions" -> checks.add(new RolePolicy.Check("s3:ListBucketVersions", "arn:aws:s3:::" + bucket,
                    Map.of("s3:prefix", List.of(Optional.ofNullable(field(request, "Prefix")).orElse("")))));
            case "CopyObject" -> {
                checks.add(new RolePolicy.Check("s3:PutObject", "arn:aws:s3:::" + field(request, "DestinationBucket") + "/"
                        + field(request, "DestinationKey")));
                checks.add(new RolePolicy.Check("s3:GetObject", "arn:aws:s3:::" + field(request, "SourceBucket") + "/"
                        + field(request, "SourceKey")));
            }
            default -> checks.add(new RolePolicy.Check("s3:" + operation, bucket == null ? "*" : object));
        }
    }

    /** A query's condition on a table's hash key, by the key's name. */
    private static final Map<String, Pattern> BOUND_HASH_KEY = new ConcurrentHashMap<>();

    private static Map<String, List<String>> leading(List<String> keys) {
        return Map.of("dynamodb:LeadingKeys", keys);
    }

    private static String hashKey(Roles roles, String table, Map<String, AttributeValue> item) {
        String name = roles.hashKeyByTable.getOrDefault(table, "pk");
        return item == null || !item.containsKey(name) ? "" : text(item.get(name));
    }

    private static String text(AttributeValue value) {
        return value.s() != null ? value.s() : value.n() != null ? value.n() : String.valueOf(value);
    }

    private static String field(SdkRequest request, String name) {
        return request.getValueForField(name, String.class).orElse(null);
    }
}
