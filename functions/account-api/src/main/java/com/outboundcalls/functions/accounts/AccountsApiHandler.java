package com.outboundcalls.functions.accounts;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.account.AccountAdministration;
import com.outboundcalls.account.AccountAdministration.CampaignAction;
import com.outboundcalls.account.AccountAdministration.CampaignSettings;
import com.outboundcalls.account.AccountRecords;
import com.outboundcalls.account.AccountRecords.VersionedCampaign;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.AuditEntry;
import com.outboundcalls.account.Campaign;
import com.outboundcalls.account.Client;
import com.outboundcalls.account.ClientProfile;
import com.outboundcalls.account.RequestRefused;
import com.outboundcalls.aws.AwsClients;
import com.outboundcalls.aws.DynamoAccountRecords;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.account.ContactFileFormat;
import com.outboundcalls.account.BillingAccount;
import com.outboundcalls.account.LegalEntity;
import com.outboundcalls.lambda.StructuredLog;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The accounts API (API Gateway HTTP API, IAM-authorized, payload 2.0), for two audiences on separate routes
 * that separate IAM policies grant:
 * <ul>
 *   <li>{@code /operator/...}: operators, on every account: {@code POST /operator/clients} onboards a client,
 *       {@code GET /operator/clients} lists them, and {@code /operator/clients/{clientId}/...} reaches one
 *       client's account with every route below, plus the operator-only ones (update, subscription, suspend,
 *       reactivate, terminate, sub-accounts, principals, provider-numbers, caller-id decisions);</li>
 *   <li>{@code /client/...}: a client, on its own account only, which comes from the caller's IAM identity
 *       (bound by an operator), never from the request: {@code GET /client/account}, campaigns
 *       ({@code GET/POST /client/campaigns}, {@code GET/PATCH /client/campaigns/{id}},
 *       {@code POST /client/campaigns/{id}/start|pause|resume|finish}, {@code GET .../reports}), its dashboard
 *       ({@code GET /client/dashboard}: links to the page, JSON and CSV), caller-ID
 *       requests ({@code POST /client/caller-ids}), the contact-file format ({@code GET/PUT
 *       /client/contact-file-format}), opposition entries ({@code POST /client/oppositions},
 *       {@code DELETE /client/oppositions/{number}}, {@code POST /client/oppositions/imports} for a link to upload a
 *       suppression file) and the audit trail ({@code GET /client/audit}).</li>
 * </ul>
 * JSON in and out. A refused request changes nothing: 400 lists every field at fault, 404 says nothing of
 * what exists outside the caller's reach, 409 answers a stale version or a change the current state refuses.
 */
