package com.outboundcalls.infra.architecture;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.account.CallAttributes;
import com.outboundcalls.infra.localcloud.CloudTemplate;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contact flows the stack deploys are the files of connect/flows/, and they read and write the attributes the
 * dialer sets and the rater reads, under the same names.
 */
class ContactFlowsMatchTemplateTest {

    private static final Path ROOT = Path.of("../..");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theTemplateDeploysTheFlowsOfTheRepositoryAsTheyAre() throws IOException {
        CloudTemplate template = CloudTemplate.load(ROOT.resolve("template.yaml"));
        Object outbound = template.properties("OutboundCallFlow").get("Content");
        // !Sub [text, {}]: the text, with the queue flow's ARN substituted at deploy time.
        String outboundText = outbound instanceof Map<?, ?> sub ? String.valueOf(((List<?>) sub.get("Fn::Sub")).get(0))
                : String.valueOf(outbound);
        assertEquals(JSON.readTree(Files.readString(ROOT.resolve("connect/flows/outbound-call.json"))),
                JSON.readTree(outboundText));
        assertEquals(JSON.readTree(Files.readString(ROOT.resolve("connect/flows/abandoned-call-queue.json"))),
                JSON.readTree(String.valueOf(template.properties("AbandonedCallQueueFlow").get("Content"))));
    }

    @Test
    void theOutboundFlowUsesTheAttributesTheDialerSetsAndTheRaterReads() throws IOException {
        String flow = Files.readString(ROOT.resolve("connect/flows/outbound-call.json"));
        for (String attribute : List.of(CallAttributes.DIALING_MODE, CallAttributes.ROUTING_QUEUE,
                CallAttributes.PREFERRED_AGENT, CallAttributes.CALLEE_REFUSED, CallAttributes.ABANDONED_MESSAGE)) {
            assertTrue(flow.contains(attribute), "the flow uses " + attribute);
        }
        JsonNode actions = JSON.readTree(flow).path("Actions");
        long transfers = 0;
        for (JsonNode action : actions) {
            if ("TransferContactToQueue".equals(action.path("Type").asText())) {
                transfers++;
            }
        }
        assertEquals(1, transfers, "agent-assisted calls go to the routing queue once");
    }
}
