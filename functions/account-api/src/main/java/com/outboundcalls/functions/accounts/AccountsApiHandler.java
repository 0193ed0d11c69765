package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.AccountRecords;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.ClientSpaceAccess;
import com.outboundcalls.account.OperatorAllowList;
import com.outboundcalls.account.RequestRefused;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.ingest.ContactIngestion;
import com.outboundcalls.ingest.UploadGrants;
import com.outboundcalls.lambda.HttpApiHandler;
import com.outboundcalls.lambda.HttpJson;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.StructuredLog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.outboundcalls.lambda.HttpJson.error;
import static com.outboundcalls.lambda.HttpJson.json;

/**
 * The accounts API (API Gateway HTTP APIs, payload 2.0), for two audiences through two doors: on
 * {@code AccountsApi} (IAM-authorized) the operators' routes, and on {@code ClientSpaceApi} (the user pool's JWTs)
 * the client routes for the people of a client's firm, each as its role allows (users, notices and upload links
 * included: {@code /client/users}, {@code GET /client/notices}, {@code POST /client/campaigns/{id}/uploads}):
 * <ul>
 *   <li>{@code /operator/...}: operators, on every account: {@code POST /operator/clients} onboards a client,
 *       {@code GET /operator/clients} lists them, and {@code /operator/clients/{clientId}/...} reaches one
 *       client's account with every route below, plus the operator-only ones (update, subscription, suspend,
 *       reactivate, terminate, sub-accounts, users, provider-numbers, caller-id decisions);</li>
 *   <li>{@code /client/...}: a client space user, on its own client's account only, which comes from the
 *       user's token, never from the request: {@code GET /client/account}, campaigns
 *       ({@code GET/POST /client/campaigns}, {@code GET/PATCH /client/campaigns/{id}},
 *       {@code POST /client/campaigns/{id}/start|pause|resume|finish}, {@code GET .../reports}), its dashboard
 *       ({@code GET /client/dashboard}: links to the page, JSON and CSV), caller-ID
 *       requests ({@code POST /client/caller-ids}), the contact-file format ({@code GET/PUT
 *       /client/contact-file-format}), opposition entries ({@code POST /client/oppositions},
 *       {@code DELETE /client/oppositions/{number}}, {@code POST /client/oppositions/imports} for a link to upload a
 *       suppression file), callee erasures ({@code POST /client/erasures}, {@code GET /client/erasures[/{id}]})
 *       and the audit trail ({@code GET /client/audit}).</li>
 * </ul>
 * JSON in and out. A refused request changes nothing: 400 lists every field at fault, 404 says nothing of
 * what exists outside the caller's reach, 409 answers a stale version or a change the current state refuses.
 */
public final class AccountsApiHandler implements HttpApiHandler {

    private final ClientSpaceAccess access;
    private final OperatorAllowList operators;
    private final OperatorRoutes operator;
    private final AccountRoutes account;
    private final com.outboundcalls.erasure.ReturnDownloads returns;
    private final com.outboundcalls.aws.S3Links files;
    private final StructuredLog log = new StructuredLog("accounts-api");

    public AccountsApiHandler() {
        this(FunctionRuntime.system());
    }

    public AccountsApiHandler(FunctionRuntime runtime) {
        this(new Wiring(runtime));
    }

    private AccountsApiHandler(Wiring wiring) {
        this(wiring.accountRecords(), new AccountAdministration(wiring.accountRecords(),
                        wiring.require("DEFAULT_CALLER_ID"), wiring.clock(), wiring.userDirectory()),
                wiring.links(wiring.require("CONTACT_BUCKET")), dashboardRequests(wiring),
                new UploadGrants(wiring.uploads(), wiring.optionalLong("MAX_FILE_MEGABYTES",
                        ContactIngestion.Limits.DEFAULT.maxFileBytes() >> 20) << 20, wiring.clock()),
                OperatorAllowList.parse(wiring.optional("OPERATOR_PRINCIPALS")), erasureStarts(wiring),
                new com.outboundcalls.erasure.ReturnDownloads(new com.outboundcalls.aws.DynamoContractEndStages(
                        wiring.dynamoDb(), wiring.require("ACCOUNTS_TABLE")), wiring.clock()));
        // Before a snapshot: a client space user of no client (its access read, refused) and an operator route
        // from a principal that is no operator (refused): routing, reads, logging and responses, nothing written.
        wiring.primeWith(() -> PrimingEvents.httpApi(this, "GET", "/client/campaigns", true));
        wiring.primeWith(() -> PrimingEvents.httpApi(this, "GET", "/operator/clients", false));
    }

