package com.outboundcalls.invoice;

import com.outboundcalls.account.Client;
import com.outboundcalls.money.Money;
import com.outboundcalls.rate.RatedCall;
import com.outboundcalls.testing.InMemoryPorts;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class InvoiceRunTest {

    /** Numbers per year, like the DynamoDB store: one number per client and month. */
    private static final class Invoices implements InvoiceStore {
        final Map<String, Invoice> byClientMonth = new HashMap<>();
        int issued;

        @Override
        public Optional<Invoice> find(String clientId, YearMonth period) {
            return Optional.ofNullable(byClientMonth.get(clientId + period));
        }

        @Override
        public Invoice issue(Invoice draft) {
            return byClientMonth.computeIfAbsent(draft.clientId() + draft.period(),
                    k -> draft.withNumber(String.format("%d-%06d", draft.issueDate().getYear(), ++issued)));
        }
    }

    @Test
    void aRerunOfTheMonthRewritesTheSameExportsAndIssuesNothingNew() {
        InMemoryPorts.Accounts accounts = new InMemoryPorts.Accounts().with(new Client("acme", "ACME", "FR",
                new BigDecimal("49.00"), new Client.Tariff(3, Duration.ofHours(1)), Client.AccountStatus.ACTIVE, null));
        InMemoryPorts.RatedCalls rated = new InMemoryPorts.RatedCalls();
        Instant answered = Instant.parse("2026-10-31T22:30:00Z"); // 23:30 in Paris, still October
        rated.saveIfAbsent(new RatedCall("c1", "acme", "spring", "ct-1", 1, "FR", "FR", "MOBILE",
                answered.minusSeconds(5), answered, answered.plusSeconds(90), 90, new BigDecimal("0.0450"),
                Money.ratedCallAmount(90, new BigDecimal("0.0450")), "v1", RatedCall.Status.RATED, null));
        Invoices invoices = new Invoices();
        InMemoryPorts.Objects exports = new InMemoryPorts.Objects();
        InvoiceRun run = new InvoiceRun(accounts, rated, invoices, exports);
        Instant firstOfNovember = Instant.parse("2026-11-01T05:00:00Z");

        Invoice first = run.run(firstOfNovember).get(0);
        String json = exports.text("exports/invoices/2026-10/2026-000001_acme.json");
        Invoice again = run.run(firstOfNovember.plusSeconds(60)).get(0);

        assertEquals(first, again);
        assertEquals(1, invoices.issued);
        assertEquals(json, exports.text("exports/invoices/2026-10/2026-000001_acme.json"));
        assertEquals(YearMonth.of(2026, 10), first.period());
        // 90 s x 0.045 / 60 = 0.0675 -> 0.07
        assertEquals(new BigDecimal("49.07"), first.totalExclVat());
    }
}
