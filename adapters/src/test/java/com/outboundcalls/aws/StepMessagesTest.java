package com.outboundcalls.aws;

import com.outboundcalls.files.FileInParts;
import com.outboundcalls.invoice.Dunning;
import com.outboundcalls.invoice.FinanceExports;
import com.outboundcalls.report.CampaignReport;
import com.outboundcalls.report.CampaignReports;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The steps of files written in steps, as their queue's messages carry them: read back as they were sent. */
class StepMessagesTest {

    private static final FileInParts.Written HALFWAY = new FileInParts.Written("upload-1", List.of("\"etag-1\"",
            "\"etag-2\""), "exports/parts/chain/3");

    @Test
    void aMonthFilesStepReadsBackWithItsCursorPartsCountAndDeclarationAmounts() {
        FinanceExports.Step step = new FinanceExports.Step(FinanceExports.File.ACCOUNTING, YearMonth.of(2026, 11),
                LocalDate.of(2026, 12, 1), "chain", 4, "eyJwayI6IkEifQ", HALFWAY, 2000,
                Map.of("BE0403170701", new BigDecimal("1234.56"), "DE811907980", new BigDecimal("-10.00")));

        assertEquals(step, SqsInvoiceRunTasks.fromJson(SqsInvoiceRunTasks.toJson(step)));
        FinanceExports.Step first = new FinanceExports.Step(FinanceExports.File.JOURNAL, YearMonth.of(2026, 11), null,
                "chain", 0, null, FileInParts.Written.NOTHING, 0, Map.of());
        assertEquals(first, SqsInvoiceRunTasks.fromJson(SqsInvoiceRunTasks.toJson(first)));
    }

    @Test
    void aCampaignReportStepReadsBackWithItsCounts() throws Exception {
        CampaignReports.Step step = new CampaignReports.Step("acme", "spring", Instant.parse("2026-10-05T09:00:00Z"),
                "chain", 7, "cursor", HALFWAY, new CampaignReport.Tally(7000, 9100, Map.of("CALLABLE", 6000L,
                "REACHED", 1000L), Map.of("STORED", 5000L, "PLACED", 2000L)));

        String json = SqsReportRequests.toJson(step);
        assertEquals(step, SqsReportRequests.step(com.outboundcalls.lambda.HttpJson.read(json)
                .get("reportStep")));
    }

    @Test
    void aReportStepWithoutItsCampaignOrInstantIsRefused() throws Exception {
        assertThrows(IllegalArgumentException.class, () -> SqsReportRequests.step(com.outboundcalls.lambda.HttpJson.read(
                "{\"clientId\":\"acme\",\"chain\":\"c\",\"asOf\":\"2026-10-05T09:00:00Z\"}")));
        assertThrows(IllegalArgumentException.class, () -> SqsReportRequests.step(com.outboundcalls.lambda.HttpJson.read(
                "{\"clientId\":\"acme\",\"campaignId\":\"spring\",\"chain\":\"c\",\"asOf\":\"yesterday\"}")));
    }

    @Test
    void aDunningStepReadsBackWithItsRunIndexPhaseCursorAndPeriods() {
        Dunning.Step step = new Dunning.Step("req-1", 3, LocalDate.of(2026, 12, 1), Dunning.Phase.LIFT,
                "INV-2026-00042", Set.of(YearMonth.of(2026, 10), YearMonth.of(2026, 11)));
        assertEquals(step, SqsDunningSteps.fromJson(SqsDunningSteps.toJson(step)));
        assertEquals("req-1/3", SqsDunningSteps.fromJson(SqsDunningSteps.toJson(step)).id());

        Dunning.Step first = new Dunning.Step("req-1", 0, LocalDate.of(2026, 12, 1), Dunning.Phase.OVERDUE, null,
                Set.of());
        assertEquals(first, SqsDunningSteps.fromJson(SqsDunningSteps.toJson(first)));
    }

    @Test
    void aDunningMessageWrittenBeforeStepsCarriedTheirRunReadsAsAStepOfNoRun() {
        Dunning.Step step = SqsDunningSteps.fromJson("{\"dunning\":{\"day\":\"2026-12-01\",\"phase\":\"LIFT\","
                + "\"cursor\":\"c\",\"periods\":[\"2026-10\"]}}");
        assertEquals(null, step.id());
        assertEquals(Dunning.Phase.LIFT, step.phase());
    }

    @Test
    void aDunningMessageWithoutADayOrWithAnUnknownPhaseIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> SqsDunningSteps.fromJson("{\"dunning\":{\"phase\":\"LIFT\"}}"));
        assertThrows(IllegalArgumentException.class, () -> SqsDunningSteps.fromJson(
                "{\"dunning\":{\"day\":\"2026-12-01\",\"phase\":\"FORGIVE\"}}"));
        assertThrows(IllegalArgumentException.class, () -> SqsDunningSteps.fromJson(
                "{\"dunning\":{\"day\":\"2026-12-01\",\"phase\":\"LIFT\",\"periods\":[\"2026-13\"]}}"));
        assertThrows(IllegalArgumentException.class, () -> SqsDunningSteps.fromJson("\u0000garbled"));
        assertThrows(IllegalArgumentException.class, () -> SqsDunningSteps.fromJson(
                "{\"dunning\":{\"run\":\"r\",\"day\":\"2026-12-01\",\"phase\":\"LIFT\"}}"));
        assertThrows(IllegalArgumentException.class, () -> SqsDunningSteps.fromJson(
                "{\"dunning\":{\"run\":\"r\",\"index\":-1,\"day\":\"2026-12-01\",\"phase\":\"LIFT\"}}"));
        assertThrows(IllegalArgumentException.class, () -> SqsDunningSteps.fromJson(
                "{\"dunning\":{\"run\":7,\"index\":1,\"day\":\"2026-12-01\",\"phase\":\"LIFT\"}}"));
    }
}
