package com.outboundcalls.rate;

import com.outboundcalls.account.Client;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RouteReratingTest {

    private static final Instant ANSWERED = Instant.parse("2026-10-10T09:00:00Z");
    private final InMemoryPorts.Prices prices = new InMemoryPorts.Prices()
            .with("default", "FR", "JP", "MOBILE", "0.2400", Instant.parse("2026-09-30T22:00:00Z"), "asia")
            .with("default", "FR", "JP", "MOBILE", "0.3000", Instant.parse("2026-10-31T23:00:00Z"), "asia-2")
            .with("globex-deal", "FR", "JP", "MOBILE", "0.1200", Instant.parse("2026-09-30T22:00:00Z"), "deal-1");
    private final InMemoryPorts.Accounts accounts = new InMemoryPorts.Accounts()
            .with(client("acme", null)).with(client("globex", "globex-deal"));
    private final InMemoryPorts.RatedCalls ratedCalls = new InMemoryPorts.RatedCalls();
    private final RouteRerating rerating = new RouteRerating(ratedCalls, prices, accounts);
    private final RouteRerating.Route japanMobiles = new RouteRerating.Route("FR", "JP", "MOBILE");

    private static Client client(String id, String list) {
        return new Client(id, id, "FR", new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE, list);
    }

    private void unrated(String contactId, String clientId, String destination, Instant answered, long seconds) {
        ratedCalls.saveIfAbsent(new RatedCall(contactId, clientId, "spring", "ct-" + contactId, 1, "FR", destination,
                "MOBILE", answered.minusSeconds(9), answered, answered.plusSeconds(seconds), seconds, null, null,
                null, RatedCall.Status.UNRATED, "no price for FR to " + destination + " MOBILE"));
    }

    @Test
    void eachUnratedCallOnTheRouteIsRatedAtThePriceValidWhenItWasAnsweredOnItsClientsList() {
        unrated("october", "acme", "JP", ANSWERED, 61);
        unrated("november", "acme", "JP", Instant.parse("2026-11-02T09:00:00Z"), 60);
        unrated("negotiated", "globex", "JP", ANSWERED, 60);

        assertEquals(3, rerating.rerate(japanMobiles));

        RatedCall october = ratedCalls.calls.get("october");
        assertEquals(RatedCall.Status.RATED, october.status());
        assertEquals(new BigDecimal("0.244000"), october.amount(), "61 s at 0.24 EUR a minute");
        assertEquals("asia", october.priceListVersion());
        assertNull(october.unratedReason());
        assertEquals(new BigDecimal("0.300000"), ratedCalls.calls.get("november").amount());
        assertEquals(new BigDecimal("0.120000"), ratedCalls.calls.get("negotiated").amount());
    }

    @Test
    void aRouteHandedOverTwiceRatesNothingTwice() {
        unrated("october", "acme", "JP", ANSWERED, 61);
        assertEquals(1, rerating.rerate(japanMobiles));
        RatedCall first = ratedCalls.calls.get("october");

        assertEquals(0, rerating.rerate(japanMobiles));
        assertEquals(first, ratedCalls.calls.get("october"));
    }

    @Test
    void aCallOnAnotherRouteOrStillWithoutAPriceStaysUnrated() {
        unrated("korea", "acme", "KR", ANSWERED, 60);
        unrated("before-any-price", "acme", "JP", Instant.parse("2026-09-01T09:00:00Z"), 60);

        assertEquals(0, rerating.rerate(japanMobiles));
        assertEquals(RatedCall.Status.UNRATED, ratedCalls.calls.get("korea").status());
        assertEquals(RatedCall.Status.UNRATED, ratedCalls.calls.get("before-any-price").status());
    }

    @Test
    void aRouteMissingAPartIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new RouteRerating.Route("FR", " ", "MOBILE"));
    }
}
