package com.outboundcalls.functions.invoicing;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.outboundcalls.account.Client;
import com.outboundcalls.aws.DynamoAccountDirectory;
import com.outboundcalls.aws.DynamoBillingDirectory;
import com.outboundcalls.infra.localcloud.LocalClock;
import com.outboundcalls.infra.localcloud.LocalCloud;
import com.outboundcalls.infra.localcloud.SesSimulator;
import com.outboundcalls.lambda.EventFixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mails of a client's invoices through the local cloud's SES stand-in, each sent once whatever the re-runs: the
 * warning of an unpaid invoice before its account is suspended (dunning, every morning), and a dispute acknowledged
 * (finance records it, or a retried request finds it recorded); and a mail whose sending failed, sent by its retry.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class InvoiceMailsLocalCloudTest {

    private static final Instant ISSUE_RUN = Instant.parse("2026-11-01T05:00:00Z");
    private static final String BILLING = "compta@acme.example";
    private static final String GLOBEX_BILLING = "compta@globex.example";

    private static LocalCloud cloud;

    @BeforeAll
    static void start() {
        cloud = LocalCloud.builder().clock(LocalClock.simulated(ISSUE_RUN)).start();
        String accountsTable = cloud.physicalName("AccountsTable");
        DynamoBillingDirectory billing = new DynamoBillingDirectory(cloud.dynamoDb(), accountsTable);
        billing.putProvider(FacturXTest.PROVIDER);
        for (String[] client : new String[][]{{"acme", BILLING}, {"globex", GLOBEX_BILLING}}) {
            new DynamoAccountDirectory(cloud.dynamoDb(), accountsTable).putClient(new Client(client[0],
                    client[0].toUpperCase(), "FR", new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE,
                    null));
            cloud.dynamoDb().updateItem(r -> r.tableName(accountsTable)
                    .key(Map.of("pk", AttributeValue.fromS("CLIENT#" + client[0]), "sk", AttributeValue.fromS("PROFILE")))
                    .updateExpression("SET billingEmail = :e")
                    .expressionAttributeValues(Map.of(":e", AttributeValue.fromS(client[1]))));
            billing.putAccount(InvoiceGeneratorLocalCloudTest.account(client[0], "49.00", LocalDate.of(2025, 1, 1)));
        }
        cloud.function("InvoiceGeneratorFunction").invoke(EventFixtures.json("scheduled-first-of-month.json",
                "scheduledTime", ISSUE_RUN.toString()));
        cloud.drain();
    }

    @AfterAll
    static void stop() {
        cloud.close();
    }

    /**
     * The number of the invoice mailed to this address: the run's accounts are invoiced at once, so which client's
     * invoice is numbered first is not known beforehand.
     */
    private static String invoiceMailedTo(String address) {
        List<SesSimulator.SentMail> issued = mailsTo(address, "La facture ");
        assertEquals(1, issued.size(), "the invoice issued was mailed");
        return issued.get(0).subject().split(" ")[2];
    }

    private static List<SesSimulator.SentMail> mailsTo(String address, String subjectStart) {
        return cloud.ses().sent().stream().filter(m -> m.to().contains(address) && m.subject().startsWith(subjectStart))
                .toList();
    }

    @Test
    @Order(2)
    void anUnpaidInvoiceWarnsItsClientOnceBeforeTheSuspensionDay() {
        String number = invoiceMailedTo(BILLING);
        for (String morning : List.of("2026-12-02T06:00:00Z", "2026-12-03T06:00:00Z", "2026-12-03T06:00:00Z")) {
            cloud.clock().advanceTo(Instant.parse(morning));
            cloud.function("DunningFunction").invoke(EventFixtures.json("scheduled-every-morning.json",
                    "scheduledTime", morning));
        }
        List<SesSimulator.SentMail> warnings = mailsTo(BILLING, "Facture " + number + " impayée");
        assertEquals(1, warnings.size(), "one warning, whatever the mornings");
        assertEquals("Facture " + number + " impayée — suspension le 17 décembre 2026", warnings.get(0).subject());
        assertTrue(warnings.get(0).text().contains("reste due : 58.80 EUR TTC"), warnings.get(0).text());
    }

    @Test
    @Order(1) // within the 30 days a dispute may be filed in; the clock only goes forward
    void aDisputeIsAcknowledgedToItsClientOnceEvenWhenTheRequestIsRetried() {
        String number = invoiceMailedTo(GLOBEX_BILLING);
        String request = EventFixtures.json("finance-dispute.json", "number", number, "reason",
                "minutes non reconnues");
        APIGatewayV2HTTPResponse first = (APIGatewayV2HTTPResponse) cloud.function("FinanceApiFunction").invoke(request);
        assertEquals(201, first.getStatusCode(), first.getBody());
        APIGatewayV2HTTPResponse retried = (APIGatewayV2HTTPResponse) cloud.function("FinanceApiFunction").invoke(request);
        assertEquals(409, retried.getStatusCode());
        List<SesSimulator.SentMail> acknowledged = mailsTo(GLOBEX_BILLING, "Contestation de la facture " + number);
        assertEquals(1, acknowledged.size());
        assertTrue(acknowledged.get(0).text().contains("Motif enregistré : minutes non reconnues"));
        assertEquals(List.of(), mailsTo(BILLING, "Contestation"), "the other client is told nothing");
    }

    @Test
    @Order(3)
    void aMailWhoseSendingFailedIsGivenBackSoItsRetrySendsItOnceAndARedeliveryNothing() {
        String table = cloud.physicalName("AccountsTable");
        Map<String, String> unreachable = new java.util.HashMap<>(cloud.clientEnvironment());
        unreachable.put("AWS_ENDPOINT_URL_SESV2", "http://127.0.0.1:9"); // nobody listens there
        com.outboundcalls.mail.Mail mail = new com.outboundcalls.mail.Mail("retried-notice", List.of(BILLING),
                "Avis renvoyé", "texte", "<p>texte</p>");
        com.outboundcalls.aws.SesMailer failing = new com.outboundcalls.aws.SesMailer(
                () -> new com.outboundcalls.aws.AwsClients(unreachable).ses(), "factures@provider.example", null,
                cloud.dynamoDb(), table, cloud.clock());
        assertThrows(RuntimeException.class, () -> failing.send(mail), "SES unreachable: the send fails");
        assertEquals(List.of(), mailsTo(BILLING, "Avis renvoyé"));

        com.outboundcalls.aws.SesMailer mailer = new com.outboundcalls.aws.SesMailer(
                () -> new com.outboundcalls.aws.AwsClients(cloud.clientEnvironment()).ses(), "factures@provider.example",
                null, cloud.dynamoDb(), table, cloud.clock());
        assertTrue(mailer.send(mail), "the failed send gave its claim back: the retry sends it");
        assertFalse(mailer.send(mail), "claimed by the send that went: a redelivery sends nothing");
        assertEquals(1, mailsTo(BILLING, "Avis renvoyé").size());
    }
}
