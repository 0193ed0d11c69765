package com.outboundcalls.rate;

import com.outboundcalls.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.account.AccountDirectory;
import com.outboundcalls.account.Client;
import com.outboundcalls.files.ObjectSink;
import com.outboundcalls.time.Zones;

import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Imports a price-list version from its file. A version is refused whole when a row is bad, when the
 * version exists already (versions are immutable), or when it raises a price with less than one calendar
 * month's notice (valid_from at least one month after publication, in Paris). Accepted raises are notified
 * to each client they apply to: a message for the notifications queue and a file under
 * {@code reports/{clientId}/notices/}. The routes an accepted version prices are handed to the rating side,
 * which rates the calls left UNRATED on them ({@link RouteRerating}); the import itself never changes a rated
 * call. The same file delivered again hands its routes over again, so a hand-over lost after the version was
 * saved is made good by the event's retry.
 */
public final class PriceListImport {


    /** Notices to clients (a queue, in production). */
    public interface Notices {
        void send(String clientId, String noticeJson);
    }

    /** What an import did, as written to {@code reports/price-lists/{listId}/{version}.summary.json}. */
    public record Outcome(String listId, String version, boolean accepted, int rows, List<String> reasons,
                          List<String> notifiedClients, int routesToRerate) {
        Outcome(String listId, String version, boolean accepted, int rows, List<String> reasons,
                List<String> notifiedClients) {
            this(listId, version, accepted, rows, reasons, notifiedClients, 0);
        }
    }

    private final PriceListStore store;
    private final RouteRerating.Handover rerating;
    private final AccountDirectory accounts;
    private final ObjectSink reports;
    private final Notices notices;
    private final Clock clock;

    public PriceListImport(PriceListStore store, RouteRerating.Handover rerating, AccountDirectory accounts,
                           ObjectSink reports, Notices notices, Clock clock) {
        this.store = store;
        this.rerating = rerating;
        this.accounts = accounts;
        this.reports = reports;
        this.notices = notices;
        this.clock = clock;
    }

    /** @param source the file's key and ETag (or version id): what makes a redelivery recognizable */
    public Outcome importFile(String key, String source, Supplier<Reader> content) {
        String[] listAndVersion = PriceListFile.listAndVersion(key);
        if (listAndVersion == null) {
            return new Outcome(null, null, false, 0,
                    List.of("the key is not of the form config/price-lists/{listId}/{version}.csv"), List.of());
        }
        String listId = listAndVersion[0];
        String version = listAndVersion[1];
        Instant publishedAt = clock.instant();
        Optional<String> publishedFrom = store.versionSource(listId, version);
        if (publishedFrom.isPresent()) {
            Outcome unchanged = new Outcome(listId, version, false, 0,
                    List.of("version " + version + " of list " + listId + " is published already; versions never"
                            + " change: publish a new version"), List.of());
            if (publishedFrom.get().equals(source)) {
                // The same file's event delivered again: nothing to report, but its routes handed over again
                // in case the first delivery stopped between saving the version and handing them over.
                rerating.rerate(routes(parse(listId, version, content).rows()));
                return unchanged;
            }
            return report(unchanged, ".resubmitted");
        }
        PriceListFile.Parsed parsed = parse(listId, version, content);
        List<String> reasons = new ArrayList<>();
        parsed.problems().forEach(p -> reasons.add("row " + p.row() + ": " + p.reason()));
        List<PriceListFile.Row> raises = new ArrayList<>();
        LocalDate noticeDate = publishedAt.atZone(Zones.BILLING).toLocalDate().plusMonths(1);
        for (PriceListFile.Row row : parsed.rows()) {
            Instant from = row.validFrom().atStartOfDay(Zones.BILLING).toInstant();
            // A negotiated list's row is a raise when it is above what its client paid for the route the day
            // before: its own earlier row, or the provider's price where it had none (terms art. 7).
            Optional<Price> current = PriceCatalog.DEFAULT_LIST.equals(listId)
                    ? store.priceAt(listId, row.originCountry(), row.destinationCountry(), row.numberType(), from)
                    : store.priceFor(listId, row.originCountry(), row.destinationCountry(), row.numberType(),
                    from.minusMillis(1));
            if (current.isPresent() && row.pricePerMinute().compareTo(current.get().pricePerMinute()) > 0) {
                if (row.validFrom().isBefore(noticeDate)) {
                    reasons.add("row " + row.row() + ": raises " + row.originCountry() + " to "
                            + row.destinationCountry() + " " + row.numberType() + " from "
                            + current.get().pricePerMinute().toPlainString() + " to "
                            + row.pricePerMinute().toPlainString() + " on " + row.validFrom()
                            + ", less than one month after publication (earliest " + noticeDate + ")");
                } else {
                    raises.add(row);
                }
            }
        }
        if (!reasons.isEmpty()) {
            return report(new Outcome(listId, version, false, parsed.rows().size(), reasons, List.of()));
        }
        store.saveVersion(listId, version, parsed.rows(), publishedAt, source);
        List<String> notified = new ArrayList<>();
        if (!raises.isEmpty()) {
            for (Client client : affectedClients(listId)) {
                String notice = notice(client.clientId(), listId, version, raises, publishedAt);
                notices.send(client.clientId(), notice);
                reports.put("reports/" + client.clientId() + "/notices/price-list-" + listId + "-" + version + ".json",
                        notice.getBytes(StandardCharsets.UTF_8), "application/json");
                notified.add(client.clientId());
            }
        }
        java.util.Set<RouteRerating.Route> routes = routes(parsed.rows());
        rerating.rerate(routes);
        return report(new Outcome(listId, version, true, parsed.rows().size(), List.of(), notified, routes.size()));
    }

