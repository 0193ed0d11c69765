package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.AccountRecords;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.CalleeDataRetention;
import com.outboundcalls.aws.DynamoRetentionMarks;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.erasure.ContractEndData;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.lambda.HttpJson;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.SqsBatch;
import com.outboundcalls.lambda.SqsHandler;
import com.outboundcalls.lambda.StructuredLog;

import java.time.Duration;
import java.util.List;

/**
 * The housekeeping queue, one client per message ({@code {"clientId"}}): its account terminated if its last day of
 * service has passed (its campaigns stop calling), each change audited as made by the housekeeping; its callee
 * erasures still pending an hour after they were asked handed to the erasure queue again; once terminated, its users'
 * access ended and its data returned, then deleted after the grace period ({@link ContractEndData}); the callees' data
 * of its ended campaigns given its expiry, then their reports deleted once it has come ({@link CalleeDataRetention}).
 * Each step does a bounded share and the next night goes on; a request delivered again finds its work done. One that
 * fails comes back alone (ReportBatchItemFailures) and, after its tries, waits in the dead-letter queue.
 */
public final class ClientHousekeepingHandler implements SqsHandler {

    /** The actor the audit trail names for these changes. */
    static final Actor HOUSEKEEPING = Actor.operator("system:account-housekeeping");

    private final AccountAdministration admin;
    private final AccountRecords records;
    private final CalleeDataRetention retention;
    private final AccountRoutes.ErasureStarts erasureStarts;
    private final ContractEndData contractEnd;
    private final StructuredLog log = new StructuredLog("client-housekeeping");
    private final SqsBatch batch = new SqsBatch(log);

    public ClientHousekeepingHandler() {
        this(FunctionRuntime.system());
    }

    public ClientHousekeepingHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private ClientHousekeepingHandler(Wiring wiring) {
        this(wiring.accountRecords(), new AccountAdministration(wiring.accountRecords(),
                wiring.require("DEFAULT_CALLER_ID"), wiring.clock()),
                new CalleeDataRetention(wiring.accountRecords(), wiring.contactBook(),
                        wiring.objectSink(wiring.require("REPORT_BUCKET")),
                        new DynamoRetentionMarks(wiring.dynamoDb(), wiring.require("ACCOUNTS_TABLE")),
                        Duration.ofDays(wiring.optionalLong("CALLEE_DATA_RETENTION_DAYS", 90)),
                        (int) wiring.optionalLong("RETENTION_CONTACTS_PER_RUN", 20_000), wiring.clock()),
                AccountsApiHandler.erasureStarts(wiring), contractEnd(wiring));
        wiring.primeDry(dry -> {
            ClientHousekeepingHandler night = new ClientHousekeepingHandler(dry);
            return () -> PrimingEvents.sqs(night, "{\"clientId\":\"" + PrimingEvents.NOBODY + "\"}");
        });
    }

    private static ContractEndData contractEnd(Wiring wiring) {
        String bucket = wiring.require("REPORT_BUCKET");
        return new ContractEndData(wiring.accountRecords(), new AccountAdministration(
                wiring.accountRecords(), wiring.require("DEFAULT_CALLER_ID"), wiring.clock(), wiring.userDirectory()),
                wiring.contactRecords(), wiring.contactBook(), new com.outboundcalls.aws.S3StoredFiles(wiring.s3(), bucket),
                wiring.objectSink(bucket), wiring.mailer(), new com.outboundcalls.aws.DynamoContractEndStages(
                        wiring.dynamoDb(), wiring.require("ACCOUNTS_TABLE")), wiring.require("RETURN_DOWNLOAD_BASE"),
                Duration.ofDays(wiring.optionalLong("CONTRACT_END_GRACE_DAYS", 30)),
                (int) wiring.optionalLong("RETENTION_CONTACTS_PER_RUN", 20_000), wiring.clock());
    }

    public ClientHousekeepingHandler(AccountRecords records, AccountAdministration admin,
                                     CalleeDataRetention retention, AccountRoutes.ErasureStarts erasureStarts,
                                     ContractEndData contractEnd) {
        this.contractEnd = contractEnd;
        this.erasureStarts = erasureStarts;
        this.records = records;
        this.admin = admin;
        this.retention = retention;
    }

    @Override
    public SQSBatchResponse handleRequest(SQSEvent event, Context context) {
        return batch.process(event, message -> {
            String clientId;
            try {
                clientId = HttpJson.read(message.getBody()).path("clientId").asText(null);
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("a housekeeping request is JSON", e);
            }
            if (clientId == null || clientId.isBlank()) {
                throw new IllegalArgumentException("a housekeeping request names its clientId");
            }
            housekeep(clientId);
        });
    }

    private void housekeep(String clientId) {
        if (records.profile(clientId).filter(p -> p.terminatesOn() != null).isPresent()) {
            admin.terminateDue(HOUSEKEEPING, List.of(clientId))
                    .forEach(id -> log.info("account_terminated", "clientId", id));
        }
        // An erasure asked for over an hour ago and still pending: its hand-over was lost, or it is still waiting.
        admin.stalledErasures(clientId, Duration.ofHours(1)).forEach(request -> {
            erasureStarts.start(request.clientId(), request.requestId());
            log.info("erasure_handed_on_again", "clientId", request.clientId(), "requestId", request.requestId());
        });
        ContractEndData.Result ended = contractEnd.run(clientId);
        ended.returned().forEach(id -> log.info("contract_end_data_returned", "clientId", id));
        ended.deleted().forEach(id -> log.info("contract_end_data_deleted", "clientId", id));
        CalleeDataRetention.Result kept = retention.run(clientId);
        kept.started().forEach(key -> log.info("callee_data_retention_started", "campaign", key));
        kept.reportsDeleted().forEach(key -> log.info("campaign_reports_deleted", "campaign", key));
        if (kept.contactsGivenAnExpiry() > 0) {
            log.info("callee_data_expiries_given", "clientId", clientId, "contacts", kept.contactsGivenAnExpiry());
        }
    }
}
