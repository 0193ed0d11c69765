package com.outboundcalls.dial;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class DialMessageTest {

    @Test
    void aMessageReadsBackAsItWasWrittenAndAsAMapperWritesIt() throws Exception {
        DialMessage message = new DialMessage("acme", "spring", "c-0042", 3);
        assertEquals(message, DialMessage.fromJson(message.toJson()));
        assertEquals(new ObjectMapper().writeValueAsString(message), message.toJson());
        assertEquals(message, DialMessage.fromJson(
                "{\"attempt\":\"3\",\"contactId\":\"c-0042\",\"campaignId\":\"spring\",\"clientId\":\"acme\"}"));
    }

    @Test
    void aMessageThatIsNotOneIsRefusedWithWhy() {
        for (String body : List.of("", "[]", "\"text\"", "{", "{\"clientId\":\"a\",\"campaignId\":\"b\",\"contactId\":\"c\"}",
                "{\"clientId\":\"a\",\"campaignId\":\"b\",\"contactId\":\"c\",\"attempt\":0}",
                "{\"clientId\":\"a\",\"campaignId\":\"b\",\"contactId\":\"c\",\"attempt\":1.5}",
                "{\"clientId\":\"a\",\"campaignId\":\"b\",\"contactId\":\"c\",\"attempt\":99999999999}",
                "{\"clientId\":7,\"campaignId\":\"b\",\"contactId\":\"c\",\"attempt\":1}",
                "{\"clientId\":\"a\",\"campaignId\":\"b\",\"contactId\":\"c\",\"attempt\":1,\"phone\":\"+33612345678\"}")) {
            assertThrows(IllegalArgumentException.class, () -> DialMessage.fromJson(body), body);
        }
    }
}
