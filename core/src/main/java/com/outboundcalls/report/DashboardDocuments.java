package com.outboundcalls.report;

import com.outboundcalls.json.JsonTrees;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.outboundcalls.files.Html;
import com.outboundcalls.files.SafeCsv;
import com.outboundcalls.time.Zones;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A client's dashboard as files: one self-contained HTML page per language (inline SVG charts, no script, no
 * external resource, its own strict Content-Security-Policy), the same figures as JSON, and as a CSV a French
 * spreadsheet opens (UTF-8 with BOM, {@code ;}, decimal comma). Only counts, rates and amounts: nothing names a
 * callee or shows a number.
 */
public final class DashboardDocuments {

    /** The page's language: French by default, English available. */
    public enum Language {
        FR(Locale.FRANCE, "index.html"), EN(Locale.UK, "index.en.html");

        final Locale locale;
        public final String fileName;

        Language(Locale locale, String fileName) {
            this.locale = locale;
            this.fileName = fileName;
        }
    }

    private static final String STYLE = """
            body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;padding:1rem;color:#1d2733;\
            background:#f5f7fa;line-height:1.4}h1{font-size:1.4rem;margin:0 0 .25rem}h2{font-size:1.2rem;\
            margin:1.5rem 0 .5rem}h3{font-size:1rem;margin:.25rem 0 .5rem}.meta{color:#5a6b7d;font-size:.9rem}\
            .lang{float:right}.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(280px,1fr));gap:.75rem}\
            .card{background:#fff;border-radius:8px;padding:.75rem;box-shadow:0 1px 2px rgba(0,0,0,.08)}\
            .kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(130px,1fr));gap:.5rem}\
            .kpi{background:#fff;border-radius:8px;padding:.5rem .75rem}.kpi b{display:block;font-size:1.3rem}\
            .kpi span{color:#5a6b7d;font-size:.85rem}svg{width:100%;height:auto;display:block}\
            table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.25rem .4rem;\
            border-bottom:1px solid #e3e8ee}td.n{text-align:right}.bar{fill:#2f6fb3}.bar2{fill:#8fb8e3}\
            .axis{stroke:#9aa8b6;stroke-width:1}.lbl{font-size:10px;fill:#5a6b7d}.val{font-size:10px;fill:#1d2733}\
            .s-reached{fill:#2e8b57}.s-unsuccessful{fill:#e0a526}.s-notReached{fill:#c0392b}.s-opposed{fill:#7f8c8d}\
            .s-inProgress{fill:#2f6fb3}.s-callable{fill:#b8c7d6}.legend{font-size:.85rem}.sw{display:inline-block;\
            width:.8rem;height:.8rem;border-radius:2px;margin:0 .25rem 0 .6rem;vertical-align:middle}\
            .sw.s-reached{background:#2e8b57}.sw.s-unsuccessful{background:#e0a526}.sw.s-notReached{background:#c0392b}\
            .sw.s-opposed{background:#7f8c8d}.sw.s-inProgress{background:#2f6fb3}.sw.s-callable{background:#b8c7d6}\
            @media (max-width:480px){body{padding:.5rem}h1{font-size:1.2rem}}""";

    private DashboardDocuments() {
    }

    // ------------------------------------------------------------------------------------------------ JSON

