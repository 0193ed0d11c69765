package com.outboundcalls.rate;

import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.Client;
import com.outboundcalls.contact.ContactBook;
import com.outboundcalls.contact.ContactStatus;
import com.outboundcalls.dial.CallLines;
import com.outboundcalls.dial.CallLog;
import com.outboundcalls.dial.CallRecord;
import com.outboundcalls.money.Money;

import java.time.Instant;
import java.util.Optional;

/**
 * Rates a call when Connect says it is disconnected, and settles its contact: reached, tried again after
 * the tariff's delay, or not reached once the tariff's attempts are spent. Each step is idempotent, so a
 * duplicated or replayed event yields exactly one rated call and one settlement.
 */
public final class CallRating {

    public enum Outcome { IGNORED, RATED, UNRATED }

    /** The event names a call this system has no record of yet: retry later. */
    public static final class UnknownCallException extends RuntimeException {
        public UnknownCallException(String message) {
            super(message);
        }
    }

    private final AccountDirectory accounts;
    private final CallLog callLog;
    private final PriceCatalog prices;
    private final RatedCallStore ratedCalls;
    private final ContactBook contacts;
    private final CallLines lines;

    public CallRating(AccountDirectory accounts, CallLog callLog, PriceCatalog prices, RatedCallStore ratedCalls,
                      ContactBook contacts, CallLines lines) {
        this.accounts = accounts;
        this.callLog = callLog;
        this.prices = prices;
        this.ratedCalls = ratedCalls;
        this.contacts = contacts;
        this.lines = lines;
    }

    public Outcome handle(ContactEvent event) {
        if (!event.isDisconnected()) {
            return Outcome.IGNORED;
        }
        CallRecord call = callLog.find(event.contactId())
                .orElseThrow(() -> new UnknownCallException("no call recorded for this Connect contact yet"));
        Client client = accounts.client(call.clientId())
                .orElseThrow(() -> new IllegalStateException("call of an unknown client " + call.clientId()));

        RatedCall rated = rate(call, client, event);
        ratedCalls.saveIfAbsent(rated);
        settleContact(call, client, event);
        lines.release(call.clientToken());
        return rated.status() == RatedCall.Status.RATED ? Outcome.RATED : Outcome.UNRATED;
    }

    RatedCall rate(CallRecord call, Client client, ContactEvent event) {
        Instant answered = event.connectedToSystemTimestamp();
        long seconds = BilledSeconds.between(answered, event.disconnectTimestamp());
        Instant priceInstant = answered != null ? answered : event.initiationTimestamp();
        if (priceInstant == null) {
            priceInstant = event.disconnectTimestamp();
        }
        Optional<Price> price = prices.priceFor(client.priceListId(), call.originCountry(), call.destinationCountry(),
                call.numberType(), priceInstant);
        if (price.isEmpty() && seconds > 0) {
            return new RatedCall(event.contactId(), call.clientId(), call.campaignId(), call.contactId(),
                    call.attempt(), call.originCountry(), call.destinationCountry(), call.numberType(),
                    event.initiationTimestamp(), answered, event.disconnectTimestamp(), seconds, null, null, null,
                    RatedCall.Status.UNRATED, "no price for " + call.originCountry() + " to "
                    + call.destinationCountry() + " " + call.numberType());
        }
        return new RatedCall(event.contactId(), call.clientId(), call.campaignId(), call.contactId(), call.attempt(),
                call.originCountry(), call.destinationCountry(), call.numberType(), event.initiationTimestamp(),
                answered, event.disconnectTimestamp(), seconds,
                price.map(Price::pricePerMinute).orElse(null),
                price.map(p -> Money.ratedCallAmount(seconds, p.pricePerMinute()))
                        .orElse(Money.ratedCallAmount(0, java.math.BigDecimal.ZERO)),
                price.map(Price::priceListVersion).orElse(null), RatedCall.Status.RATED, null);
    }

    private void settleContact(CallRecord call, Client client, ContactEvent event) {
        Instant at = event.disconnectTimestamp() != null ? event.disconnectTimestamp() : event.eventTime();
        if (event.wasAnswered() && !event.reachedVoicemail()) {
            contacts.settle(call.campaignKey(), call.contactId(), event.contactId(), ContactStatus.REACHED, null,
                    "ANSWERED", at);
            return;
        }
        String outcome = event.reachedVoicemail() ? "VOICEMAIL"
                : (event.disconnectReason() == null ? "NO_ANSWER" : event.disconnectReason());
        if (call.attempt() >= client.tariff().maxAttempts()) {
            contacts.settle(call.campaignKey(), call.contactId(), event.contactId(), ContactStatus.NOT_REACHED, null,
                    outcome, at);
        } else {
            contacts.settle(call.campaignKey(), call.contactId(), event.contactId(), ContactStatus.CALLABLE,
                    at.plus(client.tariff().retryDelay()), outcome, at);
        }
    }
}
