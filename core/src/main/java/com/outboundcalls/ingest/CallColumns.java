package com.outboundcalls.ingest;

import com.outboundcalls.account.Client;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Which columns of a file become the contact's attributes, stored and sent with its calls. An agreed format names
 * them. A file read leniently keeps only those the client has marked as needed for the call
 * ({@link com.outboundcalls.account.CalleeDataTerms#callColumns()}): any other column (a birth date, a note) is
 * neither stored nor sent, and the file's summary names it.
 */
final class CallColumns {

    private CallColumns() {
    }

    /** The layout with only the attribute columns that may be kept. */
    static ContactFileReader.Layout kept(ContactFileReader.Layout layout, Client client) {
        if (client.contactFileFormat() != null) {
            return layout;
        }
        Map<Integer, String> marked = new LinkedHashMap<>();
        layout.attributeColumns().forEach((index, name) -> {
            if (client.calleeData().travels(name)) {
                marked.put(index, name);
            }
        });
        return new ContactFileReader.Layout(layout.kind(), layout.delimiter(), layout.encoding(), layout.bom(),
                layout.headerRow(), layout.header(), layout.width(), layout.phone(), layout.firstName(),
                layout.lastName(), layout.company(), layout.country(), layout.consent(), marked);
    }

    /** The header names of a lenient file's columns left out (not a known column, not marked); null when none. */
    static List<String> leftOut(ContactFileReader.Layout kept, Client client) {
        if (client.contactFileFormat() != null || !kept.headerRow()) {
            return null;
        }
        List<String> left = new ArrayList<>();
        List<String> header = kept.header();
        for (int i = 0; i < header.size(); i++) {
            boolean known = i == kept.phone() || i == kept.firstName() || i == kept.lastName() || i == kept.company()
                    || i == kept.country() || i == kept.consent() || kept.attributeColumns().containsKey(i);
            if (!known && !header.get(i).isBlank()) {
                left.add(header.get(i));
            }
        }
        return left.isEmpty() ? null : List.copyOf(left);
    }
}
