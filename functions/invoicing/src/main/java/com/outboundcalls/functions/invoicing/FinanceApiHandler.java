package com.outboundcalls.functions.invoicing;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.account.Actor;
import com.outboundcalls.account.ClientRole;
import com.outboundcalls.account.ClientSpaceAccess;
import com.outboundcalls.account.OperatorAllowList;
import com.outboundcalls.account.RequestRefused;
import com.outboundcalls.aws.FunctionRuntime;
import com.outboundcalls.aws.S3Links;
import com.outboundcalls.glue.Wiring;
import com.outboundcalls.invoice.ClientInvoices;
import com.outboundcalls.invoice.CreditNotes;
import com.outboundcalls.invoice.Dispute;
import com.outboundcalls.invoice.InvoiceNotices;
import com.outboundcalls.mail.Mailer;
import com.outboundcalls.invoice.FinanceDesk;
import com.outboundcalls.invoice.Invoice;
import com.outboundcalls.invoice.InvoiceExports;
import com.outboundcalls.invoice.Payment;
import com.outboundcalls.invoice.Receivable;
import com.outboundcalls.lambda.HttpApiHandler;
import com.outboundcalls.lambda.HttpJson;
import com.outboundcalls.lambda.PrimingEvents;
import com.outboundcalls.lambda.StructuredLog;
import com.outboundcalls.time.Zones;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ConcurrentModificationException;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;

import static com.outboundcalls.lambda.HttpJson.error;
import static com.outboundcalls.lambda.HttpJson.json;

/**
 * The finance HTTP API (API Gateway HTTP API, IAM-authorized, payload 2.0):
 * <ul>
 *   <li>{@code GET /invoices?month=YYYY-MM}: the month's invoices and credit notes with their status</li>
 *   <li>{@code GET /invoices/{number}}: one document, its payments, dispute and penalty</li>
 *   <li>{@code GET /invoices/{number}/exports}: presigned links to its PDF, Factur-X, JSON and usage detail</li>
 *   <li>{@code GET /journals/{month}}: a presigned link to the month's journal, and to its European services
 *   declaration when the month has reverse-charge sales</li>
 *   <li>{@code POST /invoices/{number}/payments}: record a payment, once per bank reference</li>
 *   <li>{@code POST /invoices/{number}/disputes} and {@code .../disputes/resolve}</li>
 *   <li>{@code POST /invoices/{number}/credit-notes}: issue a credit note, once per reference; with
 *   {@code connect_contact_id}, one crediting that call, naming it and its invoice line</li>
 * </ul>
 * and, on the client space's API (the user pool's ID token), a client's own documents for the roles that see
 * invoices: {@code GET /client/invoices?month=YYYY-MM}, {@code GET /client/invoices/{number}} and
 * {@code GET /client/invoices/{number}/exports}.
 * Amounts are decimal strings. Every refusal says why, and changes nothing.
 */
public final class FinanceApiHandler implements HttpApiHandler {

    private final FinanceDesk desk;
    private final S3Links links;
    private final ClientInvoices clientInvoices;
    private final ClientSpaceAccess access;
    private final Clock clock;
    private final Mailer mailer;
    private final Function<String, Optional<String>> billingEmails;
    private final OperatorAllowList staff;
    private final StructuredLog log = new StructuredLog("finance-api");

    public FinanceApiHandler() {
        this(FunctionRuntime.system());
    }

    public FinanceApiHandler(FunctionRuntime runtime) {
        this(new InvoicingWiring(new Wiring(runtime)));
    }

    private FinanceApiHandler(InvoicingWiring invoicing) {
        this(invoicing, OperatorAllowList.parse(invoicing.wiring().optional("OPERATOR_PRINCIPALS")));
        // Before a snapshot: a client space user of no client asking for its invoices (its access read, refused),
        // and a month's list from a principal that is not staff (refused): nothing written.
        invoicing.wiring().primeWith(() -> PrimingEvents.httpApi(this, "GET", "/client/invoices", true));
        invoicing.wiring().primeWith(() -> PrimingEvents.httpApi(this, "GET", "/invoices", false));
        // and the documents a credit note is issued as, for a made-up invoice rendered in memory and dropped.
        invoicing.wiring().primeWith(MadeUpInvoice::render);
        // Finance's own routes, as staff: a handler on dry clients whose allow list names the priming principal alone,
        // asked to dispute and to show an invoice that does not exist (read, not found, refused: nothing written).
        invoicing.wiring().primeDry(dry -> {
            FinanceApiHandler asStaff = new FinanceApiHandler(new InvoicingWiring(dry),
                    new OperatorAllowList(List.of(PrimingEvents.NOBODY)));
            Map<String, String> nobody = Map.of("number", PrimingEvents.NOBODY);
            return () -> {
                PrimingEvents.httpApi(asStaff, "POST", "/invoices/{number}/disputes", nobody,
                        "{\"reason\":\"priming\"}");
                PrimingEvents.httpApi(asStaff, "GET", "/invoices/{number}", nobody, null);
            };
        });
    }

