package com.outboundcalls.functions.invoicing;

import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.invoice.Invoice;
import com.outboundcalls.invoice.InvoiceLine;
import com.outboundcalls.invoice.InvoiceMentions;
import com.outboundcalls.invoice.Provider;
import com.outboundcalls.money.Money;
import com.outboundcalls.time.Zones;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;
import org.apache.xmpbox.XMPMetadata;
import org.apache.xmpbox.schema.AdobePDFSchema;
import org.apache.xmpbox.schema.DublinCoreSchema;
import org.apache.xmpbox.schema.PDFAIdentificationSchema;
import org.apache.xmpbox.schema.XMPBasicSchema;
import org.apache.xmpbox.xml.XmpSerializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.TimeZone;

/**
 * The invoice or credit note as a person reads it: an A4 PDF/A-3b (fonts embedded, sRGB output intent, XMP
 * metadata), so the same file can carry its Factur-X XML. Its bytes depend only on the document.
 */
public final class InvoicePdf {

    static final String PRODUCER = "outbound-calls-backoffice invoicing";
    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth();
    private static final float HEIGHT = PDRectangle.A4.getHeight();
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** Column right edges: quantity, unit, unit price, amount. */
    private static final float[] COLUMNS = {345, 395, 470, WIDTH - MARGIN};

    private InvoicePdf() {
    }

    public static byte[] render(Invoice invoice) {
        try (PDDocument doc = new PDDocument()) {
            PDFont regular = font(doc, "/fonts/SourceSansPro-Regular.ttf");
            PDFont bold = font(doc, "/fonts/SourceSansPro-Bold.ttf");
            Writer w = new Writer(doc, regular, bold);
            header(w, invoice);
            lines(w, invoice);
            totals(w, invoice);
            mentions(w, invoice);
            w.finish();
            pdfA(doc, invoice);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not render " + invoice.number(), e);
        }
    }

    private static void header(Writer w, Invoice invoice) throws IOException {
        Provider seller = invoice.seller();
        LegalEntity id = seller.identity();
        float top = HEIGHT - MARGIN;
        w.text(MARGIN, top, w.bold, 13, id.name());
        float y = top - 16;
        for (String line : List.of(id.street(), id.postcode() + " " + id.city(), "SIREN " + id.siren()
                + "  TVA " + id.vatNumber(), nullToEmpty(seller.legalForm()), nullToEmpty(seller.registration()))) {
            if (!line.isBlank()) {
                w.text(MARGIN, y, w.regular, 9, line);
                y -= 12;
            }
        }
        String title = invoice.isCreditNote() ? "AVOIR" : invoice.isPenaltyClaim() ? "PÉNALITÉS DE RETARD" : "FACTURE";
        w.right(WIDTH - MARGIN, top, w.bold, 18, title + " n° " + invoice.number());
        float ry = top - 20;
        List<String> facts = new ArrayList<>();
        facts.add("Date d'émission : " + date(invoice.issueDate()));
        if (invoice.isCreditNote()) {
            facts.add("Facture corrigée : " + invoice.corrects());
        } else {
            facts.add("Date d'échéance : " + date(invoice.dueDate()));
        }
        facts.add("Période : du " + date(invoice.servicePeriodStart()) + " au " + date(invoice.servicePeriodEnd()));
        for (String fact : facts) {
            w.right(WIDTH - MARGIN, ry, w.regular, 10, fact);
            ry -= 13;
        }
        LegalEntity buyer = invoice.buyer();
        float bx = 330;
        float by = Math.min(y, ry) - 20;
        w.text(bx, by, w.bold, 9, "Facturé à");
        w.text(bx, by - 14, w.bold, 11, buyer.name());
        w.text(bx, by - 27, w.regular, 9, buyer.street());
        w.text(bx, by - 39, w.regular, 9, buyer.postcode() + " " + buyer.city() + ("FR".equals(buyer.countryCode())
                ? "" : " (" + buyer.countryCode() + ")"));
        w.text(bx, by - 51, w.regular, 9, (buyer.siren() == null ? "" : "SIREN " + buyer.siren() + "  ")
                + (buyer.vatNumber() == null ? "" : "TVA " + buyer.vatNumber()));
        w.y = by - 80;
    }

    private static void lines(Writer w, Invoice invoice) throws IOException {
        tableHeader(w);
        for (InvoiceLine line : invoice.lines()) {
            List<String> wrapped = wrap(line.description(), w.regular, 9, COLUMNS[0] - 60 - MARGIN);
            w.ensure(12f * wrapped.size() + 4, () -> tableHeader(w));
            float y = w.y;
            for (String part : wrapped) {
                w.text(MARGIN, w.y, w.regular, 9, part);
                w.y -= 12;
            }
            // A usage line shows what multiplies to its amount: seconds at a price per minute (÷ 60).
            boolean usage = line.kind() == InvoiceLine.Kind.USAGE;
            w.right(COLUMNS[0], y, w.regular, 9, usage ? String.valueOf(line.billedSeconds())
                    : decimal(line.quantity()));
            w.right(COLUMNS[1], y, w.regular, 9, usage ? "s" : unit(line));
            w.right(COLUMNS[2], y, w.regular, 9, decimal(Money.atLeastCents(line.unitPrice())) + (usage ? " /min" : ""));
            w.right(COLUMNS[3], y, w.regular, 9, money(line.amount()));
            w.y -= 4;
        }
        w.rule(w.y + 6);
    }

