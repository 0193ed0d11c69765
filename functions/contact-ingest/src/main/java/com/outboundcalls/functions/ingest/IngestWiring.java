package com.outboundcalls.functions.ingest;

import com.outboundcalls.aws.RangedObjectStream;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.ingest.ContactIngestion;
import com.outboundcalls.ingest.CsvRows;
import com.outboundcalls.ingest.FileNotices;
import com.outboundcalls.ingest.IngestHandover;
import com.outboundcalls.ingest.IngestSummary;
import com.outboundcalls.ingest.OppositionImport;
import software.amazon.awssdk.services.s3.S3Client;

import java.io.InputStream;
import java.time.Duration;
import java.util.function.Supplier;

/** What the contact-ingest entry points run: the use cases for a file's bucket, and the file's content. */
public interface IngestWiring {

    /** The ingestion of files of this bucket (its reports go to the same bucket). */
    ContactIngestion ingestion(String bucket);

    /** The suppression-file import of this bucket. */
    OppositionImport oppositionImport(String bucket);

    /** Tells the person who asked for the file's upload link that it was processed (once per file version). */
    void notifyProcessed(IngestSummary summary);

    /** The content of exactly this version of the file. */
    Supplier<InputStream> content(String bucket, String key, String versionId, String version, long size);

    /** The container's: adapters from the wiring, limits from the environment. */
    static IngestWiring of(Wiring wiring) {
        ContactIngestion.Limits defaults = ContactIngestion.Limits.DEFAULT;
        ContactIngestion.Limits limits = new ContactIngestion.Limits(
                wiring.optionalLong("MAX_FILE_MEGABYTES", defaults.maxFileBytes() >> 20) << 20,
                wiring.optionalLong("MAX_ROWS_PER_FILE", defaults.maxRows()),
                wiring.optionalLong("ROWS_PER_INVOCATION", defaults.rowsPerInvocation()),
                Duration.ofSeconds(wiring.optionalLong("HANDOVER_MARGIN_SECONDS", defaults.handoverMargin().toSeconds())),
                new CsvRows.Bounds((int) wiring.optionalLong("MAX_COLUMNS_PER_ROW", defaults.csv().maxColumns()),
                        (int) wiring.optionalLong("MAX_CELL_CHARACTERS", defaults.csv().maxCellChars()),
                        (int) wiring.optionalLong("MAX_ROW_CHARACTERS", defaults.csv().maxRecordChars())));
        // The queue's client is built when a file is first handed over: most files end within their first invocation.
        IngestHandover handover = (file, leg) -> wiring.ingestHandover().resumeLater(file, leg);
        return new IngestWiring() {
            @Override
            public ContactIngestion ingestion(String bucket) {
                return new ContactIngestion(wiring.accountDirectory(), wiring.contactBook(), wiring.oppositionList(),
                        wiring.fileLedger(), wiring.objectSink(bucket), handover, wiring.uploads(),
                        wiring.clock(), limits, wiring.contactIds());
            }

            @Override
            public OppositionImport oppositionImport(String bucket) {
                return new OppositionImport(wiring.accountDirectory(), wiring.oppositionList(), wiring.objectSink(bucket),
                        wiring.fileLedger(), handover, limits, wiring.clock());
            }

            @Override
            public void notifyProcessed(IngestSummary summary) {
                wiring.uploads().find(summary.file()).flatMap(upload -> FileNotices.processed(summary, upload))
                        .ifPresent(wiring.mailer()::send);
            }

            /**
             * Read range by range, pinned to its version id (or its ETag when unversioned); a file whose size the
             * event did not give is read in one request.
             */
            @Override
            public Supplier<InputStream> content(String bucket, String key, String versionId, String version, long size) {
                S3Client s3 = wiring.s3();
                if (size > 0) {
                    return () -> new RangedObjectStream(s3, bucket, key, versionId, version, size);
                }
                return () -> s3.getObject(r -> RangedObjectStream.pinVersion(r.bucket(bucket).key(key), versionId, version));
            }
        };
    }
}