    public static byte[] json(String clientId, Instant generatedAt, List<CampaignDashboard> campaigns) {
        ObjectNode root = JsonTrees.object();
        root.put("clientId", clientId);
        root.put("generatedAt", generatedAt.toString());
        ArrayNode list = root.putArray("campaigns");
        for (CampaignDashboard d : campaigns) {
            ObjectNode c = list.addObject();
            c.put("campaignId", d.campaignId());
            c.put("status", d.status());
            ObjectNode contacts = c.putObject("contacts");
            contacts.put("stored", d.contacts());
            contacts.put("callable", d.callable());
            contacts.put("inProgress", d.inProgress());
            contacts.put("reached", d.reached());
            contacts.put("notReached", d.notReached());
            contacts.put("unsuccessful", d.unsuccessful());
            contacts.put("opposed", d.opposed());
            c.put("attempts", d.attempts());
            c.put("attemptsPerContact", d.attemptsPerContact());
            c.put("reachRatePercent", d.reachRate());
            c.put("calls", d.calls());
            c.put("answered", d.answered());
            ObjectNode byAttempt = c.putObject("answerRatePercentByAttempt");
            d.reachRateByAttempt().forEach((a, r) -> byAttempt.put(String.valueOf(a), r));
            ObjectNode byHour = c.putObject("answerRatePercentByHour");
            d.answerRateByHour().forEach((h, r) -> byHour.put(String.valueOf(h), r));
            ObjectNode byDay = c.putObject("answerRatePercentByWeekday");
            d.answerRateByDay().forEach((day, r) -> byDay.put(String.valueOf(day), r));
            if (d.medianTalkSeconds() != null) {
                c.put("medianTalkSeconds", d.medianTalkSeconds());
            }
            ArrayNode talk = c.putArray("talkTime");
            d.talkTime().forEach(t -> {
                ObjectNode r = talk.addObject().put("fromSeconds", t.fromSeconds()).put("calls", t.calls());
                if (t.toSeconds() != null) {
                    r.put("toSeconds", t.toSeconds());
                }
            });
            if (d.agents() != null) {
                AgentFigures a = d.agents();
                ObjectNode agents = c.putObject("agents");
                agents.put("dialingMode", a.dialingMode());
                ObjectNode dispositions = agents.putObject("dispositions");
                a.dispositions().forEach(dispositions::put);
                agents.put("dispositionsMissing", a.dispositionsMissing());
                agents.put("callbacksRequested", a.callbacksRequested());
                agents.put("callbacksDue", a.callbacksDue());
                agents.put("averageSpeedOfAnswerSeconds", a.averageSpeedOfAnswerSeconds());
                agents.put("abandonmentRatePercent", a.abandonmentRatePercent());
                agents.put("abandonmentTargetPercent", a.abandonmentTargetPercent());
            }
            c.put("billedMinutes", d.billedMinutes());
            c.put("costExclVat", d.costExclVat().toPlainString());
            c.put("currency", "EUR");
            ArrayNode files = c.putArray("contactFiles");
            d.files().forEach(f -> {
                ObjectNode o = files.addObject().put("file", f.file()).put("status", f.status())
                        .put("rowsRead", f.rowsRead()).put("accepted", f.accepted()).put("skipped", f.skipped())
                        .put("rejected", f.rejected());
                ObjectNode reasons = o.putObject("rejectedByReason");
                f.rejectedByReason().forEach(reasons::put);
            });
        }
        return JsonTrees.writePretty(root);
    }

    // ------------------------------------------------------------------------------------------------ CSV

