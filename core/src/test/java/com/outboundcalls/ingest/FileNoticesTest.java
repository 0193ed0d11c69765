package com.outboundcalls.ingest;

import com.outboundcalls.mail.Mail;
import com.outboundcalls.phone.RejectReason;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FileNoticesTest {

    private static final Upload BY_MARIE = new Upload("incoming/acme/spring/x-a<b>.csv", "acme", "spring", "a<b>.csv",
            10, "user:marie@acme.example", Instant.EPOCH, Instant.EPOCH);

    private static IngestSummary summary(String status, String refusal) {
        return new IngestSummary(BY_MARIE.key(), "v1", "acme", "spring", status, refusal, 5, 3, 0, 2,
                Map.of(RejectReason.NOT_A_NUMBER, 2L), "CSV", ";", "UTF-8", null, Instant.EPOCH.toString(), 1, 1);
    }

    @Test
    void thePersonWhoAskedForTheLinkIsToldTheCountsOfItsFile() {
        Mail mail = FileNotices.processed(summary(IngestSummary.PROCESSED, null), BY_MARIE).orElseThrow();
        assertEquals(List.of("marie@acme.example"), mail.to());
        assertTrue(mail.text().contains("5 lignes lues, 3 contacts retenus, 2 lignes écartées (2 NOT_A_NUMBER)"),
                mail.text());
        assertTrue(mail.html().contains("a&lt;b&gt;.csv"), "the file's name is escaped in HTML: " + mail.html());
        assertEquals("file-processed#" + BY_MARIE.key() + "#v1", mail.id(), "once per file version");
    }

    @Test
    void aFileThatCouldNotBeReadIsToldWithItsReason() {
        Mail mail = FileNotices.processed(summary(IngestSummary.REFUSED, "The file is empty."), BY_MARIE).orElseThrow();
        assertTrue(mail.text().contains("n'a pas pu être lu : The file is empty."), mail.text());
    }

    @Test
    void nobodyIsMailedWhileTheFileIsInProgressNorForAFileAnOperatorSent() {
        assertEquals(Optional.empty(), FileNotices.processed(summary(IngestSummary.IN_PROGRESS, null), BY_MARIE));
        Upload byOperator = new Upload(BY_MARIE.key(), "acme", "spring", "a.csv", 10,
                "arn:aws:iam::000000000000:role/ops", Instant.EPOCH, Instant.EPOCH);
        assertEquals(Optional.empty(), FileNotices.processed(summary(IngestSummary.PROCESSED, null), byOperator));
    }
}
