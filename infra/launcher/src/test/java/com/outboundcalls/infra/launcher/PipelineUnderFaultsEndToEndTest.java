package com.outboundcalls.infra.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The demo's month with 5 % of the functions' AWS calls faulted (retryable errors, lost answers to writes, dropped
 * SQS sends, functions killed between writes): the same contacts accepted as without faults, every contact settled,
 * one rated call per call placed, the invoice equal to its rated calls, and no call refused by a function's role.
 */
class PipelineUnderFaultsEndToEndTest {

    @Test
    void aMonthWithFivePercentOfCallsFaultedEndsWithEveryCrossCheckGreen(@TempDir Path faulted) throws Exception {
        Demo.Result reference = CalmJuneDemo.result();
        Demo.Result r = new Demo(CalmJuneDemo.options(faulted, 0.05)).run();

        assertEquals(List.of(), r.failedChecks(), "cross-checks under faults");
        assertTrue(r.faultsInjected().values().stream().mapToLong(Long::longValue).sum() > 0, r.faultsInjected().toString());
        assertTrue(r.faultsInjected().getOrDefault("ANSWER_LOST", 0L) > 0, r.faultsInjected().toString());
        assertTrue(r.faultsInjected().getOrDefault("THROTTLED", 0L) > 0, r.faultsInjected().toString());
        assertEquals(reference.accepted(), r.accepted(), "the same contacts accepted as without faults");
        assertEquals(reference.rejectedByReason(), r.rejectedByReason());
        assertEquals(r.accepted(), r.contactsStored());
        assertEquals(0, r.pending(), "every contact settled");
        assertEquals(r.connect().callsPlaced(), r.ratedCalls(), "no call rated twice or left unrated, none placed twice");
        assertTrue(r.connect().callsPlaced() <= 3 * r.accepted(), "never more attempts than the tariff's three");
        assertEquals(List.of(), r.accessDenials());
    }
}