    /** One row per figure: campaign; figure; detail; value (decimal comma). */
    public static byte[] csv(List<CampaignDashboard> campaigns) {
        StringBuilder out = new StringBuilder("\uFEFFcampagne;indicateur;détail;valeur\r\n");
        for (CampaignDashboard d : campaigns) {
            String c = d.campaignId();
            row(out, c, "contacts", "", d.contacts());
            row(out, c, "à appeler", "", d.callable());
            row(out, c, "en cours", "", d.inProgress());
            row(out, c, "joints", "", d.reached());
            row(out, c, "non joints", "", d.notReached());
            row(out, c, "sans suite", "", d.unsuccessful());
            row(out, c, "opposés", "", d.opposed());
            row(out, c, "tentatives", "", d.attempts());
            row(out, c, "tentatives par contact", "", d.attemptsPerContact());
            row(out, c, "taux de joignabilité (%)", "", d.reachRate());
            d.reachRateByAttempt().forEach((a, r) -> row(out, c, "taux de réponse par tentative (%)", "tentative " + a, r));
            d.answerRateByHour().forEach((h, r) -> row(out, c, "taux de réponse par heure (%)", h + " h", r));
            d.answerRateByDay().forEach((day, r) -> row(out, c, "taux de réponse par jour (%)",
                    java.time.DayOfWeek.of(day).getDisplayName(java.time.format.TextStyle.FULL, Locale.FRANCE), r));
            if (d.medianTalkSeconds() != null) {
                row(out, c, "durée médiane de conversation (s)", "", d.medianTalkSeconds());
            }
            d.talkTime().forEach(t -> row(out, c, "appels par durée de conversation", range(t, Language.FR), t.calls()));
            if (d.agents() != null) {
                AgentFigures a = d.agents();
                a.dispositions().forEach((disposition, n) -> row(out, c, "issues des conversations", disposition, n));
                row(out, c, "issues non saisies", "", a.dispositionsMissing());
                row(out, c, "rappels demandés", "", a.callbacksRequested());
                row(out, c, "rappels à faire", "", a.callbacksDue());
                row(out, c, "délai moyen de prise en charge (s)", "", a.averageSpeedOfAnswerSeconds());
                row(out, c, "taux d'abandon (%)", "cible " + a.abandonmentTargetPercent().toPlainString(),
                        a.abandonmentRatePercent());
            }
            row(out, c, "minutes facturées", "", d.billedMinutes());
            row(out, c, "coût HT (EUR)", "", d.costExclVat());
            for (CampaignDashboard.FileReport f : d.files()) {
                row(out, c, "fichier lu (lignes)", f.file(), f.rowsRead());
                row(out, c, "fichier accepté (lignes)", f.file(), f.accepted());
                f.rejectedByReason().forEach((reason, n) -> row(out, c, "fichier rejeté (lignes)",
                        f.file() + " " + reason, n));
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder out, String campaign, String figure, String detail, Object value) {
        String v = value instanceof BigDecimal d ? d.toPlainString().replace('.', ',') : String.valueOf(value);
        out.append(SafeCsv.quoted(campaign, ';')).append(';').append(SafeCsv.quoted(figure, ';')).append(';')
                .append(SafeCsv.quoted(detail, ';')).append(';').append(SafeCsv.number(v, ';')).append("\r\n");
    }

    // ------------------------------------------------------------------------------------------------ HTML

    /** The page; {@code clientName} and every id in it are escaped. */
    public static byte[] html(Language lang, String clientName, Instant generatedAt, List<CampaignDashboard> campaigns) {
        Labels l = new Labels(lang);
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html><html lang=\"").append(lang.locale.getLanguage()).append("\"><head><meta charset=\"utf-8\">")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src '")
                .append(styleHash()).append("'; img-src 'none'; base-uri 'none'; form-action 'none'\">")
                .append("<title>").append(esc(l.t("title"))).append(" - ").append(esc(clientName)).append("</title>")
                .append("<style>").append(STYLE).append("</style></head><body>");
        Language other = lang == Language.FR ? Language.EN : Language.FR;
        h.append("<a class=\"lang\" href=\"").append(other.fileName).append("\" hreflang=\"")
                .append(other.locale.getLanguage()).append("\">").append(lang == Language.FR ? "English" : "Français")
                .append("</a>");
        h.append("<h1>").append(esc(l.t("title"))).append(" - ").append(esc(clientName)).append("</h1>");
        h.append("<p class=\"meta\">").append(esc(l.t("generated"))).append(' ')
                .append(DateTimeFormatter.ofPattern(lang == Language.FR ? "dd/MM/yyyy HH:mm" : "d MMM yyyy HH:mm",
                        lang.locale).format(generatedAt.atZone(Zones.BILLING))).append(" (Europe/Paris)</p>");
        if (campaigns.isEmpty()) {
            h.append("<p>").append(esc(l.t("none"))).append("</p>");
        }
        for (CampaignDashboard d : campaigns) {
            campaign(h, d, l);
        }
        h.append("</body></html>");
        return h.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void campaign(StringBuilder h, CampaignDashboard d, Labels l) {
        h.append("<section><h2>").append(esc(l.t("campaign"))).append(' ').append(esc(d.campaignId()))
                .append(" <span class=\"meta\">").append(esc(l.status(d.status()))).append("</span></h2>");
        h.append("<div class=\"kpis\">");
        kpi(h, l.n(d.contacts()), l.t("contacts"));
        kpi(h, l.pct(d.reachRate()), l.t("reachRate"));
        kpi(h, l.dec(d.attemptsPerContact()), l.t("attemptsPerContact"));
        kpi(h, d.medianTalkSeconds() == null ? "-" : l.duration(d.medianTalkSeconds()), l.t("medianTalk"));
        kpi(h, l.dec(d.billedMinutes()), l.t("billedMinutes"));
        kpi(h, l.money(d.costExclVat()), l.t("cost"));
        h.append("</div><div class=\"grid\">");

        h.append("<div class=\"card\"><h3>").append(esc(l.t("statuses"))).append("</h3>");
        statusBar(h, d, l);
        h.append("</div>");
        chartCard(h, l.t("byAttempt"), d.reachRateByAttempt(), a -> l.t("attempt") + " " + a, l, "chart-attempt");
        chartCard(h, l.t("byHour"), d.answerRateByHour(), hour -> hour + (l.lang == Language.FR ? " h" : ":00"), l,
                "chart-hour");
        chartCard(h, l.t("byDay"), d.answerRateByDay(), day -> java.time.DayOfWeek.of(day)
                .getDisplayName(java.time.format.TextStyle.SHORT, l.lang.locale), l, "chart-day");
        Map<Integer, BigDecimal> talk = new java.util.LinkedHashMap<>();
        long answered = Math.max(1, d.talkTime().stream().mapToLong(CampaignDashboard.TalkRange::calls).sum());
        for (int i = 0; i < d.talkTime().size(); i++) {
            talk.put(i, BigDecimal.valueOf(d.talkTime().get(i).calls() * 100L)
                    .divide(BigDecimal.valueOf(answered), 1, java.math.RoundingMode.HALF_UP));
        }
        chartCard(h, l.t("talk"), talk, i -> upTo(d.talkTime().get(i)), l, "chart-talk");
        h.append("</div>");
        if (d.agents() != null) {
            agents(h, d.agents(), l);
        }

        if (!d.files().isEmpty()) {
            h.append("<div class=\"card\"><h3>").append(esc(l.t("files"))).append("</h3><table><tr><th>")
                    .append(esc(l.t("file"))).append("</th><th>").append(esc(l.t("rowsRead"))).append("</th><th>")
                    .append(esc(l.t("accepted"))).append("</th><th>").append(esc(l.t("rejected"))).append("</th><th>")
                    .append(esc(l.t("reasons"))).append("</th></tr>");
            for (CampaignDashboard.FileReport f : d.files()) {
                StringBuilder reasons = new StringBuilder();
                f.rejectedByReason().forEach((reason, n) -> reasons.append(reasons.isEmpty() ? "" : ", ")
                        .append(reason).append(" ").append(l.n(n)));
                h.append("<tr><td>").append(esc(f.file())).append("</td><td class=\"n\">").append(l.n(f.rowsRead()))
                        .append("</td><td class=\"n\">").append(l.n(f.accepted())).append("</td><td class=\"n\">")
                        .append(l.n(f.rejected())).append("</td><td>").append(esc(reasons.toString())).append("</td></tr>");
            }
            h.append("</table></div>");
        }
        h.append("</section>");
    }

    private static void kpi(StringBuilder h, String value, String label) {
        h.append("<div class=\"kpi\"><b>").append(esc(value)).append("</b><span>").append(esc(label)).append("</span></div>");
    }

    /** The contacts by status as one stacked bar, with its legend and a table of the same counts. */
    private static void statusBar(StringBuilder h, CampaignDashboard d, Labels l) {
        Map<String, Long> parts = new java.util.LinkedHashMap<>();
        parts.put("reached", d.reached());
        parts.put("unsuccessful", d.unsuccessful());
        parts.put("notReached", d.notReached());
        parts.put("opposed", d.opposed());
        parts.put("inProgress", d.inProgress());
        parts.put("callable", d.callable());
        long total = Math.max(1, parts.values().stream().mapToLong(Long::longValue).sum());
        h.append("<svg class=\"chart-status\" viewBox=\"0 0 300 30\" role=\"img\" aria-label=\"")
                .append(esc(l.t("statuses"))).append("\">");
        double x = 0;
        for (Map.Entry<String, Long> e : parts.entrySet()) {
            double w = 300.0 * e.getValue() / total;
            if (w > 0) {
                h.append(String.format(Locale.ROOT, "<rect class=\"s-%s\" x=\"%.2f\" y=\"0\" width=\"%.2f\" height=\"30\">"
                        + "<title>%s: %s</title></rect>", e.getKey(), x, w, esc(l.t(e.getKey())), l.n(e.getValue())));
                x += w;
            }
        }
        h.append("</svg><p class=\"legend\">");
        parts.forEach((k, v) -> h.append("<span class=\"sw s-").append(k).append("\"></span>").append(esc(l.t(k)))
                .append(" ").append(l.n(v)));
        h.append("</p>");
    }

    /** A bar chart of percentages, one bar per key, labelled below and valued above. */
    private static <K> void chartCard(StringBuilder h, String title, Map<K, BigDecimal> values,
                                      java.util.function.Function<K, String> label, Labels l, String cssClass) {
        h.append("<div class=\"card\"><h3>").append(esc(title)).append("</h3>");
        if (values.isEmpty()) {
            h.append("<p class=\"meta\">").append(esc(l.t("noCalls"))).append("</p></div>");
            return;
        }
        int n = values.size();
        double width = 300;
        double height = 150;
        double top = 14;
        double bottom = 24;
        double slot = width / n;
        double bar = Math.max(2, slot * 0.7);
        h.append(String.format(Locale.ROOT, "<svg class=\"%s\" viewBox=\"0 0 %.0f %.0f\" role=\"img\" aria-label=\"%s\">",
                cssClass, width, height, esc(title)));
        h.append(String.format(Locale.ROOT, "<line class=\"axis\" x1=\"0\" y1=\"%.1f\" x2=\"%.0f\" y2=\"%.1f\"/>",
                height - bottom, width, height - bottom));
        int i = 0;
        for (Map.Entry<K, BigDecimal> e : values.entrySet()) {
            double pct = Math.min(100, e.getValue().doubleValue());
            double barHeight = (height - top - bottom) * pct / 100.0;
            double x = i * slot + (slot - bar) / 2;
            double y = height - bottom - barHeight;
            h.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.2f\" y=\"%.2f\" width=\"%.2f\" height=\"%.2f\">"
                            + "<title>%s: %s</title></rect>", x, y, bar, barHeight, esc(label.apply(e.getKey())),
                    l.pct(e.getValue())));
            if (n <= 12) {
                h.append(String.format(Locale.ROOT, "<text class=\"val\" x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">%s</text>",
                        x + bar / 2, y - 3, esc(l.pct(e.getValue()))));
            }
            if (n <= 12 || i % 3 == 0) {
                h.append(String.format(Locale.ROOT, "<text class=\"lbl\" x=\"%.2f\" y=\"%.2f\" text-anchor=\"middle\">%s</text>",
                        x + bar / 2, height - bottom + 14, esc(label.apply(e.getKey()))));
            }
            i++;
        }
        h.append("</svg></div>");
    }

