package com.outboundcalls.ingest;

import com.outboundcalls.files.SafeCsv;
import com.outboundcalls.phone.RejectReason;
import de.siegmar.fastcsv.writer.CsvWriter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The rejects report of a file, written to a temporary file as rows are rejected so memory does not grow
 * with the file: columns {@code row}, {@code reason}, {@code message}, then the file's own columns, in the
 * file's own encoding and delimiter (UTF-8 with BOM and {@code ;} for a workbook), every cell made safe
 * for a spreadsheet.
 */
final class RejectsReport implements AutoCloseable {

    private final Path file;
    private final CsvWriter csv;
    private boolean closed;

    private RejectsReport(Path file, CsvWriter csv) {
        this.file = file;
        this.csv = csv;
    }

    /** A report part; the first part of a file carries the BOM (if the file had one) and the header line. */
    static RejectsReport start(ContactFileReader.Layout layout, boolean firstPart) {
        try {
            Path file = Files.createTempFile("rejects-", ".csv");
            OutputStream out = Files.newOutputStream(file);
            boolean workbook = layout.kind() == ContactFileReader.Kind.XLSX;
            Charset charset = Charset.forName(workbook ? TextEncoding.UTF_8 : layout.encoding());
            if (firstPart && (workbook || layout.bom())) {
                out.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
            }
            CharsetEncoder encoder = charset.newEncoder().onUnmappableCharacter(CodingErrorAction.REPLACE)
                    .onMalformedInput(CodingErrorAction.REPLACE);
            CsvWriter csv = CsvWriter.builder().fieldSeparator(workbook ? ';' : layout.delimiter())
                    .build(new BufferedWriter(new OutputStreamWriter(out, encoder), 1 << 16));
            RejectsReport report = new RejectsReport(file, csv);
            if (firstPart) {
                List<String> header = new ArrayList<>(List.of("row", "reason", "message"));
                header.addAll(layout.header());
                report.write(header);
            }
            return report;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void add(long row, RejectReason reason, String message, List<String> cells) {
        List<String> line = new ArrayList<>(cells.size() + 3);
        line.add(Long.toString(row));
        line.add(reason.name());
        line.add(message);
        line.addAll(cells);
        write(line);
    }

    private void write(List<String> cells) {
        List<String> safe = new ArrayList<>(cells.size());
        for (String cell : cells) {
            safe.add(SafeCsv.cell(cell));
        }
        csv.writeRecord(safe);
    }

    /** Closes the report and hands over its file. */
    Path finish() {
        close();
        return file;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            csv.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String contentType(ContactFileReader.Layout layout) {
        String charset = layout.kind() == ContactFileReader.Kind.XLSX ? "utf-8"
                : layout.encoding().toLowerCase(java.util.Locale.ROOT);
        return "text/csv; charset=" + charset;
    }
}
