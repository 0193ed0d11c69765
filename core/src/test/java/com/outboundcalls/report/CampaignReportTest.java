package com.outboundcalls.report;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.contact.ContactRecord;
import com.outboundcalls.contact.ContactStatus;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CampaignReportTest {

    private static final Instant T = Instant.parse("2026-10-05T08:00:00Z");

    @Test
    void eachContactShowsItsStatusAndEveryDecisionInOrder() throws Exception {
        CampaignReport report = new CampaignReport();
        report.add(new ContactRecord("ct-1", "+33612345678", "contacts.csv", 2, ContactStatus.NOT_REACHED, 3, 1, T,
                List.of(new ContactRecord.Decision(T, "STORED", "from row 2 of contacts.csv"),
                        new ContactRecord.Decision(T.plusSeconds(60), "QUEUED", ""),
                        new ContactRecord.Decision(T.plusSeconds(90), "DEFERRED", "outside the callee's calling window; until Monday"),
                        new ContactRecord.Decision(T.plusSeconds(7200), "NOT_REACHED", "NO_ANSWER"))));
        report.add(new ContactRecord("ct-2", "+33698765432", "contacts.csv", 3, ContactStatus.CALLABLE, 0, 0,
                T.plusSeconds(3600), List.of(new ContactRecord.Decision(T, "STORED", "=cmd|'/C calc'!A0"))));

        byte[] bytes = report.csv();
        assertEquals((byte) 0xEF, bytes[0], "UTF-8 byte order mark for spreadsheets");
        List<CsvRecord> rows;
        try (CsvReader<CsvRecord> reader = CsvReader.builder().fieldSeparator(';')
                .ofCsvRecord(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8))) {
            rows = reader.stream().toList();
        }
        assertEquals(CampaignReport.HEADER, String.join(";", rows.get(0).getFields()));
        CsvRecord first = rows.get(1);
        assertEquals("ct-1", first.getField(0));
        assertEquals("2", first.getField(1));
        assertEquals("'+33612345678", first.getField(2), "a phone number cannot start a formula");
        assertEquals("NOT_REACHED", first.getField(3));
        assertEquals("3", first.getField(4));
        assertEquals("", first.getField(6), "a settled contact is due nowhere");
        assertEquals("NOT_REACHED: NO_ANSWER", first.getField(8));
        assertTrue(first.getField(9).startsWith("2026-10-05T08:00:00.000Z STORED: from row 2 of contacts.csv | "),
                first.getField(9));
        assertTrue(first.getField(9).contains("DEFERRED: outside the callee's calling window; until Monday"));
        CsvRecord second = rows.get(2);
        assertEquals("2026-10-05T09:00:00.000Z", second.getField(6));
        assertEquals("STORED: =cmd|'/C calc'!A0", second.getField(8), "text inside a cell is kept as written");

        String summary = new String(report.summary(new Campaign("acme", "spring", Campaign.Status.ACTIVE, null, null, 1),
                T.plusSeconds(9000)), StandardCharsets.UTF_8);
        assertTrue(summary.contains("\"NOT_REACHED\" : 1") && summary.contains("\"CALLABLE\" : 1"), summary);
        assertTrue(summary.contains("\"attempts\" : 3"), summary);
    }
}