    private static void tableHeader(Writer w) throws IOException {
        w.text(MARGIN, w.y, w.bold, 9, "Désignation");
        w.right(COLUMNS[0], w.y, w.bold, 9, "Qté");
        w.right(COLUMNS[1], w.y, w.bold, 9, "Unité");
        w.right(COLUMNS[2], w.y, w.bold, 9, "PU HT (EUR)");
        w.right(COLUMNS[3], w.y, w.bold, 9, "Montant HT (EUR)");
        w.rule(w.y - 4);
        w.y -= 18;
    }

    private static void totals(Writer w, Invoice invoice) throws IOException {
        w.ensure(60, () -> { });
        w.y -= 8;
        String[][] rows = {
                {"Total HT", money(invoice.totalExclVat())},
                {vatLabel(invoice), money(invoice.vatAmount())},
                {invoice.isCreditNote() ? "Total TTC à déduire" : "Total TTC à payer", money(invoice.totalInclVat())}};
        for (int i = 0; i < rows.length; i++) {
            boolean last = i == rows.length - 1;
            w.right(COLUMNS[2], w.y, last ? w.bold : w.regular, 10, rows[i][0]);
            w.right(COLUMNS[3], w.y, last ? w.bold : w.regular, 10, rows[i][1] + " EUR");
            w.y -= 15;
        }
        w.y -= 10;
    }

    /** The VAT row: its rate and base, or the category that carries no French VAT. */
    private static String vatLabel(Invoice invoice) {
        com.outboundcalls.invoice.VatTreatment vat = invoice.vatTreatment();
        return switch (vat.category()) {
            case S -> "TVA " + percent(vat.rate()) + " % sur " + money(invoice.totalExclVat());
            case AE -> "TVA : autoliquidation";
            case G, O -> "TVA non applicable";
        };
    }

    private static void mentions(Writer w, Invoice invoice) throws IOException {
        List<String> paragraphs = new ArrayList<>(InvoiceMentions.of(invoice));
        paragraphs.addAll(InvoiceMentions.taxes(invoice));
        if (invoice.lines().stream().anyMatch(l -> l.kind() == InvoiceLine.Kind.USAGE)) {
            paragraphs.add(InvoiceMentions.USAGE_RULE);
        }
        Provider seller = invoice.seller();
        if (!invoice.isCreditNote() && seller.iban() != null) {
            paragraphs.add("Règlement par virement : IBAN " + seller.iban()
                    + (seller.bic() == null ? "" : ", BIC " + seller.bic()) + ", en rappelant le numéro de facture.");
        }
        paragraphs.add(InvoiceMentions.seller(seller) + ".");
        for (String paragraph : paragraphs) {
            List<String> wrapped = wrap(paragraph, w.regular, 8, WIDTH - 2 * MARGIN);
            w.ensure(10f * wrapped.size() + 4, () -> { });
            for (String line : wrapped) {
                w.text(MARGIN, w.y, w.regular, 8, line);
                w.y -= 10;
            }
            w.y -= 3;
        }
    }

    /** Marks the document PDF/A-3b: sRGB output intent, XMP identification, and an ID derived from its number. */
    private static void pdfA(PDDocument doc, Invoice invoice) throws IOException {
        Calendar issued = GregorianCalendar.from(invoice.issueDate().atStartOfDay(Zones.BILLING));
        issued.setTimeZone(TimeZone.getTimeZone(Zones.BILLING));
        String title = (invoice.isCreditNote() ? "Avoir " : invoice.isPenaltyClaim() ? "Pénalités de retard "
                : "Facture ") + invoice.number();
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setProducer(PRODUCER);
        info.setCreator(PRODUCER);
        info.setCreationDate(issued);
        info.setModificationDate(issued);
        try {
            XMPMetadata xmp = XMPMetadata.createXMPMetadata();
            PDFAIdentificationSchema id = xmp.createAndAddPDFAIdentificationSchema();
            id.setPart(3);
            id.setConformance("B");
            DublinCoreSchema dc = xmp.createAndAddDublinCoreSchema();
            dc.setTitle(title);
            XMPBasicSchema basic = xmp.createAndAddXMPBasicSchema();
            basic.setCreateDate(issued);
            basic.setModifyDate(issued);
            basic.setCreatorTool(PRODUCER);
            AdobePDFSchema pdf = xmp.createAndAddAdobePDFSchema();
            pdf.setProducer(PRODUCER);
            ByteArrayOutputStream xml = new ByteArrayOutputStream();
            new XmpSerializer().serialize(xmp, xml, true);
            PDMetadata metadata = new PDMetadata(doc);
            metadata.importXMPMetadata(xml.toByteArray());
            doc.getDocumentCatalog().setMetadata(metadata);
        } catch (javax.xml.transform.TransformerException | org.apache.xmpbox.type.BadFieldValueException e) {
            throw new IOException("XMP metadata", e);
        }
        try (InputStream icc = resource("/sRGB.icc")) {
            PDOutputIntent intent = new PDOutputIntent(doc, icc);
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            doc.getDocumentCatalog().addOutputIntent(intent);
        }
        byte[] digest = md5(invoice.number() + "|" + invoice.clientId());
        COSArray ids = new COSArray();
        ids.add(new COSString(digest));
        ids.add(new COSString(digest));
        doc.getDocument().getTrailer().setItem(COSName.ID, ids);
    }

