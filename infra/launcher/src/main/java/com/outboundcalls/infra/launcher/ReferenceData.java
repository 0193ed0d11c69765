package com.outboundcalls.infra.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.AgentAssistance;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.aws.DynamoBillingDirectory;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.infra.localcloud.SimulatedAgents;
import com.outboundcalls.infra.ops.AccountsApiClient;
import com.outboundcalls.invoice.Provider;
import com.outboundcalls.rate.PriceCatalog;
import com.outboundcalls.rate.PriceListFile;

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
            "facturation@appels-sortants.example", true);
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

    /** The routing queue of the demo's agents, and how many are logged in (weekdays, 09:00 to 20:00 in Paris). */
    public static final String DEMO_QUEUE = "demo-agents";
    public static final int DEMO_AGENTS = 4;
    /** The concurrent calls the demo's instance allows: enough for its agents to be paced ahead. */
    public static final int DEMO_CONCURRENT_CALLS = 20;

    /** The demo's campaign: predictive, to the provider's agents, answering machines told apart. */
    public static Campaign demoCampaign(String clientId, String campaignId) {
        return new Campaign(clientId, campaignId, Campaign.Status.ACTIVE, PROVIDER_CALLER_ID,
                "script-relance-v1", 1).withAnsweringMachineDetection(true).withAgents(new AgentAssistance(
                AgentAssistance.DialingMode.PREDICTIVE, DEMO_QUEUE, null));
    }

    /** The demo client's billing account, subscribed from the given day, with its legal identity. */
    public static BillingAccount demoBillingAccount(String clientId, LocalDate subscribedOn) {
        return new BillingAccount(clientId, PLAN, NUMBERS, USERS, LICENCES, subscribedOn, null,
                new LegalEntity("Cabinet Démo SARL", "1 place Bellecour", "69002", "Lyon", "FR", "542107651",
                        LegalEntity.frenchVatNumber("542107651")), BillingAccount.DEFAULT_PAYMENT_TERM_DAYS);
    }

    /** The role the demo's operator acts as, allowed the operators' routes of the accounts API. */
    public static final String OPERATOR_ROLE = "arn:aws:iam::000000000000:role/demo-operator";

    /**
     * Sets the demo up as an operator would: the provider's identity (reference data), then through the accounts
     * API with an operator's signed requests, the client onboarded with its subscription, the provider's number
     * assigned, the campaign created and started.
     */
    public static void onboard(LocalCloud cloud, Client client, Campaign campaign, LocalDate subscribedOn) {
        onboard(cloud, client, campaign, subscribedOn, true);
    }

    /** As above; the campaign is left a draft unless {@code start}, for the client to start it in its space. */
    public static void onboard(LocalCloud cloud, Client client, Campaign campaign, LocalDate subscribedOn,
                               boolean start) {
        new DynamoBillingDirectory(cloud.dynamoDb(), cloud.physicalName("AccountsTable")).putProvider(PROVIDER);
        if (campaign.withAgents() && campaign.agents().routingQueueId().equals(DEMO_QUEUE)) {
            // The provider's agents, logged in on weekdays from 09:00 to 20:00, take the campaign's answered calls.
            cloud.connect().staff(SimulatedAgents.Team.of(DEMO_QUEUE, DEMO_AGENTS)
                    .during(SimulatedAgents.Shift.weekdays(java.time.LocalTime.of(9, 0), java.time.LocalTime.of(20, 0))));
        }
        var keys = cloud.identity(OPERATOR_ROLE, "OperatorAccessPolicy");
        AccountsApiClient api = new AccountsApiClient(cloud.httpApiEndpoint("AccountsApi"), LocalCloud.REGION,
                () -> keys);
        BillingAccount billing = demoBillingAccount(client.clientId(), subscribedOn);
        JsonNode profile = onboardClient(api, client, billing.identity(), subscribedOn, "compta@cabinet-demo.example");
        String base = "/operator/clients/" + client.clientId();
        accepted(api.post(base + "/provider-numbers", JSON.createObjectNode().put("version", profile.path("version")
                .asLong()).put("number", campaign.callerId()).toString()));
        ObjectNode draft = JSON.createObjectNode().put("campaignId", campaign.campaignId())
                .put("purpose", campaign.purpose().name()).put("callerId", campaign.callerId())
                .put("callerIdSource", campaign.callerIdSource().name())
                .put("instructionsRef", campaign.instructionsRef()).put("priority", campaign.priority())
                .put("answeringMachineDetection", campaign.answeringMachineDetection());
        if (campaign.withAgents()) {
            // The operator routes the campaign to the provider's agents (a client may not).
            draft.putObject("agents").put("dialingMode", campaign.agents().mode().name())
                    .put("routingQueueId", campaign.agents().routingQueueId())
                    .put("abandonmentTargetPercent", campaign.agents().abandonmentTarget().movePointRight(2)
                            .toPlainString());
        }
        accepted(api.post(base + "/campaigns", draft.toString()));
        if (start) {
            accepted(api.post(base + "/campaigns/" + campaign.campaignId() + "/start", "{}"));
        }
    }

    /** The demo's other clients, invoiced their fixed part: a company in Belgium and one in Réunion. */
    public static final List<Client> OTHER_CLIENTS = List.of(
            new Client("bruxelles-appels", "Bruxelles Appels SA", "FR", new Client.Tariff(MAX_ATTEMPTS, RETRY_DELAY),
                    Client.AccountStatus.ACTIVE, null),
            new Client("ocean-indien", "Océan Indien Relation SARL", "RE", new Client.Tariff(MAX_ATTEMPTS, RETRY_DELAY),
                    Client.AccountStatus.ACTIVE, null));

    /** The legal identity of one of {@link #OTHER_CLIENTS}. */
    public static LegalEntity otherClientIdentity(String clientId) {
        return switch (clientId) {
            case "bruxelles-appels" -> new LegalEntity("Bruxelles Appels SA", "Rue Royale 12", "1000", "Bruxelles", "BE",
                    null, "BE0403170701");
            case "ocean-indien" -> new LegalEntity("Océan Indien Relation SARL", "5 rue de Paris", "97400",
                    "Saint-Denis", "FR", "443061841", LegalEntity.frenchVatNumber("443061841"));
            default -> throw new IllegalArgumentException("not one of the demo's other clients: " + clientId);
        };
    }

    /** A client onboarded for its subscription only, through the accounts API as an operator. */
    public static void onboardSubscriber(LocalCloud cloud, Client client, LegalEntity identity, LocalDate subscribedOn) {
        var keys = cloud.identity(OPERATOR_ROLE, "OperatorAccessPolicy");
        AccountsApiClient api = new AccountsApiClient(cloud.httpApiEndpoint("AccountsApi"), LocalCloud.REGION,
                () -> keys);
        onboardClient(api, client, identity, subscribedOn, "compta@" + client.clientId() + ".example");
    }

    private static JsonNode onboardClient(AccountsApiClient api, Client client, LegalEntity id, LocalDate subscribedOn,
                                          String billingEmail) {
        ObjectNode onboarding = JSON.createObjectNode().put("clientId", client.clientId()).put("name", client.name())
                .put("defaultRegion", client.defaultRegion()).put("billingEmail", billingEmail);
        onboarding.putObject("identity").put("name", id.name()).put("street", id.street()).put("postcode", id.postcode())
                .put("city", id.city()).put("country", id.countryCode()).put("siren", id.siren())
                .put("vatNumber", id.vatNumber());
        ObjectNode subscription = onboarding.putObject("subscription").put("startsOn", subscribedOn.toString());
        subscription.putObject("plan").put("name", PLAN.name()).put("monthlyPrice", PLAN.monthlyPrice().toPlainString());
        units(subscription, "numbers", NUMBERS);
        units(subscription, "users", USERS);
        units(subscription, "licences", LICENCES);
        onboarding.putObject("tariff").put("maxAttempts", client.tariff().maxAttempts())
                .put("retryDelayMinutes", client.tariff().retryDelay().toMinutes());
        return accepted(api.post("/operator/clients", onboarding.toString()));
    }

    /** A person of the client's firm invited to its space, as an operator invites a client's first administrator. */
    public static void invite(LocalCloud cloud, String clientId, String email, String role) {
        var keys = cloud.identity(OPERATOR_ROLE, "OperatorAccessPolicy");
        AccountsApiClient api = new AccountsApiClient(cloud.httpApiEndpoint("AccountsApi"), LocalCloud.REGION,
                () -> keys);
        accepted(api.post("/operator/clients/" + clientId + "/users", JSON.createObjectNode().put("email", email)
                .put("role", role).toString()));
    }

    /**
     * A contact file uploaded as the client space uploads one: an upload link granted through the accounts API
     * (here with an operator's signed request), then the file PUT to it. The object's key, which the server chose.
     */
    public static String upload(LocalCloud cloud, String clientId, String campaignId, String fileName, byte[] content) {
        var keys = cloud.identity(OPERATOR_ROLE, "OperatorAccessPolicy");
        AccountsApiClient api = new AccountsApiClient(cloud.httpApiEndpoint("AccountsApi"), LocalCloud.REGION,
                () -> keys);
        return putThroughLink(accepted(api.post("/operator/clients/" + clientId + "/campaigns/" + campaignId
                + "/uploads", JSON.createObjectNode().put("fileName", fileName).put("size", content.length).toString())),
                content);
    }

    /** PUTs a file to the upload link the accounts API answered with; the object's key. */
    public static String putThroughLink(JsonNode link, byte[] content) {
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create(link.path("url").asText()))
                    .PUT(java.net.http.HttpRequest.BodyPublishers.ofByteArray(content)).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("the upload link refused the file (" + response.statusCode() + "): "
                        + response.body());
            }
            return link.path("key").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void units(ObjectNode subscription, String name, BillingAccount.Units units) {
        subscription.putObject(name).put("quantity", units.quantity()).put("unitPrice", units.unitPrice().toPlainString());
    }

    private static JsonNode accepted(AccountsApiClient.Response response) {
        if (!response.ok()) {
            throw new IllegalStateException("the accounts API refused the demo's set-up (" + response.status() + "): "
                    + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
}
