package com.outboundcalls.rate;

import com.outboundcalls.account.Client;
import com.outboundcalls.account.ClientProfile;
import com.outboundcalls.mail.Mail;
import com.outboundcalls.mail.Mailer;
import com.outboundcalls.testing.InMemoryAccountRecords;
import com.outboundcalls.testing.InMemoryBilling;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PriceChangeNoticesTest {

    private static final String NOTICE = """
            {"type":"PRICE_INCREASE","clientId":"acme","priceList":"default","version":"2027-01",
             "publishedAt":"2026-11-20T10:00:00Z","increases":[
              {"origin_country":"FR","destination_country":"FR","number_type":"MOBILE","price_per_minute":"0.0500",
               "valid_from":"2027-01-01"},
              {"origin_country":"FR","destination_country":"BE","number_type":"FIXED_LINE","price_per_minute":"0.0300",
               "valid_from":"2026-12-21"}]}""";

    private final InMemoryAccountRecords accounts = new InMemoryAccountRecords();
    private final List<Mail> sent = new ArrayList<>();
    private final Set<String> ids = new HashSet<>();
    private final Mailer mailer = mail -> ids.add(mail.id()) && sent.add(mail);
    private final PriceChangeNotices notices = new PriceChangeNotices(accounts, mailer, () -> "Appels Sortants SAS");

    private void acme(String billingEmail) {
        Client client = new Client("acme", "ACME", "FR", new Client.Tariff(3, Duration.ofHours(1)),
                Client.AccountStatus.ACTIVE, null);
        accounts.profiles.put("acme", new ClientProfile(client, null, ClientProfile.Invoicing.OWN, billingEmail, null,
                null, List.of(), 1, 1));
        accounts.billing.put("acme", new com.outboundcalls.account.BillingAccount("acme",
                new com.outboundcalls.account.BillingAccount.Plan("Essentiel", new BigDecimal("49.00")),
                new com.outboundcalls.account.BillingAccount.Units(0, BigDecimal.ZERO),
                new com.outboundcalls.account.BillingAccount.Units(0, BigDecimal.ZERO),
                new com.outboundcalls.account.BillingAccount.Units(0, BigDecimal.ZERO), LocalDate.of(2026, 1, 1), null,
                InMemoryBilling.client("Acme Dentaire SARL"), 30));
    }

    @Test
    void theClientIsToldInItsLegalNameOfEachIncreaseAndTheDayItAppliesFrom() {
        acme("compta@acme.example");
        assertEquals(PriceChangeNotices.Delivery.SENT, notices.deliver(NOTICE));
        Mail mail = sent.get(0);
        assertEquals(List.of("compta@acme.example"), mail.to());
        assertEquals("Évolution de vos tarifs au 21 décembre 2026 — Acme Dentaire SARL", mail.subject(),
                "the earliest day any increase applies");
        assertTrue(mail.text().contains("pour Acme Dentaire SARL"), mail.text());
        assertTrue(mail.text().contains("- FR vers FR, numéros mobiles : 0.0500 EUR HT la minute à partir du 1 janvier 2027"));
        assertTrue(mail.text().contains("- FR vers BE, numéros fixes : 0.0300 EUR HT la minute à partir du 21 décembre 2026"));
        assertTrue(mail.text().contains("publiée le 20 novembre 2026"));
        assertTrue(mail.text().endsWith("Appels Sortants SAS\n"));
    }

    @Test
    void aRedeliveredNoticeIsMailedOnce() {
        acme("compta@acme.example");
        assertEquals(PriceChangeNotices.Delivery.SENT, notices.deliver(NOTICE));
        assertEquals(PriceChangeNotices.Delivery.ALREADY_SENT, notices.deliver(NOTICE));
        assertEquals(1, sent.size());
    }

    @Test
    void aNoticeForAnUnknownClientOrOneWithoutBillingAddressIsNotMailed() {
        assertEquals(PriceChangeNotices.Delivery.UNKNOWN_CLIENT, notices.deliver(NOTICE));
        acme(" ");
        assertEquals(PriceChangeNotices.Delivery.NO_BILLING_ADDRESS, notices.deliver(NOTICE));
        assertEquals(List.of(), sent);
    }

    @Test
    void somethingElseThanAPriceIncreaseNoticeIsRefused() {
        acme("compta@acme.example");
        assertThrows(IllegalArgumentException.class, () -> notices.deliver("{\"type\":\"OTHER\",\"clientId\":\"acme\"}"));
        assertThrows(IllegalArgumentException.class, () -> notices.deliver("\u0000not json"));
        assertThrows(IllegalArgumentException.class, () -> notices.deliver(
                "{\"type\":\"PRICE_INCREASE\",\"clientId\":\"acme\",\"increases\":[]}"));
        assertEquals(List.of(), sent);
    }
}