    private FinanceApiHandler(InvoicingWiring invoicing, OperatorAllowList staff) {
        this(invoicing.financeDesk(), new ClientInvoices(invoicing.wiring().invoiceStore()),
                new ClientSpaceAccess(invoicing.wiring().accountRecords()), invoicing.exportLinks(),
                invoicing.wiring().clock(), invoicing.wiring().mailer(), invoicing.billingEmails(), staff);
    }

    /**
     * @param billingEmails where a client's dispute acknowledgements are mailed, by client
     * @param staff         who alone reaches finance's routes (besides their IAM policy)
     */
    public FinanceApiHandler(FinanceDesk desk, ClientInvoices clientInvoices, ClientSpaceAccess access, S3Links links,
                             Clock clock, Mailer mailer, Function<String, Optional<String>> billingEmails,
                             OperatorAllowList staff) {
        this.staff = staff;
        this.desk = desk;
        this.clientInvoices = clientInvoices;
        this.access = access;
        this.links = links;
        this.clock = clock;
        this.mailer = mailer;
        this.billingEmails = billingEmails;
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        LocalDate today = clock.instant().atZone(Zones.BILLING).toLocalDate();
        Map<String, String> path = event.getPathParameters() == null ? Map.of() : event.getPathParameters();
        try {
            if (event.getRouteKey().startsWith("GET /client/")) {
                return clientSpace(event, path, today);
            }
            if (!staff.allows(HttpJson.callerArn(event))) {
                return error(403, "this identity is not one of the provider's staff (OperatorPrincipals)");
            }
            return switch (event.getRouteKey()) {
                case "GET /invoices" -> listMonth(event, today);
                case "GET /invoices/{number}" -> document(path.get("number"), today);
                case "GET /invoices/{number}/exports" -> exports(path.get("number"));
                case "GET /journals/{month}" -> journal(path.get("month"));
                case "POST /invoices/{number}/payments" -> pay(path.get("number"), body(event), today, HttpJson.callerArn(event));
                case "POST /invoices/{number}/disputes" -> dispute(path.get("number"), body(event), today, HttpJson.callerArn(event));
                case "POST /invoices/{number}/disputes/resolve" -> resolve(path.get("number"), today, HttpJson.callerArn(event));
                case "POST /invoices/{number}/credit-notes" -> credit(path.get("number"), body(event), today,
                        HttpJson.callerArn(event));
                default -> error(404, "no route " + event.getRouteKey());
            };
        } catch (BadRequest e) {
            return error(400, e.getMessage());
        } catch (NoSuchElementException e) {
            return error(404, e.getMessage());
        } catch (ConcurrentModificationException e) {
            return error(409, e.getMessage());
        } catch (IllegalArgumentException e) {
            return error(422, e.getMessage());
        } catch (RequestRefused.Forbidden e) {
            return error(403, e.getMessage());
        }
    }

    /**
     * The client space's invoice routes (the user pool's ID token, checked by its API's JWT authorizer): a
     * client's own documents only, for the roles that see invoices.
     */
    private APIGatewayV2HTTPResponse clientSpace(APIGatewayV2HTTPEvent event, Map<String, String> path, LocalDate today) {
        Actor actor = access.actor(HttpJson.jwtClaims(event)
                .orElseThrow(() -> new RequestRefused.Forbidden("the client space's routes take a signed-in user")));
        if (!actor.may(ClientRole.Capability.INVOICES)) {
            throw new RequestRefused.Forbidden("the " + actor.role() + " role does not see invoices");
        }
        String clientId = actor.clientId();
        return switch (event.getRouteKey()) {
            case "GET /client/invoices" -> {
                YearMonth period = month(HttpJson.query(event, "month"));
                ObjectNode root = HttpJson.object();
                root.put("month", period.toString());
                ArrayNode documents = root.putArray("documents");
                clientInvoices.month(clientId, period).forEach(r -> documents.add(view(r, today)));
                yield json(200, root);
            }
            case "GET /client/invoices/{number}" -> json(200, view(own(clientId, path.get("number")), today));
            case "GET /client/invoices/{number}/exports" -> exports(own(clientId, path.get("number")).invoice());
            default -> error(404, "no route " + event.getRouteKey());
        };
    }

    private Receivable own(String clientId, String number) {
        return clientInvoices.document(clientId, number)
                .orElseThrow(() -> new NoSuchElementException("no invoice or credit note " + number));
    }

