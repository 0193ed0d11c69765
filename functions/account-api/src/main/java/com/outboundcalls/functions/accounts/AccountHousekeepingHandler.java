package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.AccountRecords;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.ClientProfile;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.StructuredLog;

import java.util.List;
import java.util.Map;

/**
 * Every night: accounts whose last day of service has passed are terminated (their campaigns stop calling),
 * each change audited as made by this function. A re-run finds nothing more to do.
 */
public final class AccountHousekeepingHandler implements RequestHandler<Map<String, Object>, String> {

    /** The actor the audit trail names for these changes. */
    static final Actor HOUSEKEEPING = Actor.operator("system:account-housekeeping");

    private final AccountAdministration admin;
    private final AccountRecords records;
    private final StructuredLog log = new StructuredLog("account-housekeeping");

    public AccountHousekeepingHandler() {
        this(FunctionRuntime.system());
    }

    public AccountHousekeepingHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private AccountHousekeepingHandler(Wiring wiring) {
        this(wiring.accountRecords(), new AccountAdministration(wiring.accountRecords(),
                wiring.require("DEFAULT_CALLER_ID"), wiring.clock()));
    }

    public AccountHousekeepingHandler(AccountRecords records, AccountAdministration admin) {
        this.records = records;
        this.admin = admin;
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        List<String> ending = records.profiles().stream().filter(p -> p.terminatesOn() != null)
                .map(ClientProfile::clientId).toList();
        List<String> terminated = admin.terminateDue(HOUSEKEEPING, ending);
        terminated.forEach(id -> log.info("account_terminated", "clientId", id));
        return terminated.size() + " account(s) terminated";
    }
}
