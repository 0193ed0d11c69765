package com.outboundcalls.functions.ingest;

import com.outboundcalls.account.ContactFileFormat;
import com.outboundcalls.ingest.ContactFileReader;
import com.outboundcalls.ingest.IngestSummary;
import com.outboundcalls.phone.PhoneNumberValidator;
import com.outboundcalls.phone.RejectReason;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A contact file nobody uploaded: a header and three rows, numbers of three kinds. Before SnapStart's snapshot, the
 * contact ingest functions read it in memory as an agreed format reads it, and check each number (see {@link #read}),
 * so that the snapshot holds the reader, the encoding and delimiter detection and the phone number metadata loaded
 * and compiled. Nothing of it is stored, and no contact id is made (that needs the stack's secret key, which a
 * snapshot never holds).
 */
final class MadeUpContactFile {

    private static final String CSV = "telephone;prenom;nom;pays\n+33612345678;Léa;Martin;FR\n"
            + "01 23 45 67 89;Jean;Dupont;FR\n+32470123456;Anne;Peeters;BE\n";
    private static final ContactFileFormat FORMAT = new ContactFileFormat(null, null, true, "telephone", "prenom",
            "nom", null, "pays", null, Map.of());

    private MadeUpContactFile() {
    }

    /** Reads the file and checks its numbers; the verdicts, row by row. */
    static List<PhoneNumberValidator.Verdict> read() {
        PhoneNumberValidator numbers = new PhoneNumberValidator();
        List<PhoneNumberValidator.Verdict> verdicts = new ArrayList<>();
        try (ContactFileReader.Rows rows = new ContactFileReader().open(
                new ByteArrayInputStream(CSV.getBytes(StandardCharsets.UTF_8)), FORMAT)) {
            ContactFileReader.Layout layout = rows.layout();
            for (ContactFileReader.Row row = rows.next(); row != null; row = rows.next()) {
                List<String> cells = row.cells();
                verdicts.add(numbers.validate(ContactFileReader.cell(cells, layout.phone()),
                        ContactFileReader.regionOf(layout, cells, "FR"), false));
            }
        }
        return verdicts;
    }

    /**
     * The made-up file's summary, as it would be stored, read back: a file whose event comes again once it is done is
     * answered with its stored summary (rows rejected counted by reason), so the snapshot holds that reading too.
     */
    static IngestSummary summaryReadBack() {
        Map<RejectReason, Long> rejected = new EnumMap<>(RejectReason.class);
        rejected.put(RejectReason.NOT_A_NUMBER, 1L);
        IngestSummary made = new IngestSummary("incoming/priming.csv", "priming", null, null, IngestSummary.PROCESSED,
                null, 4, 3, 0, 1, rejected, "agreed", ";", "UTF-8", null, "2026-01-01T00:00:00Z", 0, 1, List.of());
        return IngestSummary.fromJson(made.toJson());
    }

    /**
     * The read a file's event starts with, through the function's own client: whether a file of nobody under this
     * prefix is done already. It is not, and nothing is written; the snapshot holds that client's first call made.
     */
    static Runnable askWhetherDone(com.outboundcalls.glue.Wiring wiring, String prefix) {
        String key = prefix + com.outboundcalls.lambda.PrimingEvents.NOBODY + "/priming.csv";
        return () -> wiring.fileLedger().completedSummary(new com.outboundcalls.ingest.ContactIngestion.UploadedFile(
                com.outboundcalls.lambda.PrimingEvents.NOBODY, key, null, "priming", 0).fileId());
    }
}
