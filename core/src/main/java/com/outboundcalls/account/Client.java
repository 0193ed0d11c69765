package com.outboundcalls.account;

import java.time.Duration;
import java.util.Map;

/**
 * A business client of the provider as the dialing side sees it: how its contacts are read and tried.
 * What it pays is its {@link com.outboundcalls.account.BillingAccount}.
 *
 * @param defaultRegion ISO region used to read national numbers in its files (FR, BE, ...)
 * @param tariff        attempts per contact and delay between attempts
 * @param priceListId   negotiated price list consulted before the provider's default list, or null
 * @param premiumRateAllowed whether the contract lets the client's campaigns call premium-rate numbers
 * @param contactFileFormat  the layout agreed for the client's contact files, or null to read them leniently
 * @param ownNumbers         the client's own numbers its campaigns may present once verified, by E.164
 * @param calleeData         which columns of a lenient file travel with calls, and how long callee data is kept
 */
public record Client(String clientId, String name, String defaultRegion,
                     Tariff tariff, AccountStatus status, String priceListId, boolean premiumRateAllowed,
                     ContactFileFormat contactFileFormat, Map<String, OwnNumber> ownNumbers,
                     CalleeDataTerms calleeData) {

    /** Where the right to present one of the client's own numbers stands (checked since 2026). */
    public enum Verification { PENDING, VERIFIED, REJECTED, REVOKED }

    /** One of the client's own numbers: its verification and the proof it rests on (e.g. an operator's letter). */
    public record OwnNumber(Verification verification, String proofReference) {
    }

    public Client {
        ownNumbers = ownNumbers == null ? Map.of() : Map.copyOf(ownNumbers);
        calleeData = calleeData == null ? CalleeDataTerms.STANDARD : calleeData;
    }

    /** A client on the standard terms for its callees' data. */
    public Client(String clientId, String name, String defaultRegion, Tariff tariff, AccountStatus status,
                  String priceListId, boolean premiumRateAllowed, ContactFileFormat contactFileFormat,
                  Map<String, OwnNumber> ownNumbers) {
        this(clientId, name, defaultRegion, tariff, status, priceListId, premiumRateAllowed, contactFileFormat,
                ownNumbers, CalleeDataTerms.STANDARD);
    }

    /** A client on the standard contract: no premium-rate numbers, contact files read leniently. */
    public Client(String clientId, String name, String defaultRegion, Tariff tariff,
                  AccountStatus status, String priceListId) {
        this(clientId, name, defaultRegion, tariff, status, priceListId, false, null, null);
    }

    public Client withContactFileFormat(ContactFileFormat format) {
        return new Client(clientId, name, defaultRegion, tariff, status, priceListId, premiumRateAllowed,
                format, ownNumbers, calleeData);
    }

    public Client withPremiumRateAllowed(boolean allowed) {
        return new Client(clientId, name, defaultRegion, tariff, status, priceListId, allowed,
                contactFileFormat, ownNumbers, calleeData);
    }

    /** The same client with one of its own numbers at the given verification. */
    public Client withOwnNumber(String e164, Verification verification, String proofReference) {
        Map<String, OwnNumber> numbers = new java.util.HashMap<>(ownNumbers);
        numbers.put(e164, new OwnNumber(verification, proofReference));
        return new Client(clientId, name, defaultRegion, tariff, status, priceListId, premiumRateAllowed,
                contactFileFormat, numbers, calleeData);
    }

    public Client withCalleeData(CalleeDataTerms terms) {
        return new Client(clientId, name, defaultRegion, tariff, status, priceListId, premiumRateAllowed,
                contactFileFormat, ownNumbers, terms);
    }

    public enum AccountStatus { ACTIVE, SUSPENDED, TERMINATED }

    /** Number of attempts per contact and the delay before the next one. */
    public record Tariff(int maxAttempts, Duration retryDelay) {
        public Tariff {
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("a tariff allows at least one attempt");
            }
            if (retryDelay.isNegative()) {
                throw new IllegalArgumentException("retry delay cannot be negative");
            }
        }
    }

    public boolean mayPlaceCalls() {
        return status == AccountStatus.ACTIVE;
    }
}
