package com.outboundcalls.erasure;

import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.AccountRecords;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.Client;
import com.outboundcalls.account.ClientProfile;
import com.outboundcalls.account.ClientUser;
import com.outboundcalls.contact.ContactBook;
import com.outboundcalls.contact.ContactRecord;
import com.outboundcalls.files.ObjectSink;
import com.outboundcalls.files.SafeCsv;
import com.outboundcalls.files.StoredFiles;
import com.outboundcalls.mail.Mail;
import com.outboundcalls.mail.Mailer;
import com.outboundcalls.time.Zones;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A client's callee data at the end of its contract (the processor's duty, GDPR art. 28(3)(g)): the night after
 * its last day its users lose access, and its data is returned, as one archive (its contacts, every campaign, with
 * where each stands, and its reports) that its billing address is mailed a link to; a stated grace period later,
 * everything is deleted: contacts with their histories, uploads, reports, the archive. Each step is audited; a run
 * does a bounded share and the next goes on.
 */
public final class ContractEndData {

    /** The actor the audit trail names for these steps. */
    public static final Actor HOUSEKEEPING = Actor.operator("system:contract-end");

    /**
     * Where a terminated client's data stands: the archive returned (its key, the digest of its download token, the
     * day its data is deleted), then deleted.
     */
    public record Stage(String clientId, String archiveKey, String tokenDigest, LocalDate deleteOn, Instant returnedAt,
                        boolean deleted) {
    }

    public interface Stages {
        Optional<Stage> of(String clientId);

        /** The stage whose download token has this digest. */
        Optional<Stage> byTokenDigest(String digest);

        void save(Stage stage);
    }

    /** What a night's run did. */
    public record Result(List<String> returned, List<String> deleted, long contactsDeleted) {
    }

    private static final SecureRandom TOKENS = new SecureRandom();

    private final AccountRecords accounts;
    private final AccountAdministration administration;
    private final ContactRecord.Source records;
    private final ContactBook contacts;
    private final StoredFiles files;
    private final ObjectSink bucket;
    private final Mailer mailer;
    private final Stages stages;
    private final String downloadBase;
    private final Duration grace;
    private final int contactsPerRun;
    private final Clock clock;

    /**
     * @param downloadBase where the archive is downloaded, the token appended ({@code https://.../returns/})
     * @param grace        how long after its return the data is deleted
     */
    public ContractEndData(AccountRecords accounts, AccountAdministration administration, ContactRecord.Source records,
                           ContactBook contacts, StoredFiles files, ObjectSink bucket, Mailer mailer, Stages stages,
                           String downloadBase, Duration grace, int contactsPerRun, Clock clock) {
        this.accounts = accounts;
        this.administration = administration;
        this.records = records;
        this.contacts = contacts;
        this.files = files;
        this.bucket = bucket;
        this.mailer = mailer;
        this.stages = stages;
        this.downloadBase = downloadBase;
        this.grace = grace;
        this.contactsPerRun = contactsPerRun;
        this.clock = clock;
    }

    /** A night's share for one client: nothing unless it is terminated, and nothing more once its data is deleted. */
    public Result run(String clientId) {
        LocalDate today = clock.instant().atZone(Zones.BILLING).toLocalDate();
        Optional<ClientProfile> found = accounts.profile(clientId);
        if (found.isEmpty() || found.get().client().status() != Client.AccountStatus.TERMINATED) {
            return new Result(List.of(), List.of(), 0);
        }
        ClientProfile profile = found.get();
        Optional<Stage> stage = stages.of(clientId);
        if (stage.isEmpty() || stage.get().returnedAt() == null) {
            endAccess(clientId);
            returnData(profile, today);
            return new Result(List.of(clientId), List.of(), 0);
        }
        if (stage.get().deleted() || today.isBefore(stage.get().deleteOn())) {
            return new Result(List.of(), List.of(), 0);
        }
        long contactsDeleted = 0;
        int budget = contactsPerRun;
        for (AccountRecords.VersionedCampaign campaign : accounts.campaigns(clientId)) {
            int done = contacts.deleteCampaign(campaign.campaign().key(), budget);
            contactsDeleted += done;
            budget -= done;
            if (budget <= 0) {
                // this campaign may have more: the next night goes on
                return new Result(List.of(), List.of(), contactsDeleted);
            }
        }
        for (String prefix : List.of("incoming/", "reports/", "returns/")) {
            bucket.deleteAllUnder(prefix + clientId + "/");
        }
        stages.save(new Stage(clientId, stage.get().archiveKey(), stage.get().tokenDigest(), stage.get().deleteOn(),
                stage.get().returnedAt(), true));
        administration.recordEvent(HOUSEKEEPING, clientId, "contract-end.callee-data.deleted", "client/" + clientId,
                Map.of("contactsDeleted", Long.toString(contactsDeleted)));
        return new Result(List.of(), List.of(clientId), contactsDeleted);
    }

