package com.outboundcalls.invoice;

import com.outboundcalls.rate.RatedCall;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Billed seconds summed per (origin, destination, number type, price per minute): invoices sum seconds. Calls of
 * an earlier month billed late are summed apart, per month then rate.
 */
public final class UsageTotals {

    /** A rate an invoice line is made of. */
    public record RateKey(String originCountry, String destinationCountry, String numberType,
                          BigDecimal pricePerMinute) {
    }

    private static final Comparator<RateKey> ORDER = Comparator.comparing(RateKey::originCountry)
            .thenComparing(RateKey::destinationCountry).thenComparing(RateKey::numberType)
            .thenComparing(RateKey::pricePerMinute);

    private final Map<RateKey, Long> seconds = new TreeMap<>(ORDER);
    private final Map<java.time.YearMonth, Map<RateKey, Long>> lateSeconds = new TreeMap<>();
    private long calls;
    private long unrated;
    private long lateCalls;

    /** A call of an earlier month, rated after that month was invoiced: billed now, under its own month. */
    public void addLate(RatedCall call) {
        if (call.status() != RatedCall.Status.RATED) {
            throw new IllegalArgumentException("only a rated call is billed late");
        }
        lateCalls++;
        if (call.billedSeconds() == 0 || call.pricePerMinute() == null) {
            return;
        }
        lateSeconds.computeIfAbsent(call.billingMonth(), m -> new TreeMap<>(ORDER)).merge(rateOf(call),
                call.billedSeconds(), Long::sum);
    }

    /** Late seconds per month the calls belong to, then per rate. */
    public Map<java.time.YearMonth, Map<RateKey, Long>> lateSecondsByMonth() {
        return lateSeconds;
    }

    public long lateCalls() {
        return lateCalls;
    }

    private static RateKey rateOf(RatedCall call) {
        return new RateKey(call.originCountry(), call.destinationCountry(), call.numberType(),
                call.pricePerMinute().stripTrailingZeros());
    }

    public void add(RatedCall call) {
        calls++;
        if (call.status() == RatedCall.Status.UNRATED) {
            unrated++;
            return;
        }
        if (call.billedSeconds() == 0 || call.pricePerMinute() == null) {
            return;
        }
        seconds.merge(rateOf(call), call.billedSeconds(), Long::sum);
    }

    public Map<RateKey, Long> secondsByRate() {
        return seconds;
    }

    public List<RateKey> rates() {
        return List.copyOf(seconds.keySet());
    }

    public long calls() {
        return calls;
    }

    public long unrated() {
        return unrated;
    }
}
