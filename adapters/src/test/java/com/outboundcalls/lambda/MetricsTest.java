package com.outboundcalls.lambda;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.junit.jupiter.api.Assertions.assertEquals;

class MetricsTest {

    @Test
    void aCountIsOneEmbeddedMetricFormatLineThatCloudWatchReads() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new Metrics("call-rater", Clock.fixed(Instant.parse("2026-10-05T09:00:00Z"), ZoneOffset.UTC),
                new PrintStream(out, true, StandardCharsets.UTF_8)).count("UnratedCalls", 1);
        JsonNode line = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals(Instant.parse("2026-10-05T09:00:00Z").toEpochMilli(), line.path("_aws").path("Timestamp").asLong());
        assertEquals("OutboundCalls", directive.path("Namespace").asText());
        assertEquals("Function", directive.path("Dimensions").get(0).get(0).asText());
        assertEquals("UnratedCalls", directive.path("Metrics").get(0).path("Name").asText());
        assertEquals("call-rater", line.path("Function").asText());
        assertEquals(1, line.path("UnratedCalls").asLong());
    }

    @Test
    void aPhoneNumberIsMaskedWhenALogLineMustMentionIt() {
        assertEquals("+336******78", StructuredLog.mask("+33612345678"));
        assertEquals("***", StructuredLog.mask(null));
    }
}
