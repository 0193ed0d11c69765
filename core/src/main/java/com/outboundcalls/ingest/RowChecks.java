package com.outboundcalls.ingest;

import com.outboundcalls.account.CallAttributes;
import com.outboundcalls.account.Client;
import com.outboundcalls.contact.NewContact;
import com.outboundcalls.phone.PhoneNumberValidator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;

/**
 * The checks of a file's rows that need nothing but the row: the phone number's verdict and, for a valid
 * number, the contact the row would become and whether its columns fit on its calls. Pure, so a chunk of rows
 * is checked on several threads while the rows before it are taken.
 */
final class RowChecks {

    /**
     * A row's phone verdict and, when valid, the contact it would become, and why its columns would not fit on
     * its calls (or null).
     */
    record Checked(PhoneNumberValidator.Verdict verdict, NewContact contact, String tooLarge) {
    }

    private final PhoneNumberValidator validator;
    private final ContactIds ids;
    private final ContactFileReader.Layout layout;
    private final Client client;
    private final ContactFileKey key;
    private final ContactIngestion.UploadedFile file;
    private final Instant now;

    RowChecks(PhoneNumberValidator validator, ContactIds ids, ContactFileReader.Layout layout, Client client,
              ContactFileKey key, ContactIngestion.UploadedFile file, Instant now) {
        this.validator = validator;
        this.ids = ids;
        this.layout = layout;
        this.client = client;
        this.key = key;
        this.file = file;
        this.now = now;
    }

    /** The chunk's verdicts, one slice per checker, computing in the background. */
    List<CompletableFuture<List<Checked>>> checkAhead(List<ContactFileReader.Row> chunk,
                                                              ExecutorService checkers, int slices) {
        List<CompletableFuture<List<Checked>>> parts = new ArrayList<>(slices);
        int size = (chunk.size() + slices - 1) / slices;
        for (int from = 0; from < chunk.size(); from += size) {
            List<ContactFileReader.Row> slice = chunk.subList(from, Math.min(chunk.size(), from + size));
            parts.add(CompletableFuture.supplyAsync(() -> {
                List<Checked> verdicts = new ArrayList<>(slice.size());
                for (ContactFileReader.Row row : slice) {
                    verdicts.add(check(row));
                }
                return verdicts;
            }, checkers));
        }
        return parts;
    }

    static List<Checked> verdicts(List<CompletableFuture<List<Checked>>> checking) {
        List<Checked> verdicts = new ArrayList<>();
        for (CompletableFuture<List<Checked>> part : checking) {
            try {
                verdicts.addAll(part.join());
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException cause) {
                    throw cause;
                }
                throw e;
            }
        }
        return verdicts;
    }

    /**
     * The phone cell's verdict and, for a valid number, the contact the row would become; null for a row
     * that is blank or malformed. Pure: runs on several threads at once.
     */
    Checked check(ContactFileReader.Row row) {
        if (row.blank() || row.malformed()) {
            return null;
        }
        List<String> cells = row.cells();
        String region = ContactFileReader.regionOf(layout, cells, client.defaultRegion());
        PhoneNumberValidator.Verdict verdict = validator.validate(ContactFileReader.cell(cells, layout.phone()),
                region, client.premiumRateAllowed());
        if (!verdict.isValid()) {
            return new Checked(verdict, null, null);
        }
        PhoneNumberValidator.ValidNumber number = verdict.number();
        NewContact contact = new NewContact(key.clientId(), key.campaignId(),
                ids.of(key.clientId(), key.campaignId(), number.e164()), number.e164(), number.region(),
                number.numberType(), ContactFileReader.cell(cells, layout.firstName()),
                ContactFileReader.cell(cells, layout.lastName()), ContactFileReader.cell(cells, layout.company()),
                ContactFileReader.attributesOf(layout, cells), file.fileId(), now, row.row(),
                ContactFileReader.cell(cells, layout.consent()));
        // Names travel with the call too (x_firstName, x_lastName, x_company).
        int bytes = CallAttributes.contactBytes("firstName", contact.firstName())
                + CallAttributes.contactBytes("lastName", contact.lastName())
                + CallAttributes.contactBytes("company", contact.company());
        for (Map.Entry<String, String> column : contact.attributes().entrySet()) {
            bytes += CallAttributes.contactBytes(column.getKey(), column.getValue());
        }
        return new Checked(verdict, contact, CallAttributes.contactRefusal(bytes).orElse(null));
    }
}