    /** @param operators the provider's staff, who alone act on the operator routes (besides their IAM policy) */
    AccountsApiHandler(AccountRecords records, AccountAdministration admin, com.outboundcalls.aws.S3Links files,
                       AccountRoutes.DashboardRequests dashboardRequests, UploadGrants uploads,
                       OperatorAllowList operators, AccountRoutes.ErasureStarts erasureStarts,
                       com.outboundcalls.erasure.ReturnDownloads returns) {
        this.returns = returns;
        this.files = files;
        this.operators = operators;
        this.access = new ClientSpaceAccess(records);
        this.account = new AccountRoutes(admin, files, dashboardRequests, uploads, erasureStarts);
        this.operator = new OperatorRoutes(admin, records, account);
    }

    /** A message on the dashboard requests queue: the campaign's report and its client's dashboard, rewritten now. */
    private static AccountRoutes.DashboardRequests dashboardRequests(Wiring wiring) {
        String queueUrl = wiring.require("DASHBOARD_QUEUE_URL");
        return (clientId, campaignId) -> wiring.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(
                com.outboundcalls.json.JsonTrees.write(HttpJson.object().put("clientId", clientId).put("campaignId", campaignId))));
    }

    /** A message on the erasure queue: the request the erasure function takes up. */
    static AccountRoutes.ErasureStarts erasureStarts(Wiring wiring) {
        String queueUrl = wiring.require("ERASURE_QUEUE_URL");
        return (clientId, requestId) -> wiring.sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(
                com.outboundcalls.json.JsonTrees.write(HttpJson.object().put("clientId", clientId).put("requestId", requestId))));
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String method = HttpJson.method(event);
        List<String> path = HttpJson.segments(event.getRawPath());
        Optional<Map<String, String>> claims = HttpJson.jwtClaims(event);
        String principal = claims.map(c -> "user:" + c.get("email")).orElseGet(() -> Requests.principal(event));
        try {
            APIGatewayV2HTTPResponse response;
            if (claims.isPresent()) {
                response = clientSpace(claims.get(), method, path, event);
            } else if (path.size() == 2 && path.get(0).equals("returns") && method.equals("GET")) {
                // A terminated client's returned data, by the token its mail carries (the route is open).
                response = returns.archiveFor(path.get(1))
                        .map(key -> APIGatewayV2HTTPResponse.builder().withStatusCode(302)
                                .withHeaders(Map.of("Location", files.downloadUnchecked(key), "Cache-Control", "no-store"))
                                .build())
                        .orElseGet(() -> error(404, "this link is unknown or has expired: the data it gave was deleted"));
            } else if (!path.isEmpty() && path.get(0).equals("operator") && !operators.allows(principal)) {
                response = error(403, "this identity is not one of the provider's operators (OperatorPrincipals)");
            } else if (!path.isEmpty() && path.get(0).equals("operator")) {
                response = operator.route(Actor.operator(principal), method, path.subList(1, path.size()), event);
            } else if (!path.isEmpty() && path.get(0).equals("client")) {
                // The client routes are the client space's: a user of the pool, never an IAM identity.
                response = error(403, "the client routes take a client space user's token");
            } else {
                response = error(404, "no such route");
            }
            log.info("request", "method", method, "route", event.getRouteKey(), "status", response.getStatusCode(),
                    "principal", Requests.loggable(principal));
            return response;
        } catch (RequestRefused.Invalid e) {
            ObjectNode body = HttpJson.object();
            body.put("error", "the request has errors");
            ArrayNode fields = body.putArray("fields");
            e.errors().forEach(f -> fields.addObject().put("field", f.field()).put("message", f.message()));
            return json(400, body);
        } catch (RequestRefused.NotFound e) {
            return error(404, e.getMessage());
        } catch (RequestRefused.StaleVersion e) {
            ObjectNode body = HttpJson.object();
            body.put("error", e.getMessage());
            body.put("currentVersion", e.current());
            return json(409, body);
        } catch (RequestRefused.Conflict e) {
            return error(409, e.getMessage());
        } catch (RequestRefused.Forbidden e) {
            return error(403, e.getMessage());
        }
    }

    /**
     * A client space user (the pool's ID token, checked by the API's JWT authorizer): its client and role come
     * from the token, and its access must still hold on this request.
     */
    private APIGatewayV2HTTPResponse clientSpace(Map<String, String> claims, String method, List<String> path,
                                                 APIGatewayV2HTTPEvent event) {
        if (path.isEmpty() || !path.get(0).equals("client")) {
            return error(404, "no such route");
        }
        Actor actor = access.actor(claims);
        if (path.size() >= 2 && path.get(1).equals("sub-accounts")) {
            if (path.size() == 2 && method.equals("GET")) {
                ArrayNode subAccounts = HttpJson.array();
                access.subAccounts(actor).forEach(p -> subAccounts.add(AccountViews.view(p, false)));
                return json(200, subAccounts);
            }
            if (path.size() >= 3) {
                // An administrator on one of its sub-accounts: every client route, on that account.
                Actor onSub = access.onSubAccount(actor, path.get(2));
                return account.route(onSub, onSub.clientId(), method, path.subList(3, path.size()), event);
            }
            return error(404, "no such route");
        }
        return account.route(actor, actor.clientId(), method, path.subList(1, path.size()), event);
    }
}