    /** Its users, removed: disabled and signed out everywhere (the space already refuses a terminated client). */
    private void endAccess(String clientId) {
        for (ClientUser user : administration.users(HOUSEKEEPING, clientId)) {
            if (user.isActive()) {
                administration.removeUser(HOUSEKEEPING, clientId, user.email());
            }
        }
    }

    private void returnData(ClientProfile profile, LocalDate today) {
        String clientId = profile.clientId();
        String key = "returns/" + clientId + "/callee-data-" + profile.terminatesOn() + ".zip";
        Path archive = null;
        try {
            archive = Files.createTempFile("return", ".zip");
            long count;
            try (OutputStream out = Files.newOutputStream(archive); ZipOutputStream zip = new ZipOutputStream(out)) {
                count = writeContacts(zip, clientId);
                for (StoredFiles.StoredFile report : files.under("reports/" + clientId + "/")) {
                    zip.putNextEntry(new ZipEntry("reports/" + report.key().substring(("reports/" + clientId + "/").length())));
                    try (InputStream in = files.open(report.key())) {
                        in.transferTo(zip);
                    }
                    zip.closeEntry();
                }
            }
            bucket.put(key, archive, "application/zip");
            byte[] random = new byte[32];
            TOKENS.nextBytes(random);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
            LocalDate deleteOn = today.plusDays(grace.toDays());
            // The token works from the moment it is saved; a run cut before the end makes a new one, and a new mail.
            String tokenDigest = digest(token);
            stages.save(new Stage(clientId, key, tokenDigest, deleteOn, null, false));
            if (profile.billingEmail() != null) {
                mailer.send(returnMail(profile, downloadBase + token, deleteOn, tokenDigest));
            }
            administration.recordEvent(HOUSEKEEPING, clientId, "contract-end.callee-data.returned", key,
                    Map.of("contacts", Long.toString(count), "deleteOn", deleteOn.toString()));
            stages.save(new Stage(clientId, key, tokenDigest, deleteOn, clock.instant(), false));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (archive != null) {
                try {
                    Files.deleteIfExists(archive);
                } catch (IOException ignored) {
                    // a temporary file of this invocation
                }
            }
        }
    }

    private long writeContacts(ZipOutputStream zip, String clientId) throws IOException {
        zip.putNextEntry(new ZipEntry("contacts.csv"));
        zip.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        zip.write("campaign;number;status;attempts;sourceFile;sourceRow;lastEvent;lastEventAt\r\n"
                .getBytes(StandardCharsets.UTF_8));
        long[] count = {0};
        for (AccountRecords.VersionedCampaign campaign : accounts.campaigns(clientId)) {
            records.forEachInCampaign(campaign.campaign().key(), c -> {
                ContactRecord.Decision last = c.history().isEmpty() ? null : c.history().get(c.history().size() - 1);
                String line = SafeCsv.line(';', java.util.Arrays.asList(campaign.campaign().campaignId(), c.e164(),
                        c.status().name(), Integer.toString(c.attempts()), c.sourceFile() == null ? "" : c.sourceFile(),
                        Integer.toString(c.sourceRow()), last == null ? "" : last.event(),
                        last == null ? "" : last.at().toString()));
                try {
                    zip.write(line.getBytes(StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                count[0]++;
            });
        }
        zip.closeEntry();
        return count[0];
    }

    private static Mail returnMail(ClientProfile profile, String link, LocalDate deleteOn, String tokenDigest) {
        String text = "Bonjour,\n\nVotre contrat a pris fin le " + profile.terminatesOn() + ". Comme le prévoit le "
                + "contrat, nous vous restituons les données de vos contacts (chaque campagne, où en est chaque contact) "
                + "et vos rapports, en une archive à télécharger ici :\n\n" + link + "\n\nCes données seront "
                + "définitivement supprimées le " + deleteOn + " ; le lien cessera alors de fonctionner.\n";
        return new Mail("contract-end-return#" + profile.clientId() + "#" + tokenDigest.substring(0, 16),
                List.of(profile.billingEmail()), "Restitution de vos données avant suppression", text, null);
    }

    static String digest(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
