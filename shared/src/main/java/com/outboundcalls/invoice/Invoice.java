package com.outboundcalls.invoice;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** An issued invoice. Never edited once numbered: corrections are new documents. */
public record Invoice(String number, String clientId, YearMonth period, LocalDate issueDate, LocalDate dueDate,
                      List<InvoiceLine> lines, BigDecimal totalExclVat, BigDecimal vatRate, BigDecimal vatAmount,
                      BigDecimal totalInclVat, String currency) {

    public Invoice withNumber(String allocated) {
        return new Invoice(allocated, clientId, period, issueDate, dueDate, lines, totalExclVat, vatRate, vatAmount,
                totalInclVat, currency);
    }

    /** Sum of the usage lines. */
    public BigDecimal usageTotal() {
        return lines.stream().filter(l -> l.kind() == InvoiceLine.Kind.USAGE).map(InvoiceLine::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public long usageSeconds() {
        return lines.stream().filter(l -> l.kind() == InvoiceLine.Kind.USAGE)
                .mapToLong(InvoiceLine::billedSeconds).sum();
    }
}
