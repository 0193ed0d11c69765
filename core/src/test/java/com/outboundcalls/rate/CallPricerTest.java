package com.outboundcalls.rate;

import com.outboundcalls.dial.CallRecord;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CallPricerTest {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final Instant NEW_YEAR = LocalDateTime.parse("2027-01-01T00:00:00").atZone(PARIS).toInstant();
    private final CallPricer pricer = new CallPricer(new InMemoryPorts.Prices()
            .with("default", "FR", "FR", "MOBILE", "0.0450", Instant.parse("2026-01-01T00:00:00Z"), "2026")
            .with("default", "FR", "FR", "MOBILE", "0.0600", NEW_YEAR, "2027"));
    private final CallRecord call = new CallRecord("c", "t", "acme", "spring", "ct-1", 1, "FR", "FR", "MOBILE",
            NEW_YEAR.minusSeconds(120));

    private RatedCall rate(Instant answered, Instant disconnected) {
        return pricer.price(call, null, new ContactEvent("DISCONNECTED", "c", answered.minusSeconds(10), answered,
                disconnected, "CUSTOMER_DISCONNECT", null, disconnected));
    }

    @Test
    void aCallAnsweredBeforeMidnightInParisKeepsTheOldPriceWhileItRunsIntoTheNewVersion() {
        RatedCall call = rate(NEW_YEAR.minusSeconds(30), NEW_YEAR.plusSeconds(90));
        assertEquals(120, call.billedSeconds());
        assertEquals("2026", call.priceListVersion());
        assertEquals(new BigDecimal("0.090000"), call.amount());
    }

    @Test
    void aCallAnsweredAtMidnightInParisTakesTheNewPrice() {
        RatedCall call = rate(NEW_YEAR, NEW_YEAR.plusSeconds(120));
        assertEquals("2027", call.priceListVersion());
        assertEquals(new BigDecimal("0.120000"), call.amount());
        // Midnight in Paris is 23:00 UTC on 31 December: the version boundary follows Paris, not UTC.
        assertEquals(Instant.parse("2026-12-31T23:00:00Z"), NEW_YEAR);
    }

    @Test
    void everyStartedSecondIsBilledAtTheSecondBoundaries() {
        Instant a = Instant.parse("2026-10-05T09:00:00Z");
        assertEquals(61, rate(a, a.plusMillis(61_000)).billedSeconds());
        assertEquals(62, rate(a, a.plusMillis(61_001)).billedSeconds());
        assertEquals(new BigDecimal("0.046500"), rate(a, a.plusMillis(61_001)).amount());
    }
}
