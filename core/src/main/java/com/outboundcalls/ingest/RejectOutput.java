package com.outboundcalls.ingest;

import com.outboundcalls.files.ObjectSink;
import com.outboundcalls.phone.RejectReason;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A file's rejects report as it is written: rejected rows wait in a window and go out in row order, each
 * invocation's rows in a part of their own, and the parts are assembled into {@code {file}.rejects.csv} when the
 * file is done.
 */
final class RejectOutput {

    /** A rejected row waiting to be written to the report in row order. */
    private record Rejected(long row, RejectReason reason, String message, List<String> cells) {
    }

    private final ObjectSink reports;
    private final ContactFileKey key;
    private final ContactFileReader.Layout layout;
    private final RejectsReport rejects;
    private final List<Rejected> window = new ArrayList<>();
    private int parts;

    /** @param parts the parts earlier invocations stored */
    RejectOutput(ObjectSink reports, ContactFileKey key, ContactFileReader.Layout layout, boolean firstLeg, int parts) {
        this.reports = reports;
        this.key = key;
        this.layout = layout;
        this.rejects = RejectsReport.start(layout, firstLeg);
        this.parts = parts;
    }

    void add(long row, RejectReason reason, String message, List<String> cells) {
        window.add(new Rejected(row, reason, message, cells));
    }

    /** Rows waiting to be written. */
    int waiting() {
        return window.size();
    }

    int parts() {
        return parts;
    }

    /** Writes the waiting rows, in row order. */
    void flush() {
        window.sort(Comparator.comparingLong(Rejected::row));
        for (Rejected r : window) {
            rejects.add(r.row(), r.reason(), r.message(), r.cells());
        }
        window.clear();
    }

    /** Stores what this invocation wrote as the next part: the next invocation goes on from it. */
    void storePart() {
        Path part = rejects.finish();
        try {
            parts++;
            reports.put(partKey(parts), part, RejectsReport.contentType(layout));
        } finally {
            RejectsReport.delete(part);
        }
    }

    /** The whole report in place: this invocation's rows, after every part stored before. */
    void finish() {
        String rejectsKey = key.reportPrefix() + ".rejects.csv";
        if (parts == 0) {
            Path whole = rejects.finish();
            try {
                reports.put(rejectsKey, whole, RejectsReport.contentType(layout));
            } finally {
                RejectsReport.delete(whole);
            }
        } else {
            storePart();
            assembleParts(rejectsKey);
        }
    }

    /** Removes the parts once the whole report is in place. */
    void deleteParts() {
        for (int part = 1; part <= parts; part++) {
            reports.delete(partKey(part));
        }
    }

    void discard() {
        RejectsReport.delete(rejects.finish());
    }

    private String partKey(int part) {
        return key.reportPrefix() + ".rejects.part" + part + ".csv";
    }

    private void assembleParts(String rejectsKey) {
        Path whole = null;
        try {
            whole = Files.createTempFile("rejects-", ".csv");
            try (OutputStream out = Files.newOutputStream(whole)) {
                for (int part = 1; part <= parts; part++) {
                    try (InputStream in = reports.open(partKey(part))) {
                        in.transferTo(out);
                    }
                }
            }
            reports.put(rejectsKey, whole, RejectsReport.contentType(layout));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (whole != null) {
                RejectsReport.delete(whole);
            }
        }
    }
}