    /** A talk-time range as a chart label short enough for a phone: its upper bound ("< 1 min"). */
    private static String upTo(CampaignDashboard.TalkRange t) {
        if (t.toSeconds() == null) {
            return "≥" + t.fromSeconds() / 60 + "m";
        }
        return t.toSeconds() < 60 ? "<" + t.toSeconds() + "s" : "<" + t.toSeconds() / 60 + "m";
    }

    private static String range(CampaignDashboard.TalkRange t, Language lang) {
        String from = t.fromSeconds() < 60 ? t.fromSeconds() + " s" : t.fromSeconds() / 60 + " min";
        if (t.toSeconds() == null) {
            return "≥ " + from;
        }
        String to = t.toSeconds() < 60 ? t.toSeconds() + " s" : t.toSeconds() / 60 + " min";
        return from + "–" + to;
    }

    /** An agent-assisted campaign's card: speed of answer, abandonment against its target, callbacks, dispositions. */
    private static void agents(StringBuilder h, AgentFigures a, Labels l) {
        h.append("<div class=\"card\"><h3>").append(esc(l.t("agents"))).append(" (").append(esc(a.dialingMode()))
                .append(")</h3><div class=\"kpis\">");
        kpi(h, l.dec(a.averageSpeedOfAnswerSeconds()) + " s", l.t("speedOfAnswer"));
        kpi(h, l.pct(a.abandonmentRatePercent()), l.t("abandonment") + " (" + l.t("target") + " "
                + l.pct(a.abandonmentTargetPercent()) + ")");
        kpi(h, l.n(a.callbacksDue()), l.t("callbacksDue"));
        kpi(h, l.n(a.dispositionsMissing()), l.t("dispositionsMissing"));
        h.append("</div><table><tr><th>").append(esc(l.t("disposition"))).append("</th><th>")
                .append(esc(l.t("conversations"))).append("</th></tr>");
        a.dispositions().forEach((disposition, n) -> h.append("<tr><td>").append(esc(l.t("d." + disposition)))
                .append("</td><td class=\"n\">").append(l.n(n)).append("</td></tr>"));
        h.append("</table></div>");
    }

