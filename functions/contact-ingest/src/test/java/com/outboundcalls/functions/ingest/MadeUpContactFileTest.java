package com.outboundcalls.functions.ingest;

import com.outboundcalls.ingest.IngestSummary;
import com.outboundcalls.phone.PhoneNumberValidator;
import com.outboundcalls.phone.RejectReason;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The contact file the contact ingest functions read before a snapshot: every row read, every number checked. */
class MadeUpContactFileTest {

    @Test
    void everyRowOfTheMadeUpFileIsReadAndItsNumberFoundValidInItsCountry() {
        List<PhoneNumberValidator.Verdict> verdicts = MadeUpContactFile.read();

        assertEquals(List.of("+33612345678", "+33123456789", "+32470123456"),
                verdicts.stream().map(v -> v.number().e164()).toList());
        assertEquals(List.of("MOBILE", "FIXED_LINE", "MOBILE"),
                verdicts.stream().map(v -> v.number().numberType()).toList());
    }

    @Test
    void theMadeUpSummaryReadBackFromItsStoredFormKeepsItsCountsByReason() {
        IngestSummary summary = MadeUpContactFile.summaryReadBack();

        assertEquals(IngestSummary.PROCESSED, summary.status());
        assertEquals(Map.of(RejectReason.NOT_A_NUMBER, 1L), summary.rejectedByReason());
        assertEquals(summary, IngestSummary.fromJson(summary.toJson()));
    }
}
