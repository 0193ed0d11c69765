package com.outboundcalls.account;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OperatorAllowListTest {

    @Test
    void onlyTheListedRolesTheirSessionsAndThePrefixesActAsOperators() {
        OperatorAllowList list = OperatorAllowList.parse(
                "arn:aws:iam::123456789012:role/ops-team, arn:aws:iam::123456789012:role/finance-*");
        assertTrue(list.allows("arn:aws:iam::123456789012:role/ops-team"));
        assertTrue(list.allows("arn:aws:sts::123456789012:assumed-role/ops-team/marie"), "a session of the role");
        assertTrue(list.allows("arn:aws:iam::123456789012:role/finance-paris"));
        assertFalse(list.allows("arn:aws:iam::123456789012:role/ops-team-2"));
        assertFalse(list.allows("arn:aws:sts::123456789012:assumed-role/intruder/ops-team"));
        assertFalse(list.allows("arn:aws:iam::999999999999:role/ops-team"), "another account");
        assertFalse(OperatorAllowList.parse("").allows("arn:aws:iam::123456789012:role/ops-team"), "empty: no one");
        assertFalse(list.allows(null));
    }
}
