package com.outboundcalls.infra.localcloud;

import com.outboundcalls.aws.AwsClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The local cloud's IAM: a function's call its role does not allow fails as AWS fails it, and is reported. */
class LocalAccessGateTest {

    private static LocalCloud cloud;
    private static LocalAccessGate.Roles roles;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().start();
        roles = new LocalAccessGate.Roles(Map.of(cloud.physicalName("AccountsTable"), "pk"), LocalCloud.REGION,
                LocalCloud.ACCOUNT_ID);
    }

    @AfterAll
    static void stop() {
        LocalAccessGate.unregister(roles);
        cloud.close();
    }

    /** Clients signing with a key the gate knows as a function whose role is these statements. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> functionSigningWith(String key, Object statements) {
        roles.byAccessKey.put(key, RolePolicy.of("TestFunction", List.of(Map.of("Statement", statements)),
                LocalCloud.REGION, LocalCloud.ACCOUNT_ID));
        LocalAccessGate.register(key, roles);
        Map<String, String> env = new HashMap<>(cloud.clientEnvironment());
        env.put("AWS_ACCESS_KEY_ID", key);
        return env;
    }

    @Test
    void aCallTheRoleDoesNotAllowFailsWithAccessDeniedAndChangesNothing() {
        String table = cloud.physicalName("AccountsTable");
        DynamoDbClient dynamo = new AwsClients(functionSigningWith("GATETEST1", List.of(Map.of("Effect", "Allow",
                "Action", List.of("dynamodb:GetItem"), "Resource", cloud.arn("AccountsTable"))))).dynamoDb();
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("CLIENT#x"), "sk", AttributeValue.fromS("P"));

        dynamo.getItem(r -> r.tableName(table).key(key));
        AwsServiceException denied = assertThrows(AwsServiceException.class,
                () -> dynamo.putItem(r -> r.tableName(table).item(key)));
        assertEquals(403, denied.statusCode());
        assertEquals("AccessDeniedException", denied.awsErrorDetails().errorCode());
        assertTrue(cloud.dynamoDb().getItem(r -> r.tableName(table).key(key)).item().isEmpty(), "nothing written");
        assertTrue(roles.denials.stream().anyMatch(d -> d.contains("dynamodb:PutItem")), roles.denials.toString());
    }

    @Test
    void aConditionOnLeadingKeysAllowsOnlyThoseItems() {
        String table = cloud.physicalName("AccountsTable");
        DynamoDbClient dynamo = new AwsClients(functionSigningWith("GATETEST2", List.of(Map.of("Effect", "Allow",
                "Action", "dynamodb:PutItem", "Resource", cloud.arn("AccountsTable"),
                "Condition", Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of("MAIL#*"))))))).dynamoDb();

        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("MAIL#1"),
                "sk", AttributeValue.fromS("M"))));
        assertThrows(AwsServiceException.class, () -> dynamo.putItem(r -> r.tableName(table).item(Map.of(
                "pk", AttributeValue.fromS("CLIENT#acme"), "sk", AttributeValue.fromS("PROFILE")))));
    }

    @Test
    void aListingOutsideTheAllowedPrefixIsRefusedAndUnusedGrantsAreReported() {
        String bucket = cloud.physicalName("ContactBucket");
        S3Client s3 = new AwsClients(functionSigningWith("GATETEST3", List.of(Map.of("Effect", "Allow",
                "Action", List.of("s3:ListBucket", "s3:DeleteObject"), "Resource", "arn:aws:s3:::" + bucket,
                "Condition", Map.of("StringLike", Map.of("s3:prefix", "reports/*")))))).s3();

        s3.listObjectsV2(r -> r.bucket(bucket).prefix("reports/acme/"));
        assertThrows(AwsServiceException.class, () -> s3.listObjectsV2(r -> r.bucket(bucket).prefix("incoming/")));
        assertEquals(List.of("s3:DeleteObject on arn:aws:s3:::" + bucket), roles.byAccessKey.get("GATETEST3").unusedGrants());
    }

    @Test
    void everyCallAFunctionSendsIsCountedByOperationAndARefusedOneIsNotSent() {
        String table = cloud.physicalName("AccountsTable");
        DynamoDbClient dynamo = new AwsClients(functionSigningWith("GATETEST4", List.of(Map.of("Effect", "Allow",
                "Action", List.of("dynamodb:GetItem"), "Resource", cloud.arn("AccountsTable"))))).dynamoDb();
        Map<String, AttributeValue> key = Map.of("pk", AttributeValue.fromS("CLIENT#y"), "sk", AttributeValue.fromS("P"));
        long before = sent("TestFunction DynamoDb:GetItem");
        long putsBefore = sent("TestFunction DynamoDb:PutItem");

        dynamo.getItem(r -> r.tableName(table).key(key));
        dynamo.getItem(r -> r.tableName(table).key(key));
        assertThrows(AwsServiceException.class, () -> dynamo.putItem(r -> r.tableName(table).item(key)));

        assertEquals(before + 2, sent("TestFunction DynamoDb:GetItem"));
        assertEquals(putsBefore, sent("TestFunction DynamoDb:PutItem"), "refused before it was sent");
    }

    private static long sent(String functionAndOperation) {
        java.util.concurrent.atomic.LongAdder count = roles.calls.get(functionAndOperation);
        return count == null ? 0 : count.sum();
    }
}