    private static PDFont font(PDDocument doc, String path) throws IOException {
        try (InputStream in = resource(path)) {
            return PDType0Font.load(doc, in, true);
        }
    }

    private static InputStream resource(String path) throws IOException {
        InputStream in = InvoicePdf.class.getResourceAsStream(path);
        if (in == null) {
            throw new IOException(path + " is missing from the classpath (it comes with the Mustang library)");
        }
        return in;
    }

    private static byte[] md5(String text) {
        try {
            return MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<String> wrap(String text, PDFont font, float size, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(candidate) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static String unit(InvoiceLine line) {
        return switch (line.unit()) {
            case "month" -> "mois";
            case "number" -> "numéro";
            case "user" -> "utilisateur";
            case "licence" -> "licence";
            case "minute" -> "min";
            default -> "unité";
        };
    }

    static String date(LocalDate d) {
        return FRENCH_DATE.format(d);
    }

    /** 1234.5 as "1 234,50". */
    static String money(BigDecimal amount) {
        String plain = Money.atCents(amount).abs().toPlainString();
        String integer = plain.substring(0, plain.indexOf('.'));
        StringBuilder grouped = new StringBuilder();
        for (int i = 0; i < integer.length(); i++) {
            if (i > 0 && (integer.length() - i) % 3 == 0) {
                grouped.append(' ');
            }
            grouped.append(integer.charAt(i));
        }
        return (amount.signum() < 0 ? "-" : "") + grouped + "," + plain.substring(plain.indexOf('.') + 1);
    }

    static String decimal(BigDecimal value) {
        return value.toPlainString().replace('.', ',');
    }

    static String percent(BigDecimal rate) {
        return rate.movePointRight(2).stripTrailingZeros().toPlainString().replace('.', ',');
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** Writes text down the pages, starting a new page when the next block would not fit. */
    private static final class Writer {
        interface Block {
            void run() throws IOException;
        }

        final PDDocument doc;
        final PDFont regular;
        final PDFont bold;
        PDPageContentStream content;
        float y;
        int pages;

        Writer(PDDocument doc, PDFont regular, PDFont bold) throws IOException {
            this.doc = doc;
            this.regular = regular;
            this.bold = bold;
            newPage();
        }

        void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            PDPage page = new PDPage(PDRectangle.A4);
            doc.addPage(page);
            content = new PDPageContentStream(doc, page);
            pages++;
            y = HEIGHT - MARGIN;
        }

        /** Starts a new page (then runs the block, e.g. to repeat a table header) if the height does not fit. */
        void ensure(float height, Block onNewPage) throws IOException {
            if (y - height < MARGIN + 20) {
                newPage();
                onNewPage.run();
            }
        }

        void text(float x, float y, PDFont font, float size, String s) throws IOException {
            content.beginText();
            content.setFont(font, size);
            content.newLineAtOffset(x, y);
            content.showText(s);
            content.endText();
        }

        void right(float xRight, float y, PDFont font, float size, String s) throws IOException {
            text(xRight - font.getStringWidth(s) / 1000 * size, y, font, size, s);
        }

        void rule(float at) throws IOException {
            content.setLineWidth(0.5f);
            content.moveTo(MARGIN, at);
            content.lineTo(WIDTH - MARGIN, at);
            content.stroke();
        }

        void finish() throws IOException {
            content.close();
            int n = 1;
            for (PDPage page : doc.getPages()) {
                try (PDPageContentStream footer = new PDPageContentStream(doc, page,
                        PDPageContentStream.AppendMode.APPEND, true)) {
                    String text = "Page " + n++ + " / " + pages;
                    footer.beginText();
                    footer.setFont(regular, 8);
                    footer.newLineAtOffset(WIDTH - MARGIN - regular.getStringWidth(text) / 1000 * 8, MARGIN - 20);
                    footer.showText(text);
                    footer.endText();
                }
            }
        }
    }
}
