package com.outboundcalls.rate;

/**
 * Whether a Connect contact is a call this system placed: the dialer starts each call with the contact's own
 * attributes (client, campaign, contact), which any other contact of the instance lacks.
 */
@FunctionalInterface
public interface CallOrigins {

    boolean placedByThisSystem(String connectContactId);
}
