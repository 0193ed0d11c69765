package com.outboundcalls.launcher;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoPriceCatalog;
import com.outboundcalls.rate.PriceCatalog;
import com.outboundcalls.rate.RatedCall;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The demo's reference data: the provider's price list (France, its overseas departments and the European
 * countries clients call), one client with its subscription and tariff, one campaign with its caller ID.
 */
public final class ReferenceData {

    public static final String PRICE_LIST_VERSION = "provider-2026-01";
    public static final Instant PRICES_VALID_FROM = LocalDate.of(2026, 1, 1).atStartOfDay(RatedCall.BILLING_ZONE)
            .toInstant();
    /** A provider number from the 09 48 range ARCEP allows for automated calls. */
    public static final String PROVIDER_CALLER_ID = "+33948123456";
    public static final BigDecimal MONTHLY_FEE = new BigDecimal("49.00");
    public static final int MAX_ATTEMPTS = 3;
    public static final Duration RETRY_DELAY = Duration.ofHours(2);

    private static final List<String> OVERSEAS = List.of("RE", "GP", "MQ", "GF", "YT", "PM", "BL", "MF");
    private static final List<String> EUROPE = List.of("BE", "LU", "DE", "ES", "IT", "CH", "NL", "PT", "GB", "IE",
            "AT", "MC");

    /** Price per minute excluding VAT, from France, by destination group and number type. */
    static Map<String, BigDecimal> frenchRates() {
        return Map.of("FIXED_LINE", new BigDecimal("0.0120"), "MOBILE", new BigDecimal("0.0450"),
                "VOIP", new BigDecimal("0.0120"), "FIXED_LINE_OR_MOBILE", new BigDecimal("0.0450"),
                "TOLL_FREE", new BigDecimal("0.0000"), "SHARED_COST", new BigDecimal("0.0500"),
                "UAN", new BigDecimal("0.0300"));
    }

    public static void loadPriceList(DynamoDbClient dynamo, String table) {
        DynamoPriceCatalog prices = new DynamoPriceCatalog(dynamo, table);
        frenchRates().forEach((type, price) -> prices.putRow(PriceCatalog.DEFAULT_LIST, PRICE_LIST_VERSION, "FR",
                "FR", type, price, PRICES_VALID_FROM));
        Map<String, BigDecimal> overseasRates = Map.of("FIXED_LINE", new BigDecimal("0.0500"),
                "MOBILE", new BigDecimal("0.1200"), "FIXED_LINE_OR_MOBILE", new BigDecimal("0.1200"));
        Map<String, BigDecimal> europeanRates = Map.of("FIXED_LINE", new BigDecimal("0.0300"),
                "MOBILE", new BigDecimal("0.0900"), "FIXED_LINE_OR_MOBILE", new BigDecimal("0.0900"));
        OVERSEAS.forEach(country -> overseasRates.forEach((type, price) -> prices.putRow(PriceCatalog.DEFAULT_LIST,
                PRICE_LIST_VERSION, "FR", country, type, price, PRICES_VALID_FROM)));
        EUROPE.forEach(country -> europeanRates.forEach((type, price) -> prices.putRow(PriceCatalog.DEFAULT_LIST,
                PRICE_LIST_VERSION, "FR", country, type, price, PRICES_VALID_FROM)));
    }

    public static Client demoClient(String clientId) {
        return new Client(clientId, "Cabinet Démo SARL", "FR", MONTHLY_FEE,
                new Client.Tariff(MAX_ATTEMPTS, RETRY_DELAY), Client.AccountStatus.ACTIVE, null);
    }

    public static Campaign demoCampaign(String clientId, String campaignId) {
        return new Campaign(clientId, campaignId, Campaign.Status.ACTIVE, PROVIDER_CALLER_ID,
                "script-relance-v1", 1);
    }

    public static void loadClient(DynamoDbClient dynamo, String accountsTable, Client client, Campaign campaign) {
        DynamoAccountDirectory accounts = new DynamoAccountDirectory(dynamo, accountsTable);
        accounts.putClient(client);
        accounts.putCampaign(campaign);
    }
}
