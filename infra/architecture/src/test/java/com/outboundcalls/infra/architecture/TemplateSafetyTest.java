package com.outboundcalls.infra.architecture;

import com.outboundcalls.infra.localcloud.CloudTemplate;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What template.yaml must say for alarms to arrive and for evidence to outlive the stack. */
class TemplateSafetyTest {

    private static final CloudTemplate TEMPLATE = CloudTemplate.load(Path.of("../../template.yaml"));

    @Test
    @SuppressWarnings("unchecked")
    void theAlarmTopicIsEncryptedWithAKeyCloudWatchMayPublishWith() {
        Object keyId = TEMPLATE.properties("AlarmTopic").get("KmsMasterKeyId");
        assertTrue(keyId instanceof Map<?, ?>, "a key of the stack's, not an AWS-managed alias: " + keyId);
        String key = (String) ((Map<String, Object>) keyId).get("Ref");
        assertEquals("AWS::KMS::Key", TEMPLATE.type(key));
        Map<String, Object> policy = (Map<String, Object>) TEMPLATE.properties(key).get("KeyPolicy");
        boolean cloudWatch = ((List<Map<String, Object>>) policy.get("Statement")).stream().anyMatch(s ->
                "Allow".equals(s.get("Effect"))
                        && String.valueOf(s.get("Principal")).contains("cloudwatch.amazonaws.com")
                        && String.valueOf(s.get("Action")).contains("kms:GenerateDataKey")
                        && String.valueOf(s.get("Action")).contains("kms:Decrypt"));
        assertTrue(cloudWatch, "CloudWatch may use the topic's key: " + policy);
    }

    @Test
    void theOrderFormsAndThePricesInForceOutliveTheStack() {
        for (String table : List.of("AccountsTable", "PriceListsTable")) {
            Map<String, Object> resource = TEMPLATE.resources().get(table);
            assertEquals("Retain", resource.get("DeletionPolicy"), table);
            assertEquals("Retain", resource.get("UpdateReplacePolicy"), table);
            assertEquals(Boolean.TRUE, TEMPLATE.properties(table).get("DeletionProtectionEnabled"), table);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyFunctionsLogGroupIsDeclaredWithARetention() {
        List<String> kept = new java.util.ArrayList<>();
        for (String group : TEMPLATE.resourcesOfType("AWS::Logs::LogGroup")) {
            Map<String, Object> props = TEMPLATE.properties(group);
            if (props.get("RetentionInDays") != null) {
                kept.add(String.valueOf(props.get("LogGroupName")));
            }
        }
        for (String function : TEMPLATE.resourcesOfType("AWS::Serverless::Function")) {
            assertTrue(kept.stream().anyMatch(name -> name.contains("/aws/lambda/${" + function + "}")),
                    function + " has a log group with a retention: " + kept);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void contactFilesExpireAndNoOlderVersionOfAFileNamingCalleesIsKept() {
        Map<String, Object> lifecycle = (Map<String, Object>) TEMPLATE.properties("ContactBucket").get("LifecycleConfiguration");
        Map<String, Map<String, Object>> byPrefix = new java.util.HashMap<>();
        for (Map<String, Object> rule : (List<Map<String, Object>>) lifecycle.get("Rules")) {
            assertEquals("Enabled", rule.get("Status"));
            byPrefix.put((String) rule.get("Prefix"), rule);
        }
        for (String prefix : List.of("incoming/", "config/opposition/", "reports/")) {
            Map<String, Object> rule = byPrefix.get(prefix);
            assertTrue(rule != null && rule.get("NoncurrentVersionExpiration") != null, prefix + ": " + rule);
        }
        assertTrue(byPrefix.get("incoming/").get("ExpirationInDays") != null, "contact files expire");
        assertTrue(byPrefix.get("config/opposition/").get("ExpirationInDays") != null, "suppression files expire");
    }
}
