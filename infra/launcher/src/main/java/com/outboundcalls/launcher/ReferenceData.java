package com.outboundcalls.launcher;

import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoBillingDirectory;
import com.outboundcalls.invoice.BillingAccount;
import com.outboundcalls.invoice.LegalEntity;
import com.outboundcalls.invoice.Provider;
import com.outboundcalls.rate.PriceCatalog;
import com.outboundcalls.rate.PriceListFile;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The demo's reference data: the provider's price list (France, its overseas departments and the European
 * countries clients call), one client with its subscription and tariff, one campaign with its caller ID.
 */
public final class ReferenceData {

    public static final String PRICE_LIST_VERSION = "provider-v1";
    /** Valid from 1 January 2020 (00:00 Paris), so that any simulated month finds its prices. */
    public static final LocalDate PRICES_VALID_FROM = LocalDate.of(2020, 1, 1);
    /** A provider number from the 09 48 range ARCEP allows for automated calls. */
    public static final String PROVIDER_CALLER_ID = "+33948123456";
    /** The demo client's plan, rented numbers, users and licences: 49.00 + 2 x 5.00 + 3 x 12.50 + 39.90 a month. */
    public static final BillingAccount.Plan PLAN = new BillingAccount.Plan("Essentiel", new BigDecimal("49.00"));
    public static final BillingAccount.Units NUMBERS = new BillingAccount.Units(2, new BigDecimal("5.00"));
    public static final BillingAccount.Units USERS = new BillingAccount.Units(3, new BigDecimal("12.50"));
    public static final BillingAccount.Units LICENCES = new BillingAccount.Units(1, new BigDecimal("39.90"));
    /** The provider invoicing its clients (a fictitious company with a valid SIREN). */
    public static final Provider PROVIDER = new Provider(new LegalEntity("Appels Sortants SAS", "10 rue de la Paix",
            "75002", "Paris", "FR", "732829320", LegalEntity.frenchVatNumber("732829320")),
            "SAS au capital de 50 000 EUR", "RCS Paris 732 829 320", "FR7630006000011234567890189", "AGRIFRPP",
            "facturation@appels-sortants.example");
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

    /** Where the provider's price list is published: the price-list import function picks it up from there. */
    public static final String PRICE_LIST_KEY = "config/price-lists/" + PriceCatalog.DEFAULT_LIST + "/"
            + PRICE_LIST_VERSION + ".csv";

    /** The provider's price list as the CSV file operators publish. */
    public static byte[] priceListCsv() {
        StringBuilder csv = new StringBuilder(PriceListFile.HEADER).append('\n');
        String from = PRICES_VALID_FROM.toString();
        frenchRates().forEach((type, price) -> row(csv, "FR", type, price, from));
        Map<String, BigDecimal> overseasRates = Map.of("FIXED_LINE", new BigDecimal("0.0500"),
                "MOBILE", new BigDecimal("0.1200"), "FIXED_LINE_OR_MOBILE", new BigDecimal("0.1200"));
        Map<String, BigDecimal> europeanRates = Map.of("FIXED_LINE", new BigDecimal("0.0300"),
                "MOBILE", new BigDecimal("0.0900"), "FIXED_LINE_OR_MOBILE", new BigDecimal("0.0900"));
        OVERSEAS.forEach(country -> overseasRates.forEach((type, price) -> row(csv, country, type, price, from)));
        EUROPE.forEach(country -> europeanRates.forEach((type, price) -> row(csv, country, type, price, from)));
        return csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder csv, String destination, String type, BigDecimal price, String from) {
        csv.append("FR,").append(destination).append(',').append(type).append(',').append(price.toPlainString())
                .append(',').append(from).append('\n');
    }

    public static Client demoClient(String clientId) {
        return new Client(clientId, "Cabinet Démo SARL", "FR",
                new Client.Tariff(MAX_ATTEMPTS, RETRY_DELAY), Client.AccountStatus.ACTIVE, null);
    }

    public static Campaign demoCampaign(String clientId, String campaignId) {
        return new Campaign(clientId, campaignId, Campaign.Status.ACTIVE, PROVIDER_CALLER_ID,
                "script-relance-v1", 1).withAnsweringMachineDetection(true);
    }

    /** The demo client's billing account, subscribed from the given day, with its legal identity. */
    public static BillingAccount demoBillingAccount(String clientId, LocalDate subscribedOn) {
        return new BillingAccount(clientId, PLAN, NUMBERS, USERS, LICENCES, subscribedOn, null,
                new LegalEntity("Cabinet Démo SARL", "1 place Bellecour", "69002", "Lyon", "FR", "542107651",
                        LegalEntity.frenchVatNumber("542107651")), BillingAccount.DEFAULT_PAYMENT_TERM_DAYS);
    }

    /** Writes the client, its campaign, its billing account and the provider's identity. */
    public static void loadClient(DynamoDbClient dynamo, String accountsTable, Client client, Campaign campaign,
                                  LocalDate subscribedOn) {
        DynamoAccountDirectory accounts = new DynamoAccountDirectory(dynamo, accountsTable);
        accounts.putClient(client);
        accounts.putCampaign(campaign);
        DynamoBillingDirectory billing = new DynamoBillingDirectory(dynamo, accountsTable);
        billing.putProvider(PROVIDER);
        billing.putAccount(demoBillingAccount(client.clientId(), subscribedOn));
    }
}
