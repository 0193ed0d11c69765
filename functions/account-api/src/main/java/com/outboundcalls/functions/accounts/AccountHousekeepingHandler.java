package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.AccountRecords;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.CalleeDataRetention;
import com.outboundcalls.account.ClientProfile;
import com.outboundcalls.aws.DynamoRetentionMarks;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.StructuredLog;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Every night: accounts whose last day of service has passed are terminated (their campaigns stop calling),
 * each change audited as made by this function; and the callees' data of ended campaigns is given its expiry, then
 * their reports deleted once it has come ({@link CalleeDataRetention}); callee erasures still pending an hour after
 * they were asked are handed to the erasure queue again; a terminated client's users lose access and its data is
 * returned, then deleted after the grace period ({@link com.outboundcalls.erasure.ContractEndData}). A re-run finds nothing more to do.
 */
public final class AccountHousekeepingHandler implements RequestHandler<Map<String, Object>, String> {

    /** The actor the audit trail names for these changes. */
    static final Actor HOUSEKEEPING = Actor.operator("system:account-housekeeping");

    private final AccountAdministration admin;
    private final AccountRecords records;
    private final CalleeDataRetention retention;
    private final AccountRoutes.ErasureStarts erasureStarts;
    private final com.outboundcalls.erasure.ContractEndData contractEnd;
    private final StructuredLog log = new StructuredLog("account-housekeeping");

    public AccountHousekeepingHandler() {
        this(FunctionRuntime.system());
    }

    public AccountHousekeepingHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private AccountHousekeepingHandler(Wiring wiring) {
        this(wiring.accountRecords(), new AccountAdministration(wiring.accountRecords(),
                wiring.require("DEFAULT_CALLER_ID"), wiring.clock()),
                new CalleeDataRetention(wiring.accountRecords(), wiring.contactBook(),
                        wiring.objectSink(wiring.require("REPORT_BUCKET")),
                        new DynamoRetentionMarks(wiring.dynamoDb(), wiring.require("ACCOUNTS_TABLE")),
                        Duration.ofDays(wiring.optionalLong("CALLEE_DATA_RETENTION_DAYS", 90)),
                        (int) wiring.optionalLong("RETENTION_CONTACTS_PER_RUN", 20_000), wiring.clock()),
                AccountsApiHandler.erasureStarts(wiring), contractEnd(wiring));
    }

    private static com.outboundcalls.erasure.ContractEndData contractEnd(Wiring wiring) {
        String bucket = wiring.require("REPORT_BUCKET");
        return new com.outboundcalls.erasure.ContractEndData(wiring.accountRecords(), new AccountAdministration(
                wiring.accountRecords(), wiring.require("DEFAULT_CALLER_ID"), wiring.clock(), wiring.userDirectory()),
                wiring.contactBook(), wiring.contactBook(), new com.outboundcalls.aws.S3StoredFiles(wiring.s3(), bucket),
                wiring.objectSink(bucket), wiring.mailer(), new com.outboundcalls.aws.DynamoContractEndStages(
                        wiring.dynamoDb(), wiring.require("ACCOUNTS_TABLE")), wiring.require("RETURN_DOWNLOAD_BASE"),
                Duration.ofDays(wiring.optionalLong("CONTRACT_END_GRACE_DAYS", 30)),
                (int) wiring.optionalLong("RETENTION_CONTACTS_PER_RUN", 20_000), wiring.clock());
    }

    public AccountHousekeepingHandler(AccountRecords records, AccountAdministration admin,
                                      CalleeDataRetention retention, AccountRoutes.ErasureStarts erasureStarts,
                                      com.outboundcalls.erasure.ContractEndData contractEnd) {
        this.contractEnd = contractEnd;
        this.erasureStarts = erasureStarts;
        this.records = records;
        this.admin = admin;
        this.retention = retention;
    }

    @Override
    public String handleRequest(Map<String, Object> input, Context context) {
        List<String> ending = records.profiles().stream().filter(p -> p.terminatesOn() != null)
                .map(ClientProfile::clientId).toList();
        List<String> terminated = admin.terminateDue(HOUSEKEEPING, ending);
        terminated.forEach(id -> log.info("account_terminated", "clientId", id));
        // An erasure asked for over an hour ago and still pending: its hand-over was lost, or it is still waiting.
        admin.stalledErasures(Duration.ofHours(1)).forEach(request -> {
            erasureStarts.start(request.clientId(), request.requestId());
            log.info("erasure_handed_on_again", "clientId", request.clientId(), "requestId", request.requestId());
        });
        com.outboundcalls.erasure.ContractEndData.Result ended = contractEnd.run();
        ended.returned().forEach(id -> log.info("contract_end_data_returned", "clientId", id));
        ended.deleted().forEach(id -> log.info("contract_end_data_deleted", "clientId", id));
        CalleeDataRetention.Result kept = retention.run();
        kept.started().forEach(key -> log.info("callee_data_retention_started", "campaign", key));
        kept.reportsDeleted().forEach(key -> log.info("campaign_reports_deleted", "campaign", key));
        log.info("callee_data_expiries_given", "contacts", kept.contactsGivenAnExpiry());
        return terminated.size() + " account(s) terminated, " + kept.contactsGivenAnExpiry()
                + " contact(s) given an expiry, " + kept.reportsDeleted().size() + " campaign(s)' reports deleted";
    }
}
