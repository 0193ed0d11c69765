package com.outboundcalls.account;

import com.outboundcalls.account.AccountRecords.Change;
import com.outboundcalls.account.AccountRecords.OppositionAdd;
import com.outboundcalls.account.AccountRecords.OppositionRemove;
import com.outboundcalls.contact.OppositionList;

import java.util.List;
import java.util.Map;

/** A client's opposition list as the client keeps it: numbers added or withdrawn with a reason, files sent. */
final class OppositionEntries {

    private final AccountLedger ledger;

    OppositionEntries(AccountLedger ledger) {
        this.ledger = ledger;
    }

    /** Puts a number on the client's opposition list: it is never called again for this client. */
    public String oppose(Actor actor, String clientId, String number, String reason) {
        AccountRules.requireScope(actor, clientId);
        String e164 = ledger.callable("number", number, clientId);
        if (AccountRules.blank(reason)) {
            throw RequestRefused.Invalid.field("reason", "say why the number must not be called");
        }
        ledger.records().commit(new Change(List.of(new OppositionAdd(new OppositionList.Opposition(clientId, e164,
                "api: " + reason.strip(), ledger.clock().instant()))), List.of(ledger.entry(actor, clientId, "opposition.added",
                "opposition/" + AuditFields.masked(e164), Map.of(), Map.of("reason", reason.strip())))));
        return e164;
    }

    /** Takes a number off the client's list (not off the provider's list for every client). */
    public String withdrawOpposition(Actor actor, String clientId, String number, String reason) {
        AccountRules.requireScope(actor, clientId);
        String e164 = ledger.callable("number", number, clientId);
        if (AccountRules.blank(reason)) {
            throw RequestRefused.Invalid.field("reason", "say why the number may be called again");
        }
        ledger.records().commit(new Change(List.of(new OppositionRemove(clientId, e164)), List.of(ledger.entry(actor, clientId,
                "opposition.removed", "opposition/" + AuditFields.masked(e164), Map.of(), Map.of("reason", reason.strip())))));
        return e164;
    }

    /** Records that the client is sending a suppression file (its entries are imported from the bucket). */
    public void recordOppositionImport(Actor actor, String clientId, String fileName) {
        AccountRules.requireScope(actor, clientId);
        ledger.profileOf(clientId);
        ledger.records().commit(new Change(List.of(), List.of(ledger.entry(actor, clientId, "opposition.import-requested",
                "config/opposition/" + clientId + "/" + fileName, Map.of(), Map.of("fileName", fileName)))));
    }
}
