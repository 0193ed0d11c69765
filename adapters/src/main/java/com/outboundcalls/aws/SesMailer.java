package com.outboundcalls.aws;

import com.outboundcalls.mail.Mail;
import com.outboundcalls.mail.Mailer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.Body;
import software.amazon.awssdk.services.sesv2.model.Content;
import software.amazon.awssdk.services.sesv2.model.Destination;
import software.amazon.awssdk.services.sesv2.model.EmailContent;
import software.amazon.awssdk.services.sesv2.model.Message;

import java.time.Clock;
import java.util.Map;

import static com.outboundcalls.aws.Items.s;

/**
 * Mails through Amazon SES v2 (SendEmail, simple content in UTF-8) from the stack's sending identity, within its
 * configuration set when one is given. Each mail id is claimed first in the accounts table ({@code MAIL#{id}}): a
 * retried event finds it claimed and sends nothing. A send that fails gives the claim back, so that the retry
 * sends it; a crash between the claim and the send loses that one mail rather than ever sending it twice.
 */
public final class SesMailer implements Mailer {

    private static final String SK = "MAIL";

    private final java.util.function.Supplier<SesV2Client> ses;
    private final String from;
    private final String configurationSet;
    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    /**
     * @param ses asked for the client when a mail is to be sent, after its claim
     * @param configurationSet null or blank for none
     */
    public SesMailer(java.util.function.Supplier<SesV2Client> ses, String from, String configurationSet,
                     DynamoDbClient dynamo, String table, Clock clock) {
        this.ses = ses;
        this.from = from;
        this.configurationSet = configurationSet == null || configurationSet.isBlank() ? null : configurationSet;
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    @Override
    public boolean send(Mail mail) {
        Map<String, AttributeValue> claim = Items.key("MAIL#" + mail.id(), SK);
        claim.put("sentAt", s(clock.instant().toString()));
        try {
            dynamo.putItem(r -> r.tableName(table).item(claim).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException alreadySent) {
            return false;
        }
        try {
            ses.get().sendEmail(r -> r.fromEmailAddress(from).configurationSetName(configurationSet)
                    .destination(Destination.builder().toAddresses(mail.to()).build())
                    .content(EmailContent.builder().simple(Message.builder()
                            .subject(utf8(mail.subject()))
                            .body(Body.builder().text(utf8(mail.text())).html(utf8(mail.html())).build())
                            .build()).build()));
            return true;
        } catch (RuntimeException e) {
            dynamo.deleteItem(r -> r.tableName(table).key(Items.key("MAIL#" + mail.id(), SK)));
            throw e;
        }
    }

    private static Content utf8(String data) {
        return Content.builder().data(data).charset("UTF-8").build();
    }
}
