package com.outboundcalls.invoice;

import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.testing.InMemoryBilling;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EuropeanServicesDeclarationTest {

    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final LegalEntity BRUSSELS = new LegalEntity("Bruxelles SA", "Rue Royale 12", "1000", "Bruxelles",
            "BE", null, "BE0403170701");
    private static final LegalEntity BERLIN = new LegalEntity("Berlin GmbH", "Unter den Linden 1", "10117", "Berlin",
            "DE", null, "DE136695976");

    private static Invoice invoice(String clientId, LegalEntity buyer, String number, String plan) {
        BillingAccount account = new BillingAccount(clientId, new BillingAccount.Plan("Essentiel", new BigDecimal(plan)),
                new BillingAccount.Units(0, BigDecimal.ZERO), new BillingAccount.Units(0, BigDecimal.ZERO),
                new BillingAccount.Units(0, BigDecimal.ZERO), LocalDate.of(2026, 1, 1), null, buyer, 30);
        return new InvoiceCalculator(LegalInterestRates.parse("2026-H2=2.62")).draft(account, InMemoryBilling.PROVIDER,
                OCTOBER, LocalDate.of(2026, 11, 1), new UsageTotals()).orElseThrow().withNumber(number);
    }

    private static Receivable receivable(Invoice invoice) {
        return new Receivable(invoice, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, null, null, null);
    }

    @Test
    void eachTakerInAnotherMemberStateIsDeclaredOnceWithItsSalesLessItsCreditNotesInWholeEuros() {
        Invoice brussels = invoice("be", BRUSSELS, "2026-000001", "149.60");
        Invoice berlin = invoice("de", BERLIN, "2026-000002", "49.40");
        Invoice paris = invoice("fr", InMemoryBilling.client("Client SA"), "2026-000003", "1000.00");
        Invoice credit = CreditNotes.draft(brussels, BigDecimal.ZERO,
                new CreditNotes.Request("R1", "appel contesté", new BigDecimal("20.10")), LocalDate.of(2026, 11, 5))
                .withNumber("AV-2026-000001");

        String csv = new String(EuropeanServicesDeclaration.csv(List.of(receivable(brussels), receivable(berlin),
                receivable(paris), receivable(credit))), StandardCharsets.UTF_8);

        // 149.60 - 20.10 = 129.50, rounded half up to 130; 49.40 to 49. The French client is not declared.
        assertEquals(EuropeanServicesDeclaration.HEADER + "\r\n"
                + "1;BE0403170701;130;129,50\r\n"
                + "2;DE136695976;49;49,40\r\n", csv);
    }

    @Test
    void aMonthWithoutReverseChargeSalesHasNothingToDeclare() {
        assertTrue(EuropeanServicesDeclaration.amounts(List.of(receivable(invoice("fr",
                InMemoryBilling.client("Client SA"), "2026-000003", "10.00")))).isEmpty());
    }
}
