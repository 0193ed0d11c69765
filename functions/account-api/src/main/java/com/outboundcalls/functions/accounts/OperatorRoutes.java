package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.AccountRecords;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.Client;
import com.outboundcalls.account.ClientAccounts;
import com.outboundcalls.account.ClientProfile;
import com.outboundcalls.account.RequestRefused;
import com.outboundcalls.lambda.HttpJson;

import java.util.ArrayList;
import java.util.List;

import static com.outboundcalls.lambda.HttpJson.error;
import static com.outboundcalls.lambda.HttpJson.json;

/**
 * The operators' routes ({@code /operator/clients...}): onboarding and listing clients, and on one client the
 * operator-only changes (identity, subscription, suspension, termination, sub-accounts, provider
 * numbers, caller-ID decisions); every other route of the account is the client's own, reached as an operator.
 */
final class OperatorRoutes {

    private final AccountAdministration admin;
    private final AccountRecords records;
    private final AccountRoutes account;

    OperatorRoutes(AccountAdministration admin, AccountRecords records, AccountRoutes account) {
        this.admin = admin;
        this.records = records;
        this.account = account;
    }

    APIGatewayV2HTTPResponse route(Actor actor, String method, List<String> path, APIGatewayV2HTTPEvent event) {
        if (path.isEmpty() || !path.get(0).equals("clients")) {
            return error(404, "no such route");
        }
        if (path.size() == 1) {
            return switch (method) {
                case "POST" -> json(201, AccountViews.view(onboard(actor, null, Requests.body(event)), true));
                case "GET" -> {
                    ArrayNode clients = HttpJson.array();
                    records.profiles().forEach(p -> clients.add(AccountViews.view(p, false)));
                    yield json(200, clients);
                }
                default -> error(405, method + " not allowed here");
            };
        }
        String clientId = path.get(1);
        List<String> rest = path.subList(2, path.size());
        RequestFields in = RequestFields.of(Requests.bodyOrEmpty(event));
        switch (method + " " + Requests.shape(rest)) {
            case "PATCH ":
                return json(200, AccountViews.view(admin.updateClient(actor, clientId, in.requiredVersion(), AccountRequests.clientChanges(in)), true));
            case "PATCH subscription": {
                long version = in.requiredVersion();
                var changes = AccountRequests.subscriptionChanges(in);
                in.finish();
                return json(200, AccountViews.view(admin.updateSubscription(actor, clientId, version, changes), true));
            }
            case "POST suspend": {
                long version = in.requiredVersion();
                String reason = in.requiredText("reason");
                in.finish();
                return json(200, AccountViews.view(admin.suspend(actor, clientId, version, reason), true));
            }
            case "POST reactivate": {
                long version = in.requiredVersion();
                in.finish();
                return json(200, AccountViews.view(admin.reactivate(actor, clientId, version), true));
            }
            case "POST terminate": {
                long version = in.requiredVersion();
                var noticeReceivedOn = in.date("noticeReceivedOn");
                var lastDay = in.date("lastDay");
                in.finish();
                return json(200, AccountViews.view(admin.terminate(actor, clientId, version, noticeReceivedOn,
                        lastDay), true));
            }
            case "POST sub-accounts":
                return json(201, AccountViews.view(onboard(actor, clientId, Requests.body(event)), true));
            case "POST provider-numbers": {
                long version = in.requiredVersion();
                String number = in.requiredText("number");
                in.finish();
                return json(200, AccountViews.view(admin.assignProviderNumber(actor, clientId, version, number), true));
            }
            case "POST caller-ids/*/*": {
                Client.Verification decision = switch (rest.get(2)) {
                    case "verify" -> Client.Verification.VERIFIED;
                    case "reject" -> Client.Verification.REJECTED;
                    case "revoke" -> Client.Verification.REVOKED;
                    default -> null;
                };
                if (decision == null) {
                    return error(404, "no such route: verify, reject or revoke");
                }
                return json(200, AccountViews.view(admin.decideCallerId(actor, clientId, rest.get(1), decision, in.text("note")), true));
            }
            default:
                return account.route(actor, clientId, method, rest, event);
        }
    }

    // ------------------------------------------------------------------------------------------------ onboarding

    /** Onboards after listing together the fields that could not be read and those the rules refuse. */
    private ClientProfile onboard(Actor actor, String parentClientId, JsonNode body) {
        RequestFields in = RequestFields.of(body);
        ClientAccounts.Onboarding request = AccountRequests.onboarding(in);
        List<RequestRefused.FieldError> errors = new ArrayList<>(in.errors());
        for (RequestRefused.FieldError problem : admin.onboardingProblems(parentClientId, request)) {
            boolean known = errors.stream().anyMatch(e -> e.field().equals(problem.field())
                    || e.field().startsWith(problem.field() + ".") || problem.field().startsWith(e.field() + "."));
            if (!known) {
                errors.add(problem);
            }
        }
        if (!errors.isEmpty()) {
            throw new RequestRefused.Invalid(errors);
        }
        return admin.onboard(actor, parentClientId, request);
    }
}
