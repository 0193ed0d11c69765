package com.outboundcalls.rate;

import com.outboundcalls.account.Client;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceListImportTest {

    /** Published on 15 October 2026 in Paris: a raise needs valid_from on 15 November 2026 or later. */
    private static final Instant PUBLISHED = Instant.parse("2026-10-15T08:00:00Z");
    private final InMemoryPorts.Prices store = new InMemoryPorts.Prices()
            .with("default", "FR", "FR", "MOBILE", "0.0450", Instant.parse("2025-12-31T23:00:00Z"), "2026-01");
    private final InMemoryPorts.Accounts accounts = new InMemoryPorts.Accounts()
            .with(client("acme", null)).with(client("globex", "globex-deal"));
    private final InMemoryPorts.Objects reports = new InMemoryPorts.Objects();
    private final List<String> sent = new ArrayList<>();
    private final List<RouteRerating.Route> handedOver = new ArrayList<>();
    private final PriceListImport importer = new PriceListImport(store, handedOver::addAll, accounts, reports,
            (clientId, notice) -> sent.add(clientId), Clock.fixed(PUBLISHED, ZoneOffset.UTC));

    private static Client client(String id, String list) {
        return new Client(id, id, "FR", new Client.Tariff(3, Duration.ofHours(1)),
                Client.AccountStatus.ACTIVE, list);
    }

    private PriceListImport.Outcome upload(String key, String csv) {
        return importer.importFile(key, key + "#etag-" + csv.hashCode(), () -> new StringReader(csv));
    }

    @Test
    void aRaiseWithLessThanAMonthsNoticeIsRefusedWhole() {
        PriceListImport.Outcome outcome = upload("config/price-lists/default/2026-11.csv", PriceListFile.HEADER + "\n"
                + "FR,FR,MOBILE,0.0500,2026-11-14\n"
                + "FR,BE,MOBILE,0.0900,2026-11-01\n");
        assertFalse(outcome.accepted());
        assertEquals(1, outcome.reasons().size());
        assertTrue(outcome.reasons().get(0).contains("row 2: raises FR to FR MOBILE from 0.0450 to 0.0500"));
        assertTrue(outcome.reasons().get(0).contains("earliest 2026-11-15"));
        assertTrue(store.priceAt("default", "FR", "BE", "MOBILE", Instant.parse("2026-12-01T00:00:00Z")).isEmpty(),
                "no row of a refused version is stored");
        assertTrue(sent.isEmpty());
    }

    @Test
    void aRaiseWithAMonthsNoticeIsPublishedAndEveryClientOfTheListIsNotified() {
        PriceListImport.Outcome outcome = upload("config/price-lists/default/2026-11.csv", PriceListFile.HEADER + "\n"
                + "FR,FR,MOBILE,0.0500,2026-11-15\n"
                + "FR,FR,FIXED_LINE,0.0100,2026-10-20\n");
        assertTrue(outcome.accepted(), outcome.reasons().toString());
        assertEquals(List.of("acme", "globex"), sent);
        assertTrue(reports.objects.containsKey("reports/acme/notices/price-list-default-2026-11.json"));
        assertEquals(new BigDecimal("0.0500"), store.priceAt("default", "FR", "FR", "MOBILE",
                Instant.parse("2026-11-14T23:00:00Z")).orElseThrow().pricePerMinute());
    }

    @Test
    void aNegotiatedPriceAboveWhatTheClientPaidTheDayBeforeNeedsTheSameNoticeAndItsClientIsNotified() {
        // globex pays the provider's 0.0450 on FR MOBILE (no negotiated row yet). A first negotiated row at 0.0480
        // from 1 November, published on 15 October, is a raise with less than a month's notice: refused.
        PriceListImport.Outcome early = upload("config/price-lists/globex-deal/v1.csv", PriceListFile.HEADER + "\n"
                + "FR,FR,MOBILE,0.0480,2026-11-01\n");
        assertFalse(early.accepted());
        assertTrue(early.reasons().get(0).contains("raises FR to FR MOBILE from 0.0450 to 0.0480"),
                early.reasons().toString());
        // From 16 November it has its notice: accepted, and globex alone is told.
        PriceListImport.Outcome noticed = upload("config/price-lists/globex-deal/v2.csv", PriceListFile.HEADER + "\n"
                + "FR,FR,MOBILE,0.0480,2026-11-16\n");
        assertTrue(noticed.accepted(), noticed.reasons().toString());
        assertEquals(List.of("globex"), sent);
        assertTrue(reports.objects.containsKey("reports/globex/notices/price-list-globex-deal-v2.json"));
    }

    @Test
    void aDecreaseNeedsNoNoticeAndNotifiesNobody() {
        assertTrue(upload("config/price-lists/globex-deal/v1.csv", PriceListFile.HEADER + "\n"
                + "FR,FR,MOBILE,0.0300,2026-10-16\n").accepted());
        assertTrue(sent.isEmpty());
    }

    @Test
    void anAcceptedVersionHandsEachRouteItPricesToTheRatingSideOnce() {
        PriceListImport.Outcome outcome = upload("config/price-lists/default/asia.csv", PriceListFile.HEADER + "\n"
                + "FR,JP,MOBILE,0.2400,2026-10-01\n"
                + "FR,JP,MOBILE,0.2200,2027-01-01\n"
                + "FR,JP,FIXED_LINE,0.1000,2026-10-01\n");
        assertTrue(outcome.accepted());
        assertEquals(2, outcome.routesToRerate());
        assertEquals(List.of(new RouteRerating.Route("FR", "JP", "MOBILE"), new RouteRerating.Route("FR", "JP",
                "FIXED_LINE")), handedOver);
    }

    @Test
    void aRefusedVersionHandsNoRouteOver() {
        upload("config/price-lists/default/bad.csv", PriceListFile.HEADER + "\nFR,JP,MOBILE,abc,2026-10-01\n");
        assertTrue(handedOver.isEmpty());
    }

    @Test
    void aHandOverLostAfterTheVersionWasSavedIsMadeGoodByTheEventsRetry() {
        String key = "config/price-lists/default/asia.csv";
        String csv = PriceListFile.HEADER + "\nFR,JP,MOBILE,0.2400,2026-10-01\n";
        PriceListImport failing = new PriceListImport(store, routes -> {
            throw new IllegalStateException("the queue did not answer");
        }, accounts, reports, (clientId, notice) -> sent.add(clientId), Clock.fixed(PUBLISHED, ZoneOffset.UTC));
        assertThrows(IllegalStateException.class, () -> failing.importFile(key, key + "#etag-1",
                () -> new StringReader(csv)));
        assertTrue(store.versionSource("default", "asia").isPresent(), "the version was saved before the fault");

        PriceListImport.Outcome retried = importer.importFile(key, key + "#etag-1", () -> new StringReader(csv));

        assertFalse(retried.accepted(), "published already");
        assertEquals(List.of(new RouteRerating.Route("FR", "JP", "MOBILE")), handedOver);
        assertFalse(reports.objects.containsKey("reports/price-lists/default/asia.resubmitted.summary.json"),
                "a redelivery is not reported as a resubmission");
    }

    @Test
    void aBadRowRefusesTheWholeVersionWithEachReason() {
        PriceListImport.Outcome outcome = upload("config/price-lists/default/bad.csv", PriceListFile.HEADER + "\n"
                + "FR,FR,MOBILE,0.0300,2026-12-01\n"
                + "FR,XX,MOBILE,0,05,2026-12-01\n"
                + "FR,BE,CELL,-1,2026-13-01\n");
        assertFalse(outcome.accepted());
        assertEquals(2, outcome.reasons().size());
        assertTrue(outcome.reasons().get(0).startsWith("row 3: the row has 6 cells"));
        assertTrue(outcome.reasons().get(1).contains("unknown number type CELL"));
        assertTrue(outcome.reasons().get(1).contains("negative price"));
        assertTrue(outcome.reasons().get(1).contains("not a date"));
        assertTrue(store.versions.isEmpty());
    }

    @Test
    void aPublishedVersionNeverChangesAndItsOwnEventAgainDoesNothing() {
        String csv = PriceListFile.HEADER + "\nFR,FR,MOBILE,0.0300,2026-10-16\n";
        assertTrue(upload("config/price-lists/default/v2.csv", csv).accepted());
        String report = reports.text("reports/price-lists/default/v2.summary.json");

        upload("config/price-lists/default/v2.csv", csv); // the same S3 event again
        PriceListImport.Outcome changed = upload("config/price-lists/default/v2.csv", csv + "FR,BE,MOBILE,0.01,2026-10-16\n");

        assertFalse(changed.accepted());
        assertEquals(report, reports.text("reports/price-lists/default/v2.summary.json"), "the accepted report stays");
        assertTrue(reports.objects.containsKey("reports/price-lists/default/v2.resubmitted.summary.json"));
        assertTrue(store.priceAt("default", "FR", "BE", "MOBILE", Instant.parse("2026-11-01T00:00:00Z")).isEmpty());
    }

    @Test
    void anOutcomesSummaryFileIsWrittenAsAMapperWritesTheRecord() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter();
        for (PriceListImport.Outcome outcome : List.of(
                new PriceListImport.Outcome("provider", "2026-11", true, 42, List.of(), List.of("acme", "globex"), 7),
                new PriceListImport.Outcome("provider", "v2", false, 0, List.of("row 3: no price", "é"), null, 0))) {
            assertEquals(mapper.writeValueAsString(outcome),
                    com.outboundcalls.json.JsonTrees.writePrettyString(PriceListImport.summary(outcome)));
        }
    }
}
