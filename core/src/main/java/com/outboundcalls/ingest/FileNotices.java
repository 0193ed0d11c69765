package com.outboundcalls.ingest;

import com.outboundcalls.files.Html;
import com.outboundcalls.mail.Mail;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The mail that tells a client space user its contact file was processed (or could not be read): counts, the
 * reasons rows were set aside, where the report is. Only the person who asked for the upload link is told; a file
 * an operator sent for the client is not mailed about.
 */
public final class FileNotices {

    private static final String USER = "user:";

    private FileNotices() {
    }

    /** The mail for a file's final summary, if someone is to be told. */
    public static Optional<Mail> processed(IngestSummary summary, Upload upload) {
        boolean done = IngestSummary.PROCESSED.equals(summary.status()) || IngestSummary.REFUSED.equals(summary.status());
        if (!done || upload == null || upload.requestedBy() == null || !upload.requestedBy().startsWith(USER)) {
            return Optional.empty();
        }
        String to = upload.requestedBy().substring(USER.length());
        String name = upload.fileName();
        String text;
        if (IngestSummary.REFUSED.equals(summary.status())) {
            text = "Bonjour,\n\nLe fichier « " + name + " » déposé pour la campagne " + upload.campaignId()
                    + " n'a pas pu être lu : " + summary.refusal() + "\nAucun contact n'en a été retenu.\n";
        } else {
            String reasons = summary.rejectedByReason().entrySet().stream()
                    .map(e -> e.getValue() + " " + e.getKey().name()).collect(Collectors.joining(", "));
            text = "Bonjour,\n\nLe fichier « " + name + " » déposé pour la campagne " + upload.campaignId()
                    + " est traité : " + summary.rowsRead() + " lignes lues, " + summary.accepted()
                    + " contacts retenus, " + summary.rejected() + " lignes écartées"
                    + (reasons.isEmpty() ? "" : " (" + reasons + ")") + ".\n";
        }
        text += "Le rapport détaillé est dans votre espace client, rubrique Campagnes.\n";
        String html = "<p>" + Html.escape(text).replace("\n\n", "</p><p>").replace("\n", "<br>") + "</p>";
        return Optional.of(new Mail("file-processed#" + summary.file() + "#" + summary.version(), List.of(to),
                "Fichier de contacts traité : " + name, text, html));
    }
}
