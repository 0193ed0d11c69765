package com.outboundcalls.account;

import com.outboundcalls.account.RequestRefused.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The numbers a client's campaigns may present: the provider's numbers an operator assigns, and the client's
 * own numbers, checked against ARCEP's ranges when submitted and pending until an operator verifies them.
 */
final class CallerIds {

    private final AccountLedger ledger;

    CallerIds(AccountLedger ledger) {
        this.ledger = ledger;
    }

    /** Assigns one of the provider's numbers to the client. */
    public ClientProfile assignProviderNumber(Actor actor, String clientId, long version, String number) {
        AccountRules.requireOperator(actor);
        String e164 = presentable("number", number);
        ClientProfile before = ledger.current(clientId, version);
        if (before.providerNumbers().contains(e164)) {
            throw new RequestRefused.Conflict(e164 + " is already assigned to " + clientId);
        }
        List<String> assigned = new ArrayList<>(before.providerNumbers());
        assigned.add(e164);
        return ledger.saveProfile(actor, before, before.withProviderNumbers(assigned), "provider-number.assigned", List.of());
    }

    /**
     * A client's own number it wants to present, with the proof it may (e.g. the operator's attribution letter):
     * checked against ARCEP's ranges now, pending until an operator verifies it.
     */
    public ClientProfile submitCallerId(Actor actor, String clientId, String number, String proofReference) {
        AccountRules.requireScope(actor, clientId);
        List<FieldError> errors = new ArrayList<>();
        String e164 = null;
        try {
            e164 = presentable("number", number);
        } catch (RequestRefused.Invalid e) {
            errors.addAll(e.errors());
        }
        if (AccountRules.blank(proofReference)) {
            errors.add(new FieldError("proofReference", "required: the document proving the number is yours"));
        }
        AccountRules.refuseIf(errors);
        ClientProfile before = ledger.profileOf(clientId);
        Client.OwnNumber existing = before.client().ownNumbers().get(e164);
        if (existing != null && (existing.verification() == Client.Verification.PENDING
                || existing.verification() == Client.Verification.VERIFIED)) {
            throw new RequestRefused.Conflict(e164 + " is already " + existing.verification());
        }
        ClientProfile after = before.with(before.client().withOwnNumber(e164, Client.Verification.PENDING,
                proofReference.strip()));
        return ledger.saveProfile(actor, before, after, "caller-id.submitted", List.of());
    }

    /** An operator's decision on a client's own number: VERIFIED or REJECTED when pending, REVOKED when verified. */
    public ClientProfile decideCallerId(Actor actor, String clientId, String number, Client.Verification decision,
                                        String note) {
        AccountRules.requireOperator(actor);
        ClientProfile before = ledger.profileOf(clientId);
        Client.OwnNumber own = before.client().ownNumbers().get(number);
        if (own == null) {
            throw new RequestRefused.NotFound("caller ID " + number + " of " + clientId);
        }
        boolean allowed = switch (decision) {
            case VERIFIED, REJECTED -> own.verification() == Client.Verification.PENDING;
            case REVOKED -> own.verification() == Client.Verification.VERIFIED;
            case PENDING -> false;
        };
        if (!allowed) {
            throw new RequestRefused.Conflict("a " + own.verification() + " caller ID cannot become " + decision);
        }
        String proof = note == null || note.isBlank() ? own.proofReference() : own.proofReference() + " / " + note.strip();
        ClientProfile after = before.with(before.client().withOwnNumber(number, decision, proof));
        return ledger.saveProfile(actor, before, after, "caller-id." + decision.name().toLowerCase(Locale.ROOT),
                List.of());
    }

    String presentable(String field, String number) {
        String e164 = ledger.callable(field, number, null);
        CallerIdPolicy.refusal(e164).ifPresent(why -> {
            throw RequestRefused.Invalid.field(field, why);
        });
        return e164;
    }
}
