package com.outboundcalls.invoice;

import com.outboundcalls.account.BillingAccount;

import java.util.List;
import java.util.Optional;

/** Where billing accounts and the provider's own identity are read from. */
public interface BillingDirectory {

    Optional<BillingAccount> account(String clientId);

    /** Every billing account, in client order. */
    List<BillingAccount> accounts();

    /** The seller on every invoice. */
    Provider provider();

    /** A sub-account invoiced in a section of its parent's invoice. */
    record Section(String clientId, String name) {
    }

    /** The sections of each parent account's invoice, by parent; none by default. */
    default java.util.Map<String, List<Section>> sectionsByParent() {
        return java.util.Map.of();
    }

    /** The sections of one parent account's invoice, in client order. */
    default List<Section> sectionsOf(String parentClientId) {
        return sectionsByParent().getOrDefault(parentClientId, List.of());
    }

    /**
     * A client the directory holds, as the invoice run checks it: {@code parentClientId} is set when the client
     * is invoiced in a section of that parent's invoice.
     */
    record ClientEntry(String clientId, String parentClientId) {
    }

    /**
     * One page of the directory: the billing accounts and clients it holds, and where the next page starts (null
     * after the last). A client's billing account may sit on another page than the client.
     */
    record Page(List<BillingAccount> accounts, List<ClientEntry> clients, String next) {
    }

    /**
     * The page starting at {@code cursor} (null for the first), reading about {@code size} entries: what one
     * invocation of a run plans, whatever the number of clients. By default the whole directory in one page.
     */
    default Page page(String cursor, int size) {
        return new Page(accounts(), List.of(), null);
    }
}
