package com.outboundcalls.rate;

import com.outboundcalls.json.JsonTrees;
import com.fasterxml.jackson.databind.JsonNode;
import com.outboundcalls.account.AccountRecords;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.ClientProfile;
import com.outboundcalls.files.Html;
import com.outboundcalls.mail.Mail;
import com.outboundcalls.mail.Mailer;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Tells a client, by mail to its billing address and in its legal name, of the price increases a new price list
 * brings to it, each with the day it applies from (at least one month after publication, which the price-list
 * import checks). One mail per client and price-list version, whatever the redeliveries.
 */
public final class PriceChangeNotices {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    /** What became of one notice. */
    public enum Delivery { SENT, ALREADY_SENT, UNKNOWN_CLIENT, NO_BILLING_ADDRESS }

    private final AccountRecords accounts;
    private final Mailer mailer;
    private final java.util.function.Supplier<String> providerName;

    /** @param providerName the provider's legal name, who signs */
    public PriceChangeNotices(AccountRecords accounts, Mailer mailer, java.util.function.Supplier<String> providerName) {
        this.accounts = accounts;
        this.mailer = mailer;
        this.providerName = providerName;
    }

    /**
     * Mails the notice the price-list import wrote ({@code type PRICE_INCREASE}, its client, list, version,
     * publication and increases). An unreadable notice or one of another type throws: it is not for this use case.
     */
    public Delivery deliver(String noticeJson) {
        JsonNode notice = read(noticeJson);
        String clientId = notice.path("clientId").asText("");
        Optional<ClientProfile> profile = accounts.profile(clientId);
        if (profile.isEmpty()) {
            return Delivery.UNKNOWN_CLIENT;
        }
        String to = profile.get().billingEmail();
        if (to == null || to.isBlank()) {
            return Delivery.NO_BILLING_ADDRESS;
        }
        String legalName = accounts.billing(clientId).map(BillingAccount::identity).map(i -> i.name())
                .orElse(profile.get().client().name());
        return mailer.send(mail(notice, legalName, to)) ? Delivery.SENT : Delivery.ALREADY_SENT;
    }

    Mail mail(JsonNode notice, String legalName, String to) {
        StringBuilder lines = new StringBuilder();
        LocalDate first = null;
        for (JsonNode row : notice.path("increases")) {
            LocalDate from = LocalDate.parse(row.path("valid_from").asText());
            first = first == null || from.isBefore(first) ? from : first;
            lines.append("- ").append(row.path("origin_country").asText()).append(" vers ")
                    .append(row.path("destination_country").asText()).append(", ")
                    .append(numberType(row.path("number_type").asText())).append(" : ")
                    .append(new BigDecimal(row.path("price_per_minute").asText()).toPlainString())
                    .append(" EUR HT la minute à partir du ").append(DAY.format(from)).append('\n');
        }
        if (first == null) {
            throw new IllegalArgumentException("a price increase notice lists its increases");
        }
        String published = notice.path("publishedAt").asText("").length() >= 10
                ? DAY.format(LocalDate.parse(notice.path("publishedAt").asText().substring(0, 10))) : "";
        String text = "Bonjour,\n\nNous vous informons, pour " + legalName + ", de l'évolution des tarifs de la grille "
                + notice.path("priceList").asText() + " (version " + notice.path("version").asText() + ", publiée le "
                + published + ") :\n" + lines
                + "\nConformément aux conditions générales, ces prix s'appliquent au plus tôt un mois après cet avis. "
                + "Si vous ne les acceptez pas, vous pouvez résilier votre abonnement avant leur entrée en vigueur. "
                + "L'avis est aussi dans votre espace client, rubrique Avis.\n\n" + providerName.get() + "\n";
        String html = "<p>" + Html.escape(text).replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>";
        return new Mail("price-increase#" + notice.path("clientId").asText() + "#" + notice.path("priceList").asText()
                + "#" + notice.path("version").asText(), List.of(to),
                "Évolution de vos tarifs au " + DAY.format(first) + " — " + legalName, text, html);
    }

    private static String numberType(String type) {
        return switch (type) {
            case "FIXED_LINE" -> "numéros fixes";
            case "MOBILE" -> "numéros mobiles";
            case "FIXED_LINE_OR_MOBILE" -> "numéros fixes ou mobiles";
            case "VOIP" -> "numéros VoIP";
            case "TOLL_FREE" -> "numéros gratuits";
            case "SHARED_COST" -> "numéros à coût partagé";
            default -> "numéros " + type.toLowerCase(Locale.ROOT).replace('_', ' ');
        };
    }

    private static JsonNode read(String json) {
        try {
            JsonNode notice = JsonTrees.read(json);
            if (notice == null || !"PRICE_INCREASE".equals(notice.path("type").asText())) {
                throw new IllegalArgumentException("not a price increase notice");
            }
            return notice;
        } catch (IOException e) {
            throw new IllegalArgumentException("unreadable notice", e);
        }
    }
}
