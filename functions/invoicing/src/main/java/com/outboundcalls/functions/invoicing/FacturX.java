package com.outboundcalls.functions.invoicing;

import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.invoice.Invoice;
import com.outboundcalls.invoice.InvoiceDocuments;
import com.outboundcalls.invoice.InvoiceLine;
import com.outboundcalls.invoice.InvoiceMentions;
import com.outboundcalls.invoice.Provider;
import com.outboundcalls.invoice.VatTreatment;
import org.mustangproject.BankDetails;
import org.mustangproject.IncludedNote;
import org.mustangproject.Item;
import org.mustangproject.LegalOrganisation;
import org.mustangproject.Product;
import org.mustangproject.SubjectCode;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.IZUGFeRDExporter;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromPDFA;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;

/**
 * The Factur-X file: the readable PDF/A-3 with the Cross Industry Invoice XML of the EN 16931 profile embedded
 * as {@code factur-x.xml}. Each line states a quantity, a price and a basis quantity whose product, rounded to the
 * cent, is exactly the line's amount (seconds at a price per 60 s; unit-days at a monthly price per days in the
 * month), so the XML's arithmetic agrees with the invoice to the cent.
 */
public final class FacturX implements InvoiceDocuments {

    /** SIREN scheme in ISO 6523 (BT-30 / BT-47). */
    private static final String SIREN_SCHEME = "0002";

    @Override
    public List<Rendered> render(Invoice invoice) {
        byte[] pdf = InvoicePdf.render(invoice);
        return List.of(new Rendered(".pdf", pdf, "application/pdf"),
                new Rendered("_facturx.pdf", embed(invoice, pdf), "application/pdf"));
    }

    static byte[] embed(Invoice invoice, byte[] pdf) {
        try (IZUGFeRDExporter exporter = new ZUGFeRDExporterFromPDFA().load(pdf)) {
            exporter.setProducer(InvoicePdf.PRODUCER);
            exporter.setCreator(InvoicePdf.PRODUCER);
            exporter.setProfile(Profiles.getByName("EN16931"));
            exporter.setTransaction(transaction(invoice));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            exporter.export(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not build the Factur-X file of " + invoice.number(), e);
        }
    }

    static org.mustangproject.Invoice transaction(Invoice invoice) {
        Provider seller = invoice.seller();
        VatTreatment vat = invoice.vatTreatment();
        // Not subject to VAT (O): EN 16931 forbids the parties' VAT numbers (BR-O-02); the SIRENs identify them.
        boolean vatNumbers = !vat.withoutVatNumbers();
        TradeParty sender = party(seller.identity(), vatNumbers);
        if (seller.iban() != null) {
            sender.addBankDetails(seller.bic() == null ? new BankDetails(seller.iban())
                    : new BankDetails(seller.iban(), seller.bic()));
        }
        if (seller.email() != null) {
            sender.setEmail(seller.email());
        }
        org.mustangproject.Invoice x = new org.mustangproject.Invoice()
                .setNumber(invoice.number())
                .setIssueDate(date(invoice.issueDate()))
                .setDueDate(date(invoice.dueDate()))
                .setDetailedDeliveryPeriod(date(invoice.servicePeriodStart()), date(invoice.servicePeriodEnd()))
                .setCurrency(invoice.currency())
                .setSender(sender)
                .setRecipient(party(invoice.buyer(), vatNumbers))
                .setPaymentTermDescription(invoice.isCreditNote() ? "Avoir : rien à payer"
                        : "Paiement à réception, au plus tard le " + invoice.dueDate());
        if (invoice.isCreditNote()) {
            x.setCreditNote(invoice.corrects());
        }
        List<String> mentions = InvoiceMentions.of(invoice);
        if (invoice.isCreditNote()) {
            x.addNotes(List.of(new IncludedNote(mentions.get(0), SubjectCode.AAI)));
        } else {
            // France: payment terms (AAB), late-penalty rate (PMD), fixed recovery indemnity (PMT).
            x.addNotes(List.of(new IncludedNote(mentions.get(0), SubjectCode.AAB),
                    new IncludedNote(mentions.get(1), SubjectCode.PMD),
                    new IncludedNote(mentions.get(2), SubjectCode.PMT),
                    new IncludedNote(InvoiceMentions.seller(seller), SubjectCode.REG)));
        }
        // The tax mentions in one note: the French rules allow one TXD note (BR-FR-06).
        x.addNotes(List.of(new IncludedNote(String.join(" ", InvoiceMentions.taxes(invoice)), SubjectCode.TXD)));
        BigDecimal vatPercent = vat.rate().movePointRight(2);
        for (InvoiceLine line : invoice.lines()) {
            Product product = new Product(line.description(), "", line.chargedUnitCode(), vatPercent)
                    .setTaxCategoryCode(vat.category().name());
            if (vat.exemptionReason() != null) {
                product.setTaxExemptionReason(vat.exemptionReason()).setTaxExemptionReasonCode(vat.exemptionCode());
            }
            Item item = new Item(product, line.unitPrice(), line.chargedQuantity());
            item.setBasisQuantity(line.basisQuantity());
            x.addItem(item);
        }
        return x;
    }

    private static TradeParty party(LegalEntity entity, boolean withVatNumber) {
        TradeParty party = new TradeParty(entity.name(), entity.street(), entity.postcode(), entity.city(),
                entity.countryCode());
        if (withVatNumber && entity.vatNumber() != null) {
            party.addVATID(entity.vatNumber());
        }
        if (entity.siren() != null) {
            party.setLegalOrganisation(new LegalOrganisation(entity.siren(), SIREN_SCHEME));
        }
        return party;
    }

    /** Noon UTC of the day, so the library's formatting gives the same date in any zone the JVM runs in. */
    private static Date date(LocalDate day) {
        return Date.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
    }
}
