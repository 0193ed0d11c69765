package com.outboundcalls.invoice;

import com.outboundcalls.rate.RatedCall;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Billed seconds summed per (origin, destination, number type, price per minute): invoices sum seconds. */
public final class UsageTotals {

    /** A rate an invoice line is made of. */
    public record RateKey(String originCountry, String destinationCountry, String numberType,
                          BigDecimal pricePerMinute) {
    }

    private static final Comparator<RateKey> ORDER = Comparator.comparing(RateKey::originCountry)
            .thenComparing(RateKey::destinationCountry).thenComparing(RateKey::numberType)
            .thenComparing(RateKey::pricePerMinute);

    private final Map<RateKey, Long> seconds = new TreeMap<>(ORDER);
    private long calls;
    private long unrated;

    public void add(RatedCall call) {
        calls++;
        if (call.status() == RatedCall.Status.UNRATED) {
            unrated++;
            return;
        }
        if (call.billedSeconds() == 0 || call.pricePerMinute() == null) {
            return;
        }
        RateKey key = new RateKey(call.originCountry(), call.destinationCountry(), call.numberType(),
                call.pricePerMinute().stripTrailingZeros());
        seconds.merge(key, call.billedSeconds(), Long::sum);
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
