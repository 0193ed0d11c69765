package com.outboundcalls.infra.localcloud;

import com.outboundcalls.aws.AwsClients;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The faults the local cloud injects into a function's calls, and what a caller sees of each. */
class LocalFaultsTest {

    @Test
    void faultedWritesAreRetriedByTheSdkOrKillTheFunctionAndALostAnswerMakesAConditionalWriteSeeItself() {
        try (LocalCloud cloud = LocalCloud.builder().faults(0.4).seed(3).start()) {
            LocalAccessGate.Roles roles = new LocalAccessGate.Roles(Map.of(cloud.physicalName("AccountsTable"), "pk"),
                    LocalCloud.REGION, LocalCloud.ACCOUNT_ID);
            roles.faults = new LocalFaults(0.4, 3);
            roles.byAccessKey.put("FAULTTEST", RolePolicy.of("FaultedFunction", List.of(Map.of("Statement", List.of(
                    Map.of("Effect", "Allow", "Action", "dynamodb:*", "Resource", "*")))), LocalCloud.REGION,
                    LocalCloud.ACCOUNT_ID));
            LocalAccessGate.register("FAULTTEST", roles);
            try {
                Map<String, String> env = new HashMap<>(cloud.clientEnvironment());
                env.put("AWS_ACCESS_KEY_ID", "FAULTTEST");
                DynamoDbClient dynamo = new AwsClients(env).dynamoDb();
                String table = cloud.physicalName("AccountsTable");
                int written = 0;
                int killed = 0;
                int sawItself = 0;
                for (int i = 0; i < 120; i++) {
                    int n = i;
                    try {
                        dynamo.putItem(r -> r.tableName(table).item(Map.of("pk", AttributeValue.fromS("FAULT#" + n),
                                "sk", AttributeValue.fromS("X"))).conditionExpression("attribute_not_exists(pk)"));
                        written++;
                    } catch (LocalFaults.FunctionKilled e) {
                        killed++;
                    } catch (ConditionalCheckFailedException e) {
                        sawItself++; // its first attempt was done, its answer lost: the retry finds the item there
                    }
                }
                Map<LocalFaults.Kind, Long> injected = roles.faults.injected();
                assertTrue(injected.getOrDefault(LocalFaults.Kind.THROTTLED, 0L) > 0, injected.toString());
                assertTrue(injected.getOrDefault(LocalFaults.Kind.ANSWER_LOST, 0L) > 0, injected.toString());
                assertTrue(killed > 0, injected.toString());
                assertTrue(sawItself > 0, "a lost answer to a conditional put comes back as its own condition failing");
                assertEquals(120, written + killed + sawItself, "every other write got through the SDK's retries");
            } finally {
                LocalAccessGate.unregister(roles);
            }
        }
    }

    @Test
    void aDroppedSendIsAcceptedAndNeverDeliveredAndItsRoleIsCheckedOnTheQueueAsked() {
        try (LocalCloud cloud = LocalCloud.builder().faults(0.4).seed(5).start()) {
            String queue = cloud.physicalName("DialQueue");
            LocalAccessGate.Roles roles = new LocalAccessGate.Roles(Map.of(), LocalCloud.REGION, LocalCloud.ACCOUNT_ID);
            roles.faults = new LocalFaults(0.4, 5);
            roles.droppedSendsQueueUrl = cloud.sqs().createQueue(r -> r.queueName("dropped-for-test")).queueUrl();
            roles.byAccessKey.put("FAULTTEST2", RolePolicy.of("Sender", List.of(Map.of("Statement", List.of(
                    Map.of("Effect", "Allow", "Action", "sqs:SendMessage", "Resource", cloud.arn("DialQueue"))))),
                    LocalCloud.REGION, LocalCloud.ACCOUNT_ID));
            LocalAccessGate.register("FAULTTEST2", roles);
            try {
                Map<String, String> env = new HashMap<>(cloud.clientEnvironment());
                env.put("AWS_ACCESS_KEY_ID", "FAULTTEST2");
                var sqs = new AwsClients(env).sqs();
                int accepted = 0;
                for (int i = 0; i < 60; i++) {
                    int n = i;
                    try {
                        sqs.sendMessage(r -> r.queueUrl(queue).messageBody("m" + n));
                        accepted++;
                    } catch (LocalFaults.FunctionKilled e) {
                        // killed before sending: not accepted
                    }
                }
                long dropped = roles.faults.injected().getOrDefault(LocalFaults.Kind.SEND_DROPPED, 0L);
                assertTrue(dropped > 0, roles.faults.injected().toString());
                assertTrue(roles.denials.isEmpty(), roles.denials.toString());
                assertEquals(accepted - dropped, cloud.queueDepth("DialQueue"), "a dropped send never arrives");
            } finally {
                LocalAccessGate.unregister(roles);
            }
        }
    }
}
