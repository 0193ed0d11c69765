package com.outboundcalls.aws;

import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.account.ContactFileFormat;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.outboundcalls.aws.Items.num;
import static com.outboundcalls.aws.Items.s;
import static com.outboundcalls.aws.Items.str;

/**
 * Clients and campaigns in the accounts table: {@code CLIENT#id / PROFILE} and
 * {@code CLIENT#id / CAMPAIGN#campaignId}; running campaigns through the CampaignsByStatus index.
 */
public final class DynamoAccountDirectory implements AccountDirectory {

    public static final String PROFILE = "PROFILE";

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoAccountDirectory(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public static String clientPk(String clientId) {
        return "CLIENT#" + clientId;
    }

    @Override
    public Optional<Client> client(String clientId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Items.key(clientPk(clientId), PROFILE))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toClient(item));
    }

    @Override
    public Optional<Campaign> campaign(String clientId, String campaignId) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(Items.key(clientPk(clientId), "CAMPAIGN#" + campaignId))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toCampaign(item));
    }

    /** Every campaign of a client, whatever its status. */
    public List<Campaign> campaignsOf(String clientId) {
        List<Campaign> campaigns = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).keyConditionExpression("pk = :pk AND begins_with(sk, :c)")
                        .expressionAttributeValues(Map.of(":pk", s(clientPk(clientId)), ":c", s("CAMPAIGN#"))))
                .items().forEach(item -> campaigns.add(toCampaign(item)));
        return campaigns;
    }

    @Override
    public List<Campaign> activeCampaigns() {
        List<Campaign> campaigns = new ArrayList<>();
        dynamo.queryPaginator(r -> r.tableName(table).indexName("CampaignsByStatus")
                        .keyConditionExpression("campaignStatus = :s")
                        .expressionAttributeValues(Map.of(":s", s(Campaign.Status.ACTIVE.name()))))
                .items().forEach(item -> campaigns.add(toCampaign(item)));
        return campaigns;
    }

    @Override
    public List<Client> clients() {
        List<Client> clients = new ArrayList<>();
        dynamo.scanPaginator(r -> r.tableName(table).filterExpression("sk = :p")
                        .expressionAttributeValues(Map.of(":p", s(PROFILE))))
                .items().forEach(item -> clients.add(toClient(item)));
        clients.sort(java.util.Comparator.comparing(Client::clientId));
        return clients;
    }

    /** Writes a client profile (used by onboarding and the demo's reference data). */
    public void putClient(Client client) {
        Map<String, AttributeValue> item = profileItem(client);
        item.put("version", Items.n(1));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    /** The attributes of {@code CLIENT#id / PROFILE} the dialing side reads. */
    static Map<String, AttributeValue> profileItem(Client client) {
        Map<String, AttributeValue> item = Items.key(clientPk(client.clientId()), PROFILE);
        item.put("clientId", s(client.clientId()));
        item.put("name", s(client.name()));
        item.put("defaultRegion", s(client.defaultRegion()));
        item.put("maxAttempts", Items.n(client.tariff().maxAttempts()));
        item.put("retryDelaySeconds", Items.n(client.tariff().retryDelay().toSeconds()));
        item.put("accountStatus", s(client.status().name()));
        Items.putIfPresent(item, "priceListId", client.priceListId());
        item.put("premiumRateAllowed", AttributeValue.fromBool(client.premiumRateAllowed()));
        if (!client.ownNumbers().isEmpty()) {
            Map<String, AttributeValue> numbers = new java.util.HashMap<>();
            client.ownNumbers().forEach((e164, own) -> {
                Map<String, AttributeValue> value = new java.util.HashMap<>();
                value.put("verification", s(own.verification().name()));
                Items.putIfPresent(value, "proofReference", own.proofReference());
                numbers.put(e164, AttributeValue.fromM(value));
            });
            item.put("ownNumbers", AttributeValue.fromM(numbers));
        }
        if (client.contactFileFormat() != null) {
            item.put("contactFileFormat", AttributeValue.fromM(formatItem(client.contactFileFormat())));
        }
        if (!client.calleeData().callColumns().isEmpty()) {
            item.put("callColumns", AttributeValue.fromSs(List.copyOf(client.calleeData().callColumns())));
        }
        if (client.calleeData().retentionDays() != null) {
            item.put("calleeDataRetentionDays", Items.n(client.calleeData().retentionDays()));
        }
        return item;
    }

    /** Writes a campaign, refusing one whose calling hours or instructions could not be honoured. */
    public void putCampaign(Campaign campaign) {
        com.outboundcalls.account.CallAttributes.refusal(campaign).ifPresent(why -> {
            throw new IllegalArgumentException(why);
        });
        Map<String, AttributeValue> item = campaignItem(campaign);
        item.put("version", Items.n(1));
        dynamo.putItem(r -> r.tableName(table).item(item));
    }

    /** The campaign's item, {@code CLIENT#id / CAMPAIGN#campaignId}, without its version. */
    static Map<String, AttributeValue> campaignItem(Campaign campaign) {
        Map<String, AttributeValue> item = Items.key(clientPk(campaign.clientId()), "CAMPAIGN#" + campaign.campaignId());
        item.put("clientId", s(campaign.clientId()));
        item.put("campaignId", s(campaign.campaignId()));
        item.put("campaignStatus", s(campaign.status().name()));
        Items.putIfPresent(item, "callerId", campaign.callerId());
        Items.putIfPresent(item, "instructionsRef", campaign.instructionsRef());
        Items.putIfPresent(item, "instructions", campaign.instructions());
        item.put("priority", Items.n(campaign.priority()));
        item.put("purpose", s(campaign.purpose().name()));
        item.put("callerIdSource", s(campaign.callerIdSource().name()));
        item.put("answeringMachineDetection", AttributeValue.fromBool(campaign.answeringMachineDetection()));
        if (campaign.callingHours() != null) {
            com.outboundcalls.account.CallingWindow.parse(campaign.callingHours());
            item.put("callingHours", s(campaign.callingHours()));
        }
        if (campaign.startsOn() != null) {
            item.put("startsOn", s(campaign.startsOn().toString()));
        }
        if (campaign.endsOn() != null) {
            item.put("endsOn", s(campaign.endsOn().toString()));
        }
        if (campaign.withAgents()) {
            item.put("dialingMode", s(campaign.agents().mode().name()));
            item.put("routingQueueId", s(campaign.agents().routingQueueId()));
            item.put("abandonmentTarget", Items.n(campaign.agents().abandonmentTarget()));
        }
        return item;
    }

    static Client toClient(Map<String, AttributeValue> item) {
        return new Client(str(item, "clientId"), str(item, "name"), str(item, "defaultRegion"),
                new Client.Tariff((int) num(item, "maxAttempts", 1),
                        Duration.ofSeconds(num(item, "retryDelaySeconds", 3600))),
                Client.AccountStatus.valueOf(str(item, "accountStatus")), str(item, "priceListId"),
                item.containsKey("premiumRateAllowed") && Boolean.TRUE.equals(item.get("premiumRateAllowed").bool()),
                item.containsKey("contactFileFormat") ? toFormat(item.get("contactFileFormat").m()) : null,
                ownNumbers(item), new com.outboundcalls.account.CalleeDataTerms(
                        item.containsKey("callColumns") ? java.util.Set.copyOf(item.get("callColumns").ss()) : null,
                        item.containsKey("calleeDataRetentionDays")
                                ? (int) num(item, "calleeDataRetentionDays", 0) : null));
    }

    private static Map<String, Client.OwnNumber> ownNumbers(Map<String, AttributeValue> item) {
        Map<String, Client.OwnNumber> numbers = new java.util.HashMap<>();
        AttributeValue all = item.get("ownNumbers");
        if (all != null && all.hasM()) {
            all.m().forEach((e164, value) -> numbers.put(e164, new Client.OwnNumber(
                    Client.Verification.valueOf(str(value.m(), "verification")), str(value.m(), "proofReference"))));
        }
        return numbers;
    }

    static Map<String, AttributeValue> formatItem(ContactFileFormat format) {
        Map<String, AttributeValue> m = new java.util.HashMap<>();
        if (format.delimiter() != null) {
            m.put("delimiter", s(String.valueOf(format.delimiter())));
        }
        Items.putIfPresent(m, "encoding", format.encoding());
        m.put("headerRow", AttributeValue.fromBool(format.headerRow()));
        Items.putIfPresent(m, "phone", format.phone());
        Items.putIfPresent(m, "firstName", format.firstName());
        Items.putIfPresent(m, "lastName", format.lastName());
        Items.putIfPresent(m, "company", format.company());
        Items.putIfPresent(m, "country", format.country());
        Items.putIfPresent(m, "consent", format.consent());
        if (!format.attributes().isEmpty()) {
            m.put("attributes", AttributeValue.fromM(Items.stringMap(format.attributes())));
        }
        return m;
    }

    static ContactFileFormat toFormat(Map<String, AttributeValue> m) {
        String delimiter = str(m, "delimiter");
        return new ContactFileFormat(delimiter == null || delimiter.isEmpty() ? null : delimiter.charAt(0),
                str(m, "encoding"), !m.containsKey("headerRow") || Boolean.TRUE.equals(m.get("headerRow").bool()),
                str(m, "phone"), str(m, "firstName"), str(m, "lastName"), str(m, "company"), str(m, "country"),
                str(m, "consent"), Items.stringMap(m, "attributes"));
    }

    static Campaign toCampaign(Map<String, AttributeValue> item) {
        return new Campaign(str(item, "clientId"), str(item, "campaignId"),
                Campaign.Status.valueOf(str(item, "campaignStatus")), str(item, "callerId"),
                str(item, "instructionsRef"), (int) num(item, "priority", 1),
                item.containsKey("purpose") ? Campaign.Purpose.valueOf(str(item, "purpose")) : null,
                str(item, "callingHours"),
                item.containsKey("callerIdSource") ? Campaign.CallerIdSource.valueOf(str(item, "callerIdSource")) : null,
                str(item, "instructions"), item.containsKey("answeringMachineDetection")
                && Boolean.TRUE.equals(item.get("answeringMachineDetection").bool()),
                item.containsKey("startsOn") ? java.time.LocalDate.parse(str(item, "startsOn")) : null,
                item.containsKey("endsOn") ? java.time.LocalDate.parse(str(item, "endsOn")) : null,
                item.containsKey("dialingMode") ? new com.outboundcalls.account.AgentAssistance(
                        com.outboundcalls.account.AgentAssistance.DialingMode.valueOf(str(item, "dialingMode")),
                        str(item, "routingQueueId"), new java.math.BigDecimal(item.get("abandonmentTarget").n())) : null);
    }
}
