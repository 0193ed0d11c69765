package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.AccountRecords.VersionedCampaign;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.ClientRole;
import com.outboundcalls.account.CampaignAdministration.CampaignAction;
import com.outboundcalls.account.CampaignAdministration.CampaignSettings;
import com.outboundcalls.account.ContactFileFormat;
import com.outboundcalls.account.ErasureRequest;
import com.outboundcalls.aws.S3Links;
import com.outboundcalls.ingest.Upload;
import com.outboundcalls.ingest.UploadGrants;
import com.outboundcalls.lambda.HttpJson;
import com.outboundcalls.report.Dashboards;

import software.amazon.awssdk.services.s3.model.S3Object;

import java.util.List;
import java.util.Map;
import java.util.Locale;

import static com.outboundcalls.lambda.HttpJson.error;
import static com.outboundcalls.lambda.HttpJson.json;

/**
 * The routes of one account, for its own client ({@code /client/...}) or for an operator
 * ({@code /operator/clients/{clientId}/...}): the account, its campaigns, dashboard and reports, caller-ID
 * requests, contact-file format, opposition entries and audit trail.
 */
final class AccountRoutes {

    /** Asks for a client's dashboard and a campaign's report to be rewritten now. */
    interface DashboardRequests {
        void campaignStopped(String clientId, String campaignId);
    }

    private final AccountAdministration admin;
    private final com.outboundcalls.lambda.StructuredLog log = new com.outboundcalls.lambda.StructuredLog("accounts-api");
    private final S3Links files;
    /** Hands a recorded erasure request to the erasure function. */
    interface ErasureStarts {
        void start(String clientId, String requestId);
    }

    private final DashboardRequests dashboardRequests;
    private final UploadGrants uploads;
    private final ErasureStarts erasureStarts;

    AccountRoutes(AccountAdministration admin, S3Links files, DashboardRequests dashboardRequests, UploadGrants uploads,
                  ErasureStarts erasureStarts) {
        this.erasureStarts = erasureStarts;
        this.admin = admin;
        this.files = files;
        this.dashboardRequests = dashboardRequests;
        this.uploads = uploads;
    }

    /** The routes of one account, for its client or for an operator. */
    /**
     * What each route does, as the roles of the client space grant it; a route not listed here is no route. The
     * roles' rights themselves are the core's ({@link ClientRole}).
     */
    static final Map<String, ClientRole.Capability> CAPABILITIES = Map.ofEntries(
            Map.entry("GET ", ClientRole.Capability.ACCOUNT),
            Map.entry("GET account", ClientRole.Capability.ACCOUNT),
            Map.entry("GET audit", ClientRole.Capability.AUDIT),
            Map.entry("GET campaigns", ClientRole.Capability.CAMPAIGNS),
            Map.entry("POST campaigns", ClientRole.Capability.CAMPAIGNS),
            Map.entry("GET campaigns/*", ClientRole.Capability.CAMPAIGNS),
            Map.entry("PATCH campaigns/*", ClientRole.Capability.CAMPAIGNS),
            Map.entry("POST campaigns/*/*", ClientRole.Capability.CAMPAIGNS),
            Map.entry("GET dashboard", ClientRole.Capability.REPORTS),
            Map.entry("GET campaigns/*/reports", ClientRole.Capability.REPORTS),
            Map.entry("GET notices", ClientRole.Capability.NOTICES),
            Map.entry("POST caller-ids", ClientRole.Capability.SETTINGS),
            Map.entry("GET contact-file-format", ClientRole.Capability.FILES),
            Map.entry("PUT contact-file-format", ClientRole.Capability.SETTINGS),
            Map.entry("POST campaigns/*/uploads", ClientRole.Capability.FILES),
            Map.entry("POST oppositions", ClientRole.Capability.FILES),
            Map.entry("POST oppositions/imports", ClientRole.Capability.FILES),
            Map.entry("DELETE oppositions/*", ClientRole.Capability.FILES),
            Map.entry("POST erasures", ClientRole.Capability.FILES),
            Map.entry("GET erasures", ClientRole.Capability.FILES),
            Map.entry("GET erasures/*", ClientRole.Capability.FILES),
            Map.entry("GET users", ClientRole.Capability.USERS),
            Map.entry("POST users", ClientRole.Capability.USERS),
            Map.entry("DELETE users/*", ClientRole.Capability.USERS));

