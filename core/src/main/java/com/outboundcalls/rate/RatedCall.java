package com.outboundcalls.rate;

import com.outboundcalls.time.Zones;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * One completed call as billed, kept ten years as evidence. Unanswered calls are recorded with 0 seconds.
 * A call with no price is UNRATED with its reason: never silently free.
 *
 * @param recordedAt when the store recorded its rating (saved, or rated once a price came), which decides the
 *                   invoice that bills it; null until stored, and on calls stored before it was kept
 */
public record RatedCall(String connectContactId, String clientId, String campaignId, String contactId,
                        int attempt, String originCountry, String destinationCountry, String numberType,
                        Instant initiatedAt, Instant answeredAt, Instant disconnectedAt, long billedSeconds,
                        BigDecimal pricePerMinute, BigDecimal amount, String priceListVersion, Status status,
                        String unratedReason, Instant recordedAt) {

    public enum Status { RATED, UNRATED }

    /** A call not stored yet. */
    public RatedCall(String connectContactId, String clientId, String campaignId, String contactId, int attempt,
                     String originCountry, String destinationCountry, String numberType, Instant initiatedAt,
                     Instant answeredAt, Instant disconnectedAt, long billedSeconds, BigDecimal pricePerMinute,
                     BigDecimal amount, String priceListVersion, Status status, String unratedReason) {
        this(connectContactId, clientId, campaignId, contactId, attempt, originCountry, destinationCountry,
                numberType, initiatedAt, answeredAt, disconnectedAt, billedSeconds, pricePerMinute, amount,
                priceListVersion, status, unratedReason, null);
    }

    /** The call as its store records it at this instant. */
    public RatedCall recordedAt(Instant at) {
        return new RatedCall(connectContactId, clientId, campaignId, contactId, attempt, originCountry,
                destinationCountry, numberType, initiatedAt, answeredAt, disconnectedAt, billedSeconds, pricePerMinute,
                amount, priceListVersion, status, unratedReason, at);
    }

    /** The billing month: when the callee answered (or the call started), in Paris time. */
    public YearMonth billingMonth() {
        Instant reference = answeredAt != null ? answeredAt : (initiatedAt != null ? initiatedAt : disconnectedAt);
        return YearMonth.from(reference.atZone(Zones.BILLING));
    }

    /** Kept until the end of the tenth year after the call's year (Code de commerce L123-22). */
    public Instant retainUntil() {
        int year = billingMonth().getYear();
        return java.time.LocalDate.of(year + 11, 1, 1).atStartOfDay(Zones.BILLING).toInstant();
    }
}
