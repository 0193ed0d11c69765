package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.ClientProfile;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.DynamoAccountRecords;
import com.outboundcalls.aws.FunctionRuntime;
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
    private final DynamoAccountRecords records;
    private final StructuredLog log = new StructuredLog("account-housekeeping");

    public AccountHousekeepingHandler() {
        this(FunctionRuntime.system());
    }

    public AccountHousekeepingHandler(FunctionRuntime runtime) {
        AwsClients clients = new AwsClients(runtime.environment());
        this.records = new DynamoAccountRecords(clients.dynamoDb(), runtime.require("ACCOUNTS_TABLE"),
                runtime.require("OPPOSITIONS_TABLE"));
        this.admin = new AccountAdministration(records, runtime.require("DEFAULT_CALLER_ID"), runtime.clock());
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