    private static PriceListFile.Parsed parse(String listId, String version, Supplier<Reader> content) {
        try (Reader reader = content.get()) {
            return PriceListFile.parse(listId, version, reader);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static java.util.Set<RouteRerating.Route> routes(List<PriceListFile.Row> rows) {
        java.util.Set<RouteRerating.Route> routes = new java.util.LinkedHashSet<>();
        rows.forEach(r -> routes.add(new RouteRerating.Route(r.originCountry(), r.destinationCountry(),
                r.numberType())));
        return routes;
    }

    /** The provider's list applies to every client; a negotiated list to its client only. */
    private List<Client> affectedClients(String listId) {
        if (PriceCatalog.DEFAULT_LIST.equals(listId)) {
            return accounts.clients();
        }
        return accounts.clients().stream().filter(c -> listId.equals(c.priceListId())).toList();
    }

    private static String notice(String clientId, String listId, String version, List<PriceListFile.Row> raises,
                                 Instant publishedAt) {
        ObjectNode notice = JsonTrees.object();
        notice.put("type", "PRICE_INCREASE");
        notice.put("clientId", clientId);
        notice.put("priceList", listId);
        notice.put("version", version);
        notice.put("publishedAt", publishedAt.toString());
        ArrayNode rows = notice.putArray("increases");
        for (PriceListFile.Row r : raises) {
            ObjectNode n = rows.addObject();
            n.put("origin_country", r.originCountry());
            n.put("destination_country", r.destinationCountry());
            n.put("number_type", r.numberType());
            n.put("price_per_minute", r.pricePerMinute().toPlainString());
            n.put("valid_from", r.validFrom().toString());
        }
        return JsonTrees.write(notice);
    }

    private Outcome report(Outcome outcome) {
        return report(outcome, "");
    }

    private Outcome report(Outcome outcome, String suffix) {
        reports.put("reports/price-lists/" + outcome.listId() + "/" + outcome.version() + suffix + ".summary.json",
                JsonTrees.writePretty(summary(outcome)), "application/json");
        return outcome;
    }

    /** The outcome as its summary file reports it: each field in the record's order. */
    static ObjectNode summary(Outcome outcome) {
        ObjectNode root = JsonTrees.object();
        root.put("listId", outcome.listId());
        root.put("version", outcome.version());
        root.put("accepted", outcome.accepted());
        root.put("rows", outcome.rows());
        strings(root, "reasons", outcome.reasons());
        strings(root, "notifiedClients", outcome.notifiedClients());
        root.put("routesToRerate", outcome.routesToRerate());
        return root;
    }

    private static void strings(ObjectNode root, String field, List<String> values) {
        if (values == null) {
            root.putNull(field);
        } else {
            values.forEach(root.putArray(field)::add);
        }
    }
}