    private APIGatewayV2HTTPResponse listMonth(APIGatewayV2HTTPEvent event, LocalDate today) {
        String month = HttpJson.query(event, "month");
        YearMonth period = month(month);
        ObjectNode root = HttpJson.object();
        root.put("month", period.toString());
        ArrayNode documents = root.putArray("documents");
        desk.month(period).forEach(r -> documents.add(view(r, today)));
        return json(200, root);
    }

    private APIGatewayV2HTTPResponse document(String number, LocalDate today) {
        return json(200, view(found(number), today));
    }

    private APIGatewayV2HTTPResponse exports(String number) {
        return exports(found(number).invoice());
    }

    private APIGatewayV2HTTPResponse exports(Invoice invoice) {
        ObjectNode root = HttpJson.object();
        root.put("number", invoice.number());
        root.put("expires_in_seconds", S3Links.LIFETIME.toSeconds());
        for (Map.Entry<String, String> file : Map.of("pdf", ".pdf", "facturx", "_facturx.pdf", "json", ".json")
                .entrySet()) {
            links.download(InvoiceExports.documentKey(invoice, file.getValue()))
                    .ifPresent(url -> root.put(file.getKey(), url));
        }
        if (!invoice.isCreditNote()) {
            links.download(InvoiceExports.usageKey(invoice.clientId(), invoice.period()))
                    .ifPresent(url -> root.put("usage", url));
        }
        return json(200, root);
    }

    private APIGatewayV2HTTPResponse journal(String month) {
        YearMonth period = month(month);
        Optional<String> url = links.download(InvoiceExports.journalKey(period));
        if (url.isEmpty()) {
            return error(404, "no journal for " + period + " yet");
        }
        ObjectNode root = HttpJson.object();
        root.put("month", period.toString());
        root.put("journal", url.get());
        // The European services declaration, when the month has reverse-charge sales.
        links.download(InvoiceExports.desKey(period)).ifPresent(des -> root.put("des", des));
        // The month's accounting entries (FEC), once the month is closed by the invoice run.
        links.download(InvoiceExports.fecKey(period)).ifPresent(fec -> root.put("fec", fec));
        root.put("expires_in_seconds", S3Links.LIFETIME.toSeconds());
        return json(200, root);
    }

    private APIGatewayV2HTTPResponse pay(String number, JsonNode body, LocalDate today, String caller) {
        Payment payment;
        try {
            payment = new Payment(number, decimal(body, "amount"), date(body, "received_on"),
                    text(body, "bank_reference"));
        } catch (IllegalArgumentException e) {
            throw new BadRequest(e.getMessage());
        }
        Payment.Outcome outcome = desk.pay(payment, today);
        log.info("payment", "number", number, "outcome", outcome, "amount", payment.amount(), "caller", caller);
        return switch (outcome) {
            case RECORDED -> json(201, view(found(number), today));
            case ALREADY_RECORDED -> json(200, view(found(number), today));
            case CONFLICT -> error(409, "bank reference " + payment.bankReference()
                    + " was recorded before with another invoice, amount or date");
            case UNKNOWN_INVOICE -> error(404, "no invoice " + number);
        };
    }

    private APIGatewayV2HTTPResponse dispute(String number, JsonNode body, LocalDate today, String caller) {
        String reason = text(body, "reason");
        Dispute.Outcome outcome = desk.dispute(number, reason, today);
        log.info("dispute", "number", number, "outcome", outcome, "caller", caller);
        if (outcome == Dispute.Outcome.RECORDED || outcome == Dispute.Outcome.ALREADY_OPEN) {
            // The client is told once, also when a retried request finds its dispute already recorded.
            Receivable disputed = found(number);
            billingEmails.apply(disputed.invoice().clientId()).ifPresent(to ->
                    mailer.send(InvoiceNotices.disputeAcknowledged(disputed.invoice(), disputed.dispute(), to)));
        }
        return switch (outcome) {
            case RECORDED -> json(201, view(found(number), today));
            case ALREADY_OPEN -> error(409, number + " is already disputed");
            case TOO_LATE -> error(422, "a dispute is filed within " + Dispute.FILING_DAYS
                    + " days of the invoice's issue date");
            case NOT_AN_INVOICE -> error(422, number + " is a credit note");
            case UNKNOWN_INVOICE -> error(404, "no invoice " + number);
        };
    }

    private APIGatewayV2HTTPResponse resolve(String number, LocalDate today, String caller) {
        found(number);
        boolean resolved = desk.resolveDispute(number, today);
        log.info("dispute_resolved", "number", number, "resolved", resolved, "caller", caller);
        return resolved ? json(200, view(found(number), today)) : error(409, number + " has no open dispute");
    }