public final class AccountsApiHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final Duration LINK_LIFETIME = Duration.ofMinutes(5);

    private final AccountAdministration admin;
    private final AccountRecords records;
    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final software.amazon.awssdk.services.sqs.SqsClient sqs;
    private final String dashboardQueueUrl;
    private final StructuredLog log = new StructuredLog("accounts-api");

    public AccountsApiHandler() {
        this(FunctionRuntime.system());
    }

    public AccountsApiHandler(FunctionRuntime runtime) {
        AwsClients clients = new AwsClients(runtime.environment());
        this.records = new DynamoAccountRecords(clients.dynamoDb(), runtime.require("ACCOUNTS_TABLE"),
                runtime.require("OPPOSITIONS_TABLE"));
        this.admin = new AccountAdministration(records, runtime.require("DEFAULT_CALLER_ID"), runtime.clock());
        this.s3 = clients.s3();
        this.presigner = clients.s3Presigner();
        this.bucket = runtime.require("CONTACT_BUCKET");
        this.sqs = clients.sqs();
        this.dashboardQueueUrl = runtime.require("DASHBOARD_QUEUE_URL");
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        String method = event.getRequestContext() != null && event.getRequestContext().getHttp() != null
                ? event.getRequestContext().getHttp().getMethod() : "GET";
        List<String> path = segments(event.getRawPath());
        String principal = principal(event);
        try {
            APIGatewayV2HTTPResponse response;
            if (!path.isEmpty() && path.get(0).equals("operator")) {
                response = operator(Actor.operator(principal), method, path.subList(1, path.size()), event);
            } else if (!path.isEmpty() && path.get(0).equals("client")) {
                Optional<String> clientId = records.clientOfPrincipal(principal);
                if (clientId.isEmpty()) {
                    return error(403, "this identity is not bound to any client account");
                }
                response = account(Actor.client(principal, clientId.get()), clientId.get(), method,
                        path.subList(1, path.size()), event);
            } else {
                response = error(404, "no such route");
            }
            log.info("request", "method", method, "route", event.getRouteKey(), "status", response.getStatusCode(),
                    "principal", principal);
            return response;
        } catch (RequestRefused.Invalid e) {
            ObjectNode body = JSON.createObjectNode();
            body.put("error", "the request has errors");
            ArrayNode fields = body.putArray("fields");
            e.errors().forEach(f -> fields.addObject().put("field", f.field()).put("message", f.message()));
            return json(400, body);
        } catch (RequestRefused.NotFound e) {
            return error(404, e.getMessage());
        } catch (RequestRefused.StaleVersion e) {
            ObjectNode body = JSON.createObjectNode();
            body.put("error", e.getMessage());
            body.put("currentVersion", e.current());
            return json(409, body);
        } catch (RequestRefused.Conflict e) {
            return error(409, e.getMessage());
        }
    }

    // ------------------------------------------------------------------------------------------------ routing

    private APIGatewayV2HTTPResponse operator(Actor actor, String method, List<String> path, APIGatewayV2HTTPEvent event) {
        if (path.isEmpty() || !path.get(0).equals("clients")) {
            return error(404, "no such route");
        }
        if (path.size() == 1) {
            return switch (method) {
                case "POST" -> json(201, view(onboard(actor, null, body(event)), true));
                case "GET" -> {
                    ArrayNode clients = JSON.createArrayNode();
                    records.profiles().forEach(p -> clients.add(view(p, false)));
                    yield json(200, clients);
                }
                default -> error(405, method + " not allowed here");
            };
        }
        String clientId = path.get(1);
        List<String> rest = path.subList(2, path.size());
        RequestFields in = RequestFields.of(bodyOrEmpty(event));
        switch (method + " " + shape(rest)) {
            case "PATCH ":
                return json(200, view(admin.updateClient(actor, clientId, in.requiredVersion(), clientChanges(in)), true));
            case "PATCH subscription": {
                long version = in.requiredVersion();
                var changes = subscriptionChanges(in);
                in.finish();
                return json(200, view(admin.updateSubscription(actor, clientId, version, changes), true));
            }
            case "POST suspend": {
                long version = in.requiredVersion();
                String reason = in.requiredText("reason");
                in.finish();
                return json(200, view(admin.suspend(actor, clientId, version, reason), true));
            }
            case "POST reactivate": {
                long version = in.requiredVersion();
                in.finish();
                return json(200, view(admin.reactivate(actor, clientId, version), true));
            }
            case "POST terminate": {
                long version = in.requiredVersion();
                var lastDay = in.date("lastDay");
                in.finish();
                return json(200, view(admin.terminate(actor, clientId, version, lastDay), true));
            }
            case "POST sub-accounts":
                return json(201, view(onboard(actor, clientId, body(event)), true));
            case "POST principals": {
                String arn = in.requiredText("principalArn");
                in.finish();
                admin.grantAccess(actor, clientId, arn);
                ObjectNode body = JSON.createObjectNode();
                body.put("clientId", clientId);
                body.put("principalArn", arn);
                return json(201, body);
            }
            case "POST provider-numbers": {
                long version = in.requiredVersion();
                String number = in.requiredText("number");
                in.finish();
                return json(200, view(admin.assignProviderNumber(actor, clientId, version, number), true));
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
                return json(200, view(admin.decideCallerId(actor, clientId, rest.get(1), decision, in.text("note")), true));
            }
            default:
                return account(actor, clientId, method, rest, event);
        }
    }

    /** The routes of one account, for its client or for an operator. */
    private APIGatewayV2HTTPResponse account(Actor actor, String clientId, String method, List<String> path,
                                             APIGatewayV2HTTPEvent event) {
        RequestFields in = RequestFields.of(bodyOrEmpty(event));
        switch (method + " " + shape(path)) {
            case "GET ":
            case "GET account":
                return json(200, view(admin.profile(actor, clientId), actor.isOperator()));
            case "GET audit": {
                ArrayNode entries = JSON.createArrayNode();
                admin.audit(actor, clientId).forEach(e -> entries.add(view(e)));
                return json(200, entries);
            }
            case "GET campaigns": {
                ArrayNode campaigns = JSON.createArrayNode();
                admin.campaigns(actor, clientId).forEach(c -> campaigns.add(view(c)));
                return json(200, campaigns);
            }
            case "POST campaigns": {
                String campaignId = in.requiredText("campaignId");
                CampaignSettings settings = campaignSettings(in);
                in.finish();
                return json(201, view(admin.createCampaign(actor, clientId, campaignId, settings)));
            }
            case "GET campaigns/*":
                return json(200, view(admin.campaign(actor, clientId, path.get(1))));
            case "PATCH campaigns/*": {
                long version = in.requiredVersion();
                CampaignSettings settings = campaignSettings(in);
                in.finish();
                return json(200, view(admin.updateCampaign(actor, clientId, path.get(1), version, settings)));
            }
            case "GET dashboard": {
                admin.profile(actor, clientId);
                ObjectNode links = JSON.createObjectNode();
                links.put("expiresInSeconds", LINK_LIFETIME.toSeconds());
                String prefix = com.outboundcalls.report.Dashboards.prefix(clientId);
                if (s3.listObjectsV2(r -> r.bucket(bucket).prefix(prefix + "index.html")).keyCount() == 0) {
                    return error(404, "no dashboard yet: it is written within the hour");
                }
                for (String file : List.of("index.html", "index.en.html", "dashboard.json", "dashboard.csv")) {
                    links.put(file, presigner.presignGetObject(r -> r.signatureDuration(LINK_LIFETIME)
                            .getObjectRequest(GetObjectRequest.builder().bucket(bucket).key(prefix + file).build()))
                            .url().toString());
                }
                return json(200, links);
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
                    sqs.sendMessage(r -> r.queueUrl(dashboardQueueUrl).messageBody(JSON.createObjectNode()
                            .put("clientId", clientId).put("campaignId", path.get(1)).toString()));
                }
                return json(200, view(acted));
            }
            case "POST caller-ids": {
                // Presence is checked with the number's ranges, so that one answer lists both.
                String number = in.text("number");
                String proof = in.text("proofReference");
                in.finish();
                return json(201, view(admin.submitCallerId(actor, clientId, number, proof), actor.isOperator()));
            }
            case "GET contact-file-format": {
                ArrayNode versions = JSON.createArrayNode();
                admin.formats(actor, clientId).forEach(f -> {
                    ObjectNode v = versions.addObject();
                    v.put("formatVersion", f.version());
                    v.put("inForceFrom", f.inForceFrom().toString());
                    v.put("agreedBy", f.agreedBy());
                    v.set("format", view(f.format()));
                });
                return json(200, versions);
            }
            case "PUT contact-file-format": {
                long version = in.requiredVersion();
                ContactFileFormat format = format(in.object("format"));
                in.finish();
                return json(200, view(admin.agreeFormat(actor, clientId, version, format), actor.isOperator()));
            }
            case "POST oppositions": {
                String number = in.requiredText("number");
                String reason = in.requiredText("reason");
                in.finish();
                String e164 = admin.oppose(actor, clientId, number, reason);
                ObjectNode body = JSON.createObjectNode();
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
                ObjectNode body = JSON.createObjectNode();
                body.put("method", "PUT");
                body.put("key", key);
                body.put("expiresInSeconds", LINK_LIFETIME.toSeconds());
                body.put("url", presigner.presignPutObject(r -> r.signatureDuration(LINK_LIFETIME)
                        .putObjectRequest(p -> p.bucket(bucket).key(key))).url().toString());
                return json(201, body);
            }
            case "DELETE oppositions/*": {
                String reason = in.has("reason") ? in.text("reason") : query(event, "reason");
                in.finish();
                String e164 = admin.withdrawOpposition(actor, clientId, path.get(1), reason);
                ObjectNode body = JSON.createObjectNode();
                body.put("number", e164);
                body.put("opposed", false);
                return json(200, body);
            }
            default:
                return error(404, "no such route");
        }
    }

    /** A path's shape for routing: fixed segments kept, ids as {@code *}. */
    private static String shape(List<String> path) {
        if (path.isEmpty()) {
            return "";
        }
        List<String> shape = new ArrayList<>();
        for (int i = 0; i < path.size(); i++) {
            boolean id = (i == 1 && List.of("campaigns", "caller-ids", "oppositions").contains(path.get(0))
                    && !(path.get(0).equals("oppositions") && path.get(1).equals("imports")))
                    || (i == 2 && path.get(0).equals("caller-ids"))
                    || (i == 2 && path.get(0).equals("campaigns") && !path.get(2).equals("reports"));
            shape.add(id ? "*" : path.get(i));
        }
        return String.join("/", shape);
    }

    // ------------------------------------------------------------------------------------------------ requests

    /** Onboards after listing together the fields that could not be read and those the rules refuse. */
    private ClientProfile onboard(Actor actor, String parentClientId, JsonNode body) {
        RequestFields in = RequestFields.of(body);
        AccountAdministration.Onboarding request = onboarding(in);
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

    private static AccountAdministration.Onboarding onboarding(RequestFields in) {
        String clientId = in.requiredText("clientId");
        String name = in.requiredText("name");
        String region = in.text("defaultRegion");
        String email = in.requiredText("billingEmail");
        RequestFields id = in.object("identity");
        LegalEntity identity = null;
        if (id.present()) {
            String idName = id.requiredText("name");
            String street = id.requiredText("street");
            String postcode = id.requiredText("postcode");
            String city = id.requiredText("city");
            String country = id.text("country") == null ? "FR" : id.text("country");
            String siren = id.text("siren");
            String vat = id.requiredText("vatNumber");
            if (id.ok()) {
                Optional<String> refusal = LegalEntity.refusal(idName, street, postcode, city, country, siren, vat);
                if (refusal.isPresent()) {
                    in.error("identity", refusal.get());
                } else {
                    identity = new LegalEntity(idName, street, postcode, city, country, siren, vat);
                }
            }
        }
        RequestFields sub = in.object("subscription");
        BillingAccount.Plan plan = plan(sub.object("plan"), sub, "plan");
        BillingAccount.Units numbers = units(sub.object("numbers"), sub, "numbers");
        BillingAccount.Units users = units(sub.object("users"), sub, "users");
        BillingAccount.Units licences = units(sub.object("licences"), sub, "licences");
        var startsOn = sub.date("startsOn");
        Integer terms = sub.integer("paymentTermDays");
        Client.Tariff tariff = tariff(in.object("tariff"), in);
        Boolean premium = in.bool("premiumRateAllowed");
        String priceList = in.text("priceListId");
        ClientProfile.Invoicing invoicing = in.choice("invoicing", ClientProfile.Invoicing.class);
        return new AccountAdministration.Onboarding(clientId, name, region == null ? "FR" : region, identity, email,
                plan, numbers, users, licences, startsOn, terms, tariff, premium != null && premium, priceList, invoicing);
    }

    private static BillingAccount.Plan plan(RequestFields in, RequestFields parent, String name) {
        if (!in.present()) {
            return null;
        }
        String planName = in.requiredText("name");
        var price = in.decimal("monthlyPrice");
        if (price == null && !in.has("monthlyPrice")) {
            in.error("monthlyPrice", "required");
        }
        return planName == null || price == null ? null
                : parent.checked(name, () -> new BillingAccount.Plan(planName, price));
    }

    private static BillingAccount.Units units(RequestFields in, RequestFields parent, String name) {
        if (!in.present()) {
            return null;
        }
        Integer quantity = in.integer("quantity");
        var price = in.decimal("unitPrice");
        if (quantity == null || price == null) {
            if (!in.has("quantity") || !in.has("unitPrice")) {
                parent.error(name, "quantity and unitPrice are both required");
            }
            return null;
        }
        return parent.checked(name, () -> new BillingAccount.Units(quantity, price));
    }

    private static Client.Tariff tariff(RequestFields in, RequestFields parent) {
        if (!in.present()) {
            return null;
        }
        Integer attempts = in.integer("maxAttempts");
        Integer delay = in.integer("retryDelayMinutes");
        if (attempts == null || delay == null) {
            if (!in.has("maxAttempts") || !in.has("retryDelayMinutes")) {
                parent.error("tariff", "maxAttempts and retryDelayMinutes are both required");
            }
            return null;
        }
        return parent.checked("tariff", () -> AccountAdministration.tariff(attempts, delay));
    }

    private static AccountAdministration.ClientChanges clientChanges(RequestFields in) {
        var changes = new AccountAdministration.ClientChanges(in.text("name"), in.text("billingEmail"),
                tariff(in.object("tariff"), in), in.bool("premiumRateAllowed"), in.text("priceListId"));
        in.finish();
        return changes;
    }

    private static AccountAdministration.SubscriptionChanges subscriptionChanges(RequestFields in) {
        return new AccountAdministration.SubscriptionChanges(plan(in.object("plan"), in, "plan"),
                units(in.object("numbers"), in, "numbers"), units(in.object("users"), in, "users"),
                units(in.object("licences"), in, "licences"));
    }

    private static CampaignSettings campaignSettings(RequestFields in) {
        return new CampaignSettings(in.choice("purpose", Campaign.Purpose.class), in.text("callerId"),
                in.choice("callerIdSource", Campaign.CallerIdSource.class), in.text("instructionsRef"),
                in.text("instructions"), in.text("callingHours"), in.integer("priority"), in.date("startsOn"),
                in.date("endsOn"), in.bool("answeringMachineDetection"));
    }

    private static ContactFileFormat format(RequestFields in) {
        if (!in.present()) {
            in.error("", "required");
            return null;
        }
        String delimiter = in.text("delimiter");
        String encoding = in.text("encoding");
        Boolean header = in.bool("headerRow");
        String phone = in.requiredText("phone");
        Map<String, String> attributes = new LinkedHashMap<>();
        RequestFields attrs = in.object("attributes");
        if (attrs.present()) {
            attrs.names().forEach(name -> attributes.put(name, attrs.text(name)));
        }
        if (delimiter != null && delimiter.length() != 1 && !delimiter.equals("\\t")) {
            in.error("delimiter", "one character");
            return null;
        }
        if (phone == null) {
            return null;
        }
        Character d = delimiter == null ? null : delimiter.equals("\\t") ? '\t' : delimiter.charAt(0);
        return in.checked("format", () -> new ContactFileFormat(d, encoding, header == null || header, phone,
                in.text("firstName"), in.text("lastName"), in.text("company"), in.text("country"), in.text("consent"),
                attributes));
    }

    // ------------------------------------------------------------------------------------------------ views

    private static ObjectNode view(ClientProfile p, boolean forOperator) {
        ObjectNode v = JSON.createObjectNode();
        Client c = p.client();
        v.put("clientId", c.clientId());
        v.put("name", c.name());
        v.put("defaultRegion", c.defaultRegion());
        v.put("status", c.status().name());
        if (p.suspension() != null) {
            v.putObject("suspension").put("by", p.suspension().by()).put("reason", p.suspension().note());
        }
        if (p.terminatesOn() != null) {
            v.put("lastDay", p.terminatesOn().toString());
        }
        if (p.parentClientId() != null) {
            v.put("parentClientId", p.parentClientId());
        }
        v.put("invoicing", p.invoicing().name());
        v.put("billingEmail", p.billingEmail());
        v.putObject("tariff").put("maxAttempts", c.tariff().maxAttempts())
                .put("retryDelayMinutes", c.tariff().retryDelay().toMinutes());
        v.put("premiumRateAllowed", c.premiumRateAllowed());
        if (forOperator && c.priceListId() != null) {
            v.put("priceListId", c.priceListId());
        }
        ArrayNode provider = v.putArray("providerNumbers");
        p.providerNumbers().forEach(provider::add);
        ArrayNode own = v.putArray("callerIds");
        new java.util.TreeMap<>(c.ownNumbers()).forEach((number, o) -> own.addObject().put("number", number)
                .put("verification", o.verification().name()).put("proofReference", o.proofReference()));
        if (c.contactFileFormat() != null) {
            v.set("contactFileFormat", view(c.contactFileFormat()));
        }
        v.put("formatVersion", p.formatVersion());
        v.put("version", p.version());
        return v;
    }

    private static ObjectNode view(ContactFileFormat f) {
        ObjectNode v = JSON.createObjectNode();
        if (f.delimiter() != null) {
            v.put("delimiter", f.delimiter() == '\t' ? "\\t" : String.valueOf(f.delimiter()));
        }
        if (f.encoding() != null) {
            v.put("encoding", f.encoding());
        }
        v.put("headerRow", f.headerRow());
        v.put("phone", f.phone());
        putIf(v, "firstName", f.firstName());
        putIf(v, "lastName", f.lastName());
        putIf(v, "company", f.company());
        putIf(v, "country", f.country());
        putIf(v, "consent", f.consent());
        ObjectNode attributes = v.putObject("attributes");
        f.attributes().forEach(attributes::put);
        return v;
    }

    private static ObjectNode view(VersionedCampaign vc) {
        Campaign c = vc.campaign();
        ObjectNode v = JSON.createObjectNode();
        v.put("campaignId", c.campaignId());
        v.put("status", c.status().name());
        v.put("purpose", c.purpose().name());
        putIf(v, "callerId", c.callerId());
        v.put("callerIdSource", c.callerIdSource().name());
        putIf(v, "instructionsRef", c.instructionsRef());
        putIf(v, "instructions", c.instructions());
        putIf(v, "callingHours", c.callingHours());
        v.put("priority", c.priority());
        putIf(v, "startsOn", c.startsOn() == null ? null : c.startsOn().toString());
        putIf(v, "endsOn", c.endsOn() == null ? null : c.endsOn().toString());
        v.put("answeringMachineDetection", c.answeringMachineDetection());
        v.put("version", vc.version());
        return v;
    }

    private static ObjectNode view(AuditEntry e) {
        ObjectNode v = JSON.createObjectNode();
        v.put("at", e.at().toString());
        v.put("actor", e.actor());
        v.put("action", e.action());
        v.put("target", e.target());
        ObjectNode changes = v.putObject("changes");
        new java.util.TreeMap<>(e.changes()).forEach((field, change) -> {
            ObjectNode pair = changes.putObject(field);
            pair.put("before", change.before());
            pair.put("after", change.after());
        });
        return v;
    }

    /** Links to the campaign's reports (file summaries, rejects, campaign report), valid a few minutes. */
    private ObjectNode reports(String clientId, String campaignId) {
        ObjectNode v = JSON.createObjectNode();
        v.put("expiresInSeconds", LINK_LIFETIME.toSeconds());
        ArrayNode files = v.putArray("reports");
        String prefix = "reports/" + clientId + "/" + campaignId + "/";
        s3.listObjectsV2Paginator(r -> r.bucket(bucket).prefix(prefix)).contents().forEach(o -> files.addObject()
                .put("name", o.key().substring(prefix.length()))
                .put("size", o.size())
                .put("url", presigner.presignGetObject(r -> r.signatureDuration(LINK_LIFETIME)
                        .getObjectRequest(GetObjectRequest.builder().bucket(bucket).key(o.key()).build())).url().toString()));
        return v;
    }

    // ------------------------------------------------------------------------------------------------ plumbing

    private static void putIf(ObjectNode v, String name, String value) {
        if (value != null) {
            v.put(name, value);
        }
    }

    /**
     * The caller as API Gateway authenticated it. A role's temporary session ({@code sts ... assumed-role/R/s})
     * stands for its role ({@code iam ... role/R}), which is what an operator binds to a client.
     */
    static String principal(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        if (context == null || context.getAuthorizer() == null || context.getAuthorizer().getIam() == null) {
            return "unknown";
        }
        String arn = context.getAuthorizer().getIam().getUserArn();
        java.util.regex.Matcher assumed = java.util.regex.Pattern
                .compile("arn:(aws[a-z-]*):sts::(\\d{12}):assumed-role/([^/]+)/.+").matcher(arn == null ? "" : arn);
        return assumed.matches() ? "arn:" + assumed.group(1) + ":iam::" + assumed.group(2) + ":role/" + assumed.group(3)
                : arn;
    }

    private static List<String> segments(String rawPath) {
        List<String> segments = new ArrayList<>();
        if (rawPath == null) {
            return segments;
        }
        for (String s : rawPath.split("/")) {
            if (!s.isEmpty()) {
                // A path is not a form: "+" is a plus sign there (as in +33...), not a space.
                segments.add(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
            }
        }
        return segments;
    }

    private static String query(APIGatewayV2HTTPEvent event, String name) {
        return event.getQueryStringParameters() == null ? null : event.getQueryStringParameters().get(name);
    }

    private static JsonNode body(APIGatewayV2HTTPEvent event) {
        JsonNode body = bodyOrEmpty(event);
        if (body.isMissingNode()) {
            throw RequestRefused.Invalid.field("body", "a JSON body is required");
        }
        return body;
    }

    private static JsonNode bodyOrEmpty(APIGatewayV2HTTPEvent event) {
        String body = event.getBody();
        if (body == null || body.isBlank()) {
            return MissingNode.getInstance();
        }
        if (event.getIsBase64Encoded()) {
            body = new String(Base64.getDecoder().decode(body), StandardCharsets.UTF_8);
        }
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw RequestRefused.Invalid.field("body", "not valid JSON: " + e.getOriginalMessage());
        }
    }

    private static APIGatewayV2HTTPResponse json(int status, JsonNode body) {
        try {
            return APIGatewayV2HTTPResponse.builder().withStatusCode(status)
                    .withHeaders(Map.of("Content-Type", "application/json"))
                    .withBody(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(body)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static APIGatewayV2HTTPResponse error(int status, String message) {
        ObjectNode body = JSON.createObjectNode();
        body.put("error", message);
        return json(status, body);
    }
}
