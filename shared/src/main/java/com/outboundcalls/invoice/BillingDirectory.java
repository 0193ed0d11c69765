package com.outboundcalls.invoice;

import java.util.List;
import java.util.Optional;

/** Where billing accounts and the provider's own identity are read from. */
public interface BillingDirectory {

    Optional<BillingAccount> account(String clientId);

    /** Every billing account, in client order. */
    List<BillingAccount> accounts();

    /** The seller on every invoice. */
    Provider provider();
}
