package com.outboundcalls.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.outboundcalls.phone.RejectReason;
import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The files' summaries are stored and reported as a data-binding mapper wrote them, and read back whole. */
class SummaryJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void anIngestSummaryIsWrittenAsTheMapperWritesItAndReadsBackEqual() throws Exception {
        Map<RejectReason, Long> reasons = new EnumMap<>(RejectReason.class);
        reasons.put(RejectReason.NOT_A_NUMBER, 3L);
        reasons.put(RejectReason.DUPLICATE, 12L);
        for (IngestSummary summary : List.of(
                new IngestSummary("incoming/acme/spring/file.csv", "v1", "acme", "spring", IngestSummary.PROCESSED, null,
                        2000, 1896, 0, 104, reasons, "csv", ";", "UTF-8", null, "2026-11-02T09:00:00Z", 2712, 2,
                        List.of("notes", "ref")),
                new IngestSummary("incoming/x", null, null, null, IngestSummary.REFUSED, "The key is not of the form.",
                        0, 0, 0, 0, new EnumMap<>(RejectReason.class), null, null, null, null, "2026-11-02T09:00:00Z",
                        3, 1),
                new IngestSummary("f", "v", "c", "k", IngestSummary.IN_PROGRESS, "é \"quoted\"\n", Long.MAX_VALUE, 1, 2,
                        3, null, "xlsx", null, "windows-1252", "limit", null, 0, Integer.MAX_VALUE, List.of()))) {
            String expected = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary);
            assertEquals(expected, SummaryJson.write(summary));
            assertEquals(summary, SummaryJson.readIngest(expected));
            assertEquals(MAPPER.readValue(expected, IngestSummary.class), SummaryJson.readIngest(expected));
        }
    }

    @Test
    void anOppositionSummaryIsWrittenAsTheMapperWritesItAndReadsBackEqual() throws Exception {
        for (OppositionImport.Summary summary : List.of(
                new OppositionImport.Summary("config/opposition/acme/list.csv", "acme", IngestSummary.PROCESSED, null,
                        3, 2, 0, 1, Map.of(RejectReason.NOT_A_NUMBER, 1L), null, 1),
                new OppositionImport.Summary("f", null, IngestSummary.REFUSED, "why", 0, 0, 0, 0, null, "limit", 2))) {
            String expected = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(summary);
            assertEquals(expected, SummaryJson.write(summary));
            assertEquals(summary, SummaryJson.readOpposition(expected));
        }
    }

    @Test
    void aStoredSummaryThatIsNotOneIsRefusedWhole() {
        for (String stored : List.of("", "[]", "{\"file\":1}", "{\"unknown\":\"x\"}", "{\"rowsRead\":\"many\"}",
                "{\"rejectedByReason\":{\"NOT_A_REASON\":1}}", "{\"columnsLeftOut\":\"a\"}", "not json")) {
            assertThrows(IllegalStateException.class, () -> SummaryJson.readIngest(stored), stored);
        }
        assertThrows(IllegalStateException.class, () -> SummaryJson.readOpposition("{\"listed\":[]}"));
    }
}
