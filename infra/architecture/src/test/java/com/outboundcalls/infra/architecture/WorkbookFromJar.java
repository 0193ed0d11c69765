package com.outboundcalls.infra.architecture;

import com.outboundcalls.ingest.ContactFileReader;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Run in a fresh JVM whose class path is the contact-ingest jar and this class: prints a workbook's layout, then
 * each row's number and cells, as the jar reads them.
 */
public final class WorkbookFromJar {

    private WorkbookFromJar() {
    }

    public static void main(String[] args) throws IOException {
        try (InputStream in = new FileInputStream(args[0]);
             ContactFileReader.Rows rows = new ContactFileReader().open(in, null)) {
            System.out.println(rows.layout().kind() + " " + rows.layout().header());
            for (ContactFileReader.Row row = rows.next(); row != null; row = rows.next()) {
                System.out.println(row.row() + " " + row.cells());
            }
        }
    }
}
