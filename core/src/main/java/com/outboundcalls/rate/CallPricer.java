package com.outboundcalls.rate;

import com.outboundcalls.dial.CallRecord;
import com.outboundcalls.money.Money;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * The rating core, pure: a call placed and its disconnection give one rated call. Billed seconds are every
 * started second from answer to disconnection; the price is the one valid when the callee answered, from the
 * client's negotiated list where it has a row, else the provider's; an answered call without a price is
 * UNRATED with its reason, never free.
 */
public final class CallPricer {

    private final PriceCatalog prices;

    public CallPricer(PriceCatalog prices) {
        this.prices = prices;
    }

    /** An UNRATED call priced again, if a price now covers it at the instant its callee answered. */
    public Optional<RatedCall> reprice(RatedCall unrated, String clientPriceListId) {
        Instant at = unrated.answeredAt() != null ? unrated.answeredAt() : unrated.initiatedAt();
        return prices.priceFor(clientPriceListId, unrated.originCountry(), unrated.destinationCountry(),
                unrated.numberType(), at).map(p -> new RatedCall(unrated.connectContactId(), unrated.clientId(),
                unrated.campaignId(), unrated.contactId(), unrated.attempt(), unrated.originCountry(),
                unrated.destinationCountry(), unrated.numberType(), unrated.initiatedAt(), unrated.answeredAt(),
                unrated.disconnectedAt(), unrated.billedSeconds(), p.pricePerMinute(),
                Money.ratedCallAmount(unrated.billedSeconds(), p.pricePerMinute()), p.priceListVersion(),
                RatedCall.Status.RATED, null));
    }

    public RatedCall price(CallRecord call, String clientPriceListId, ContactEvent event) {
        Instant answered = event.connectedToSystemTimestamp();
        long seconds = BilledSeconds.between(answered, event.disconnectTimestamp());
        Instant priceInstant = answered != null ? answered
                : event.initiationTimestamp() != null ? event.initiationTimestamp() : event.disconnectTimestamp();
        Optional<Price> price = prices.priceFor(clientPriceListId, call.originCountry(), call.destinationCountry(),
                call.numberType(), priceInstant);
        if (price.isEmpty() && seconds > 0) {
            return new RatedCall(event.contactId(), call.clientId(), call.campaignId(), call.contactId(),
                    call.attempt(), call.originCountry(), call.destinationCountry(), call.numberType(),
                    event.initiationTimestamp(), answered, event.disconnectTimestamp(), seconds, null, null, null,
                    RatedCall.Status.UNRATED, "no price for " + call.originCountry() + " to "
                    + call.destinationCountry() + " " + call.numberType());
        }
        BigDecimal perMinute = price.map(Price::pricePerMinute).orElse(null);
        BigDecimal amount = Money.ratedCallAmount(seconds, perMinute == null ? BigDecimal.ZERO : perMinute);
        return new RatedCall(event.contactId(), call.clientId(), call.campaignId(), call.contactId(), call.attempt(),
                call.originCountry(), call.destinationCountry(), call.numberType(), event.initiationTimestamp(),
                answered, event.disconnectTimestamp(), seconds, perMinute, amount,
                price.map(Price::priceListVersion).orElse(null), RatedCall.Status.RATED, null);
    }
}
