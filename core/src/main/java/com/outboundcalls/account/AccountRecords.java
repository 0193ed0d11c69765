package com.outboundcalls.account;

import com.outboundcalls.contact.OppositionList;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where administration reads accounts and writes its changes. A {@link Change} is applied whole or not at all,
 * with its audit entries: there is never a change without its record, nor a record without its change.
 */
public interface AccountRecords {

    Optional<ClientProfile> profile(String clientId);

    Optional<BillingAccount> billing(String clientId);

    /** A campaign and its version. */
    record VersionedCampaign(Campaign campaign, long version) {
    }

    Optional<VersionedCampaign> campaign(String clientId, String campaignId);

    List<VersionedCampaign> campaigns(String clientId);

    /** Every account, by id. */
    List<ClientProfile> profiles();

    /** The accounts whose parent is this one. */
    List<ClientProfile> subAccounts(String parentClientId);

    /** A client space user by e-mail address, whatever its client. */
    Optional<ClientUser> user(String email);

    /** A client's users, removed ones included, by address. */
    List<ClientUser> users(String clientId);

    /** A contact-file format as agreed from a moment on. */
    record FormatVersion(int version, ContactFileFormat format, Instant inForceFrom, String agreedBy) {
    }

    List<FormatVersion> formats(String clientId);

    /** A callee erasure request of the client. */
    Optional<ErasureRequest> erasure(String clientId, String requestId);

    /** The client's callee erasure requests, oldest first. */
    List<ErasureRequest> erasures(String clientId);

    /** The account's audit trail, oldest first. */
    List<AuditEntry> audit(String clientId);

    /**
     * Applies every write of the change and appends its audit entries, atomically. A profile or campaign write
     * names the version it replaces (0: it must not exist yet).
     *
     * @throws RequestRefused.StaleVersion when one of those is no longer the current version
     * @throws RequestRefused.Conflict     when something to create already exists
     */
    void commit(Change change);

    /** Writes that go together. */
    record Change(List<Write> writes, List<AuditEntry> audit) {
        public Change {
            writes = List.copyOf(writes);
            audit = List.copyOf(audit);
        }
    }

    sealed interface Write {
    }

    /** The profile at {@code profile.version()}, replacing {@code replaces} (0 for a new account). */
    record ProfileWrite(ClientProfile profile, long replaces) implements Write {
    }

    record BillingWrite(BillingAccount account) implements Write {
    }

    /** The campaign at version {@code replaces + 1}. */
    record CampaignWrite(Campaign campaign, long replaces) implements Write {
    }

    record FormatWrite(String clientId, FormatVersion format) implements Write {
    }

    record OppositionAdd(OppositionList.Opposition opposition) implements Write {
    }

    record OppositionRemove(String clientId, String e164) implements Write {
    }

    /** A callee erasure request, created (refused if its id exists) or replaced by its completion. */
    record ErasureWrite(ErasureRequest request, boolean replacing) implements Write {
    }

    /** A client space user's record: created ({@code replacing} false, refused if it exists) or replaced. */
    record UserWrite(ClientUser user, boolean replacing) implements Write {
    }
}
