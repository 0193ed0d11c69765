package com.outboundcalls.infra.localcloud;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RolePolicyTest {

    private static final String TABLE = "arn:aws:dynamodb:eu-west-3:000000000000:table/Contacts";

    private final RolePolicy role = new RolePolicy("Dialer", List.of(
            new RolePolicy.Statement(true, List.of("dynamodb:GetItem", "dynamodb:Query"), List.of(TABLE),
                    Map.of("ForAllValues:StringLike", Map.of("dynamodb:LeadingKeys", List.of("acme#*")))),
            new RolePolicy.Statement(false, List.of("dynamodb:Query"), List.of(TABLE),
                    Map.of("ForAnyValue:StringEquals", Map.of("dynamodb:LeadingKeys", List.of("acme#closed"))))));

    private static RolePolicy.Check query(String leadingKey) {
        return new RolePolicy.Check("dynamodb:Query", TABLE, Map.of("dynamodb:LeadingKeys", List.of(leadingKey)));
    }

    @Test
    void aCheckAskedAgainGetsTheSameAnswerWhetherAllowedOrDenied() {
        for (int i = 0; i < 3; i++) {
            assertTrue(role.allows(query("acme#legal")), "allowed through the Allow, every time");
            assertFalse(role.allows(query("acme#closed")), "the explicit Deny wins, every time");
            assertFalse(role.allows(query("other#legal")), "no Allow matches, every time");
        }
    }

    @Test
    void onlyTheGrantsAnAllowedCheckWentThroughAreUsedEvenWhenItsAnswerWasKnown() {
        assertFalse(role.allows(query("other#legal")));
        assertFalse(role.allows(query("other#legal")));
        assertEquals(List.of("dynamodb:GetItem on " + TABLE, "dynamodb:Query on " + TABLE), role.unusedGrants());

        assertTrue(role.allows(new RolePolicy.Check("dynamodb:GetItem", TABLE,
                Map.of("dynamodb:LeadingKeys", List.of("acme#legal")))));
        assertTrue(role.allows(query("acme#legal")));
        assertTrue(role.allows(query("acme#legal")));
        assertEquals(List.of(), role.unusedGrants());
    }
}
