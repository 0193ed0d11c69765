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
}