    private APIGatewayV2HTTPResponse credit(String number, JsonNode body, LocalDate today, String caller) {
        found(number);
        Invoice credit;
        if (body.hasNonNull("connect_contact_id")) {
            // A disputed call, credited by its Connect ContactId for its amount, once.
            credit = desk.creditCall(number, text(body, "connect_contact_id"), text(body, "reason"), today);
        } else {
            BigDecimal amount = body.hasNonNull("amount_excl_vat") ? decimal(body, "amount_excl_vat") : null;
            credit = desk.creditNote(number, new CreditNotes.Request(text(body, "reference"),
                    text(body, "reason"), amount), today);
        }
        log.info("credit_note", "number", credit.number(), "corrects", number, "caller", caller);
        return json(201, view(found(credit.number()), today));
    }

    private Receivable found(String number) {
        return desk.document(number).orElseThrow(() -> new NoSuchElementException("no invoice or credit note "
                + number));
    }

    private static ObjectNode view(Receivable r, LocalDate today) {
        Invoice i = r.invoice();
        ObjectNode n = HttpJson.object();
        n.put("number", i.number());
        n.put("type", i.type().name().toLowerCase(java.util.Locale.ROOT));
        n.put("client_id", i.clientId());
        n.put("period", i.period().toString());
        n.put("issue_date", i.issueDate().toString());
        n.put("due_date", i.dueDate().toString());
        n.put("total_excl_vat", i.totalExclVat().toPlainString());
        n.put("vat_amount", i.vatAmount().toPlainString());
        n.put("total_incl_vat", i.totalInclVat().toPlainString());
        if (i.corrects() != null) {
            n.put("corrects", i.corrects());
        }
        n.put("status", r.status(today).name());
        if (!i.isCreditNote()) {
            n.put("paid", r.paid().toPlainString());
            n.put("credited_incl_vat", r.creditedInclVat().toPlainString());
            n.put("outstanding", r.outstanding().toPlainString());
            if (r.settledOn() != null) {
                n.put("settled_on", r.settledOn().toString());
            }
            if (r.dispute() != null) {
                ObjectNode d = n.putObject("dispute");
                d.put("filed_on", r.dispute().filedOn().toString());
                d.put("reason", r.dispute().reason());
                d.put("resolved_on", r.dispute().resolvedOn() == null ? null : r.dispute().resolvedOn().toString());
            }
            if (r.penalty() != null) {
                ObjectNode p = n.putObject("late_penalty");
                p.put("days_late", r.penalty().daysLate());
                p.put("interest", r.penalty().interest().toPlainString());
                p.put("recovery_indemnity", r.penalty().indemnity().toPlainString());
                p.put("total", r.penalty().total().toPlainString());
                p.put("complete", r.penalty().complete());
            }
        }
        return n;
    }

    private static JsonNode body(APIGatewayV2HTTPEvent event) {
        JsonNode node;
        try {
            node = HttpJson.body(event);
        } catch (HttpJson.UnreadableBody e) {
            throw new BadRequest("the body is not valid JSON: " + e.getMessage());
        }
        if (node.isMissingNode()) {
            throw new BadRequest("a JSON body is required");
        }
        if (!node.isObject()) {
            throw new BadRequest("the body must be a JSON object");
        }
        return node;
    }

    private static String text(JsonNode body, String field) {
        JsonNode v = body.get(field);
        if (v == null || v.isNull() || !v.isValueNode() || v.asText().isBlank()) {
            throw new BadRequest("'" + field + "' is required");
        }
        return v.asText();
    }

    /** An amount in euros as finance writes one: digits, and at most two decimals (no exponent, no sign). */
    private static final java.util.regex.Pattern AMOUNT = java.util.regex.Pattern.compile("\\d{1,12}(\\.\\d{1,2})?");

    private static BigDecimal decimal(JsonNode body, String field) {
        String value = text(body, field);
        if (value == null || !AMOUNT.matcher(value).matches()) {
            String shown = value == null ? "nothing" : value.length() > 40 ? value.substring(0, 40) + "..." : value;
            throw new BadRequest("'" + field + "' must be an amount in euros such as \"154.68\" (at most 12 digits "
                    + "before the point and 2 after), not '" + shown + "'");
        }
        return new BigDecimal(value);
    }

    private static LocalDate date(JsonNode body, String field) {
        String value = text(body, field);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest("'" + field + "' must be a date YYYY-MM-DD, not '" + value + "'");
        }
    }

    private static YearMonth month(String value) {
        if (value == null) {
            throw new BadRequest("'month' is required (YYYY-MM)");
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequest("'month' must be YYYY-MM, not '" + value + "'");
        }
    }

    /** A request that cannot be read: 400 with the reason. */
    private static final class BadRequest extends RuntimeException {
        BadRequest(String message) {
            super(message);
        }
    }
}