    /** The hash that lets the page's own style block, and nothing else, through its Content-Security-Policy. */
    static String styleHash() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(STYLE.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String esc(String s) {
        return Html.escape(s);
    }

    /** The page's words and number formats in one language. */
    private static final class Labels {
        private static final Map<String, String[]> WORDS = Map.ofEntries(
                Map.entry("title", new String[]{"Tableau de bord des campagnes", "Campaign dashboard"}),
                Map.entry("agents", new String[]{"Conseillers", "Agents"}),
                Map.entry("speedOfAnswer", new String[]{"délai moyen de prise en charge", "average speed of answer"}),
                Map.entry("abandonment", new String[]{"taux d'abandon", "abandonment rate"}),
                Map.entry("target", new String[]{"cible", "target"}),
                Map.entry("callbacksDue", new String[]{"rappels à faire", "callbacks due"}),
                Map.entry("dispositionsMissing", new String[]{"issues non saisies", "dispositions missing"}),
                Map.entry("disposition", new String[]{"Issue de la conversation", "Disposition"}),
                Map.entry("conversations", new String[]{"conversations", "conversations"}),
                Map.entry("d.COMPLETED", new String[]{"abouti", "completed"}),
                Map.entry("d.UNSUCCESSFUL", new String[]{"infructueux", "unsuccessful"}),
                Map.entry("d.WRONG_PERSON", new String[]{"mauvais interlocuteur", "wrong person"}),
                Map.entry("d.CALLBACK", new String[]{"rappel demandé", "callback requested"}),
                Map.entry("d.REFUSED", new String[]{"refus", "refused"}),
                Map.entry("d.DO_NOT_CALL", new String[]{"ne plus appeler", "do not call"}),
                Map.entry("generated", new String[]{"Mis à jour le", "Updated"}),
                Map.entry("none", new String[]{"Aucune campagne pour le moment.", "No campaign yet."}),
                Map.entry("campaign", new String[]{"Campagne", "Campaign"}),
                Map.entry("contacts", new String[]{"contacts", "contacts"}),
                Map.entry("reachRate", new String[]{"taux de joignabilité", "reach rate"}),
                Map.entry("attemptsPerContact", new String[]{"tentatives par contact", "attempts per contact"}),
                Map.entry("medianTalk", new String[]{"durée médiane de conversation", "median talk time"}),
                Map.entry("billedMinutes", new String[]{"minutes facturées", "billed minutes"}),
                Map.entry("cost", new String[]{"coût HT à date", "cost to date excl. VAT"}),
                Map.entry("statuses", new String[]{"Contacts par statut", "Contacts by status"}),
                Map.entry("reached", new String[]{"joints", "reached"}),
                Map.entry("unsuccessful", new String[]{"sans suite", "unsuccessful"}),
                Map.entry("notReached", new String[]{"non joints", "not reached"}),
                Map.entry("opposed", new String[]{"opposés / retirés", "opposed / removed"}),
                Map.entry("inProgress", new String[]{"en cours", "in progress"}),
                Map.entry("callable", new String[]{"à appeler", "callable"}),
                Map.entry("byAttempt", new String[]{"Taux de réponse par tentative", "Answer rate by attempt"}),
                Map.entry("attempt", new String[]{"n°", "#"}),
                Map.entry("byHour", new String[]{"Taux de réponse par heure (heure de l'appelé)",
                        "Answer rate by hour (callee's time)"}),
                Map.entry("byDay", new String[]{"Taux de réponse par jour", "Answer rate by weekday"}),
                Map.entry("talk", new String[]{"Durée des conversations (part des appels)",
                        "Talk time (share of calls)"}),
                Map.entry("noCalls", new String[]{"Pas encore d'appel.", "No call yet."}),
                Map.entry("files", new String[]{"Fichiers de contacts", "Contact files"}),
                Map.entry("file", new String[]{"fichier", "file"}),
                Map.entry("rowsRead", new String[]{"lignes lues", "rows read"}),
                Map.entry("accepted", new String[]{"acceptées", "accepted"}),
                Map.entry("rejected", new String[]{"rejetées", "rejected"}),
                Map.entry("reasons", new String[]{"motifs de rejet", "rejection reasons"}),
                Map.entry("DRAFT", new String[]{"brouillon", "draft"}),
                Map.entry("ACTIVE", new String[]{"en cours", "active"}),
                Map.entry("PAUSED", new String[]{"en pause", "paused"}),
                Map.entry("FINISHED", new String[]{"terminée", "finished"}));

        final Language lang;
        private final NumberFormat integer;
        private final NumberFormat decimal;

        Labels(Language lang) {
            this.lang = lang;
            this.integer = NumberFormat.getIntegerInstance(lang.locale);
            this.decimal = NumberFormat.getNumberInstance(lang.locale);
            decimal.setMinimumFractionDigits(0);
            decimal.setMaximumFractionDigits(2);
        }

        String t(String key) {
            return WORDS.get(key)[lang == Language.FR ? 0 : 1];
        }

        String status(String status) {
            return WORDS.containsKey(status) ? t(status) : status;
        }

        String n(long value) {
            return integer.format(value);
        }

        String dec(BigDecimal value) {
            return decimal.format(value);
        }

        String pct(BigDecimal value) {
            return lang == Language.FR ? decimal.format(value) + " %" : decimal.format(value) + "%";
        }

        String money(BigDecimal value) {
            NumberFormat money = NumberFormat.getNumberInstance(lang.locale);
            money.setMinimumFractionDigits(2);
            money.setMaximumFractionDigits(2);
            return lang == Language.FR ? money.format(value) + " €" : "€" + money.format(value);
        }

        String duration(long seconds) {
            return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + String.format("%02d", seconds % 60) + " s";
        }
    }
}