    APIGatewayV2HTTPResponse route(Actor actor, String clientId, String method, List<String> path,
                                   APIGatewayV2HTTPEvent event) {
        String route = method + " " + Requests.shape(path);
        ClientRole.Capability capability = CAPABILITIES.get(route);
        if (capability != null && !actor.may(capability)) {
            return error(403, "the " + actor.role() + " role does not allow this");
        }
        RequestFields in = RequestFields.of(Requests.bodyOrEmpty(event));
        switch (route) {
            case "GET ":
            case "GET account":
                return json(200, AccountViews.view(admin.profile(actor, clientId), actor.isOperator()));
            case "GET audit": {
                ArrayNode entries = HttpJson.array();
                admin.audit(actor, clientId).forEach(e -> entries.add(AccountViews.view(e)));
                return json(200, entries);
            }
            case "GET campaigns": {
                ArrayNode campaigns = HttpJson.array();
                admin.campaigns(actor, clientId).forEach(c -> campaigns.add(AccountViews.view(c)));
                return json(200, campaigns);
            }
            case "POST campaigns": {
                String campaignId = in.requiredText("campaignId");
                CampaignSettings settings = AccountRequests.campaignSettings(in);
                in.finish();
                return json(201, AccountViews.view(admin.createCampaign(actor, clientId, campaignId, settings)));
            }
            case "GET campaigns/*":
                return json(200, AccountViews.view(admin.campaign(actor, clientId, path.get(1))));
            case "PATCH campaigns/*": {
                long version = in.requiredVersion();
                CampaignSettings settings = AccountRequests.campaignSettings(in);
                in.finish();
                return json(200, AccountViews.view(admin.updateCampaign(actor, clientId, path.get(1), version, settings)));
            }
            case "GET dashboard": {
                admin.profile(actor, clientId);
                ObjectNode links = HttpJson.object();
                links.put("expiresInSeconds", S3Links.LIFETIME.toSeconds());
                String prefix = Dashboards.prefix(clientId);
                if (!files.anyUnder(prefix + "index.html")) {
                    return error(404, "no dashboard yet: it is written within the hour");
                }
                for (String file : List.of("index.html", "index.en.html", "dashboard.json", "dashboard.csv")) {
                    links.put(file, files.downloadUnchecked(prefix + file));
                }
                return json(200, links);
            }
            case "GET notices": {
                // The notices written for the client (price changes, with the dates they apply from), newest first.
                admin.profile(actor, clientId);
                ObjectNode v = HttpJson.object();
                v.put("expiresInSeconds", S3Links.LIFETIME.toSeconds());
                ArrayNode notices = v.putArray("notices");
                String prefix = "reports/" + clientId + "/notices/";
                files.under(prefix).stream().sorted(java.util.Comparator.comparing(S3Object::lastModified).reversed())
                        .forEach(o -> notices.addObject()
                                .put("name", o.key().substring(prefix.length()))
                                .put("writtenAt", o.lastModified().toString())
                                .put("url", files.downloadUnchecked(o.key())));
                return json(200, v);
            }
            case "GET campaigns/*/reports":
                admin.campaign(actor, clientId, path.get(1));
                return json(200, reports(clientId, path.get(1)));
            case "POST campaigns/*/*": {
                CampaignAction action;
                try {
                    action = CampaignAction.valueOf(path.get(2).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException e) {
                    return error(404, "no such route: start, pause, resume or finish");
                }
                Long version = in.longValue("version");
                in.finish();
                VersionedCampaign acted = admin.act(actor, clientId, path.get(1), action, version);
                if (action == CampaignAction.FINISH || action == CampaignAction.PAUSE) {
                    // The client's dashboard and the campaign's report are brought up to date now, rather than
                    // at the next hour (the hourly report covers running campaigns only).
                    dashboardRequests.campaignStopped(clientId, path.get(1));
                }
                return json(200, AccountViews.view(acted));
            }
            case "POST campaigns/*/uploads": {
                // The campaign must be in the caller's reach; the key is the server's, the size fixed.
                admin.campaign(actor, clientId, path.get(1));
                String fileName = in.text("fileName");
                Long size = in.longValue("size");
                in.finish();
                Upload upload = uploads.grant(clientId, path.get(1), fileName, size, actor.principal());
                ObjectNode body = HttpJson.object();
                body.put("method", "PUT");
                body.put("key", upload.key());
                body.put("size", upload.size());
                body.put("expiresAt", upload.expiresAt().toString());
                body.put("url", files.upload(upload.key(), upload.size(), UploadGrants.LINK_LIFETIME));
                body.put("report", upload.key().replaceFirst("^incoming/", "reports/") + ".summary.json");
                return json(201, body);
            }
            case "POST caller-ids": {
                // Presence is checked with the number's ranges, so that one answer lists both.
                String number = in.text("number");
                String proof = in.text("proofReference");
                in.finish();
                return json(201, AccountViews.view(admin.submitCallerId(actor, clientId, number, proof), actor.isOperator()));
            }
            case "GET contact-file-format": {
                ArrayNode versions = HttpJson.array();
                admin.formats(actor, clientId).forEach(f -> {
                    ObjectNode v = versions.addObject();
                    v.put("formatVersion", f.version());
                    v.put("inForceFrom", f.inForceFrom().toString());
                    v.put("agreedBy", f.agreedBy());
                    v.set("format", AccountViews.view(f.format()));
                });
                return json(200, versions);
            }
            case "PUT contact-file-format": {
                long version = in.requiredVersion();
                ContactFileFormat format = AccountRequests.format(in.object("format"));
                in.finish();
                return json(200, AccountViews.view(admin.agreeFormat(actor, clientId, version, format), actor.isOperator()));
            }
            case "POST oppositions": {
                String number = in.requiredText("number");
                String reason = in.requiredText("reason");
                in.finish();
                String e164 = admin.oppose(actor, clientId, number, reason);
                ObjectNode body = HttpJson.object();
                body.put("number", e164);
                body.put("opposed", true);
                return json(201, body);
            }
            case "POST oppositions/imports": {
                // The file itself goes straight to the bucket, where the opposition import reads it and reports.
                String fileName = in.requiredText("fileName");
                if (fileName != null && !fileName.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,99}")) {
                    in.error("fileName", "letters, digits, dots, dashes and underscores only");
                }
                in.finish();
                String key = "config/opposition/" + clientId + "/" + fileName;
                admin.recordOppositionImport(actor, clientId, fileName);
                ObjectNode body = HttpJson.object();
                body.put("method", "PUT");
                body.put("key", key);
                body.put("expiresInSeconds", S3Links.LIFETIME.toSeconds());
                body.put("url", files.upload(key));
                return json(201, body);
            }
            case "DELETE oppositions/*": {
                String reason = in.has("reason") ? in.text("reason") : HttpJson.query(event, "reason");
                in.finish();
                String e164 = admin.withdrawOpposition(actor, clientId, path.get(1), reason);
                ObjectNode body = HttpJson.object();
                body.put("number", e164);
                body.put("opposed", false);
                return json(200, body);
            }
            case "POST erasures": {
                String number = in.requiredText("number");
                in.finish();
                ErasureRequest request = admin.requestErasure(actor, clientId, number);
                try {
                    erasureStarts.start(clientId, request.requestId());
                } catch (RuntimeException e) {
                    // Recorded all the same: the nightly housekeeping hands on requests still pending.
                    log.error("erasure_not_started", "clientId", clientId, "requestId", request.requestId(),
                            "error", e.getClass().getSimpleName());
                }
                return json(202, AccountViews.view(request));
            }
            case "GET erasures": {
                ArrayNode erasures = HttpJson.array();
                admin.erasures(actor, clientId).forEach(e -> erasures.add(AccountViews.view(e)));
                return json(200, erasures);
            }
            case "GET erasures/*":
                return json(200, AccountViews.view(admin.erasure(actor, clientId, path.get(1))));
            case "GET users": {
                ArrayNode users = HttpJson.array();
                admin.users(actor, clientId).forEach(u -> users.add(AccountViews.view(u)));
                return json(200, users);
            }
            case "POST users": {
                String email = in.requiredText("email");
                ClientRole role = in.choice("role", ClientRole.class);
                if (role == null && !in.has("role")) {
                    in.error("role", "required: ADMINISTRATEUR, SUPERVISEUR or FINANCE");
                }
                in.finish();
                return json(201, AccountViews.view(admin.inviteUser(actor, clientId, email, role)));
            }
            case "DELETE users/*": {
                in.finish();
                admin.removeUser(actor, clientId, path.get(1));
                ObjectNode body = HttpJson.object();
                body.put("email", path.get(1).toLowerCase(Locale.ROOT));
                body.put("access", false);
                return json(200, body);
            }
            default:
                return error(404, "no such route");
        }
    }

    /** Links to the campaign's reports (file summaries, rejects, campaign report), valid a few minutes. */
    private ObjectNode reports(String clientId, String campaignId) {
        ObjectNode v = HttpJson.object();
        v.put("expiresInSeconds", S3Links.LIFETIME.toSeconds());
        ArrayNode files = v.putArray("reports");
        String prefix = "reports/" + clientId + "/" + campaignId + "/";
        this.files.under(prefix).forEach(o -> files.addObject()
                .put("name", o.key().substring(prefix.length()))
                .put("size", o.size())
                .put("url", this.files.downloadUnchecked(o.key())));
        return v;
    }
}
