package com.outboundcalls.infra.localcloud;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A function's role as its template states it (its {@code Policies}, resolved), evaluated as IAM does for the
 * requests its code makes: an explicit Deny wins, then any Allow whose action, resource and conditions all match;
 * nothing else is allowed. Remembers which of its grants were used, to report those never used.
 */
final class RolePolicy {

    /** One check of a request: an action on a resource, with the request's condition keys. */
    record Check(String action, String resource, Map<String, List<String>> context) {
        Check(String action, String resource) {
            this(action, resource, Map.of());
        }
    }

    /** A statement of the role, resolved. */
    record Statement(boolean allow, List<String> actions, List<String> resources,
                     Map<String, Map<String, List<String>>> conditions) {
    }

    private final String functionId;
    private final List<Statement> statements;
    /** Each Allow statement's actions, with whether a request was allowed through it. */
    private final Map<String, Boolean> grantsUsed = new LinkedHashMap<>();
    /**
     * The checks decided so far, with the grants each went through (none: denied). A role's statements never change,
     * so a check asked again (the same action on the same resource with the same keys) gets the same answer.
     */
    private final Map<Check, List<String>> decided = new java.util.HashMap<>();
    /** The statements matching each action on a resource asked so far (see {@link #matching}). */
    private final Map<String, List<Match>> matchesByPair = new java.util.HashMap<>();
    /** Decisions kept at most: the leading keys of some checks are a contact's or a call's. */
    private static final int DECISIONS_KEPT = 20_000;

    RolePolicy(String functionId, List<Statement> statements) {
        this.functionId = functionId;
        this.statements = List.copyOf(statements);
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            if (s.allow()) {
                for (String action : s.actions()) {
                    grantsUsed.put(grant(i, action), false);
                }
            }
        }
    }

    String functionId() {
        return functionId;
    }

    /** Whether the role allows the check; an allowed check marks the grants it went through as used. */
    synchronized boolean allows(Check check) {
        List<String> through = decided.get(check);
        if (through == null) {
            through = decide(check);
            if (decided.size() >= DECISIONS_KEPT) {
                decided.clear();
            }
            decided.put(check, through);
        }
        through.forEach(g -> grantsUsed.put(g, true));
        return !through.isEmpty();
    }

    /** The grants the check goes through; none when no Allow matches it or a Deny does. */
    private List<String> decide(Check check) {
        List<String> through = new ArrayList<>();
        for (Match match : matching(check.action(), check.resource())) {
            Statement s = statements.get(match.statement());
            if (!conditionsHold(s.conditions(), check.context())) {
                continue;
            }
            if (!s.allow()) {
                return List.of();
            }
            through.add(match.grant());
        }
        return List.copyOf(through);
    }

    /** A statement whose action and resource match a request's, with the grant it is ("action on resources"). */
    private record Match(int statement, String grant) {
    }

    /**
     * The statements, in order, whose actions and resources match an action on a resource: the same for every check
     * of that action on that resource, whatever its condition keys, so worked out once per pair.
     */
    private List<Match> matching(String action, String resource) {
        String pair = action + " " + resource;
        List<Match> known = matchesByPair.get(pair);
        if (known != null) {
            return known;
        }
        List<Match> found = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            String matched = matchingAction(s, action);
            if (matched != null && matchesAny(s.resources(), resource, false)) {
                found.add(new Match(i, grant(i, matched)));
            }
        }
        if (matchesByPair.size() >= DECISIONS_KEPT) {
            matchesByPair.clear();
        }
        matchesByPair.put(pair, List.copyOf(found));
        return found;
    }

    /** The actions granted that no request has used so far, as "action on resources". */
    synchronized List<String> unusedGrants() {
        Set<String> unused = new LinkedHashSet<>();
        grantsUsed.forEach((grant, used) -> {
            if (!used) {
                unused.add(grant.substring(grant.indexOf('|') + 1));
            }
        });
        return List.copyOf(unused);
    }

    /** Every grant, with whether a request used it: {@code "action on resources" -> used}. */
    synchronized Map<String, Boolean> grants() {
        Map<String, Boolean> all = new LinkedHashMap<>();
        grantsUsed.forEach((grant, used) -> all.merge(grant.substring(grant.indexOf('|') + 1), used, Boolean::logicalOr));
        return all;
    }

    private String grant(int statement, String action) {
        return statement + "|" + action + " on " + String.join(", ", statements.get(statement).resources());
    }

    private static String matchingAction(Statement s, String action) {
        for (String pattern : s.actions()) {
            if (wildcard(pattern, true).matcher(action).matches()) {
                return pattern;
            }
        }
        return null;
    }

    private static boolean matchesAny(List<String> patterns, String value, boolean ignoreCase) {
        for (String pattern : patterns) {
            if (wildcard(pattern, ignoreCase).matcher(value).matches()) {
                return true;
            }
        }
        return false;
    }

    /** IAM's condition operators this template uses; any other makes the role uncheckable, said at start. */
    static final Set<String> OPERATORS = Set.of("StringLike", "StringEquals", "ForAllValues:StringLike",
            "ForAllValues:StringEquals", "ForAnyValue:StringLike", "ForAnyValue:StringEquals");

    private static boolean conditionsHold(Map<String, Map<String, List<String>>> conditions,
                                          Map<String, List<String>> context) {
        for (Map.Entry<String, Map<String, List<String>>> operator : conditions.entrySet()) {
            String op = operator.getKey();
            boolean like = op.endsWith("StringLike");
            for (Map.Entry<String, List<String>> key : operator.getValue().entrySet()) {
                List<String> values = context.get(key.getKey());
                if (op.startsWith("ForAllValues:")) {
                    // As IAM: true when the request carries no value for the key.
                    if (values != null && !values.stream().allMatch(v -> matches(key.getValue(), v, like))) {
                        return false;
                    }
                } else if (values == null || values.isEmpty()) {
                    return false;
                } else if (op.startsWith("ForAnyValue:")) {
                    if (values.stream().noneMatch(v -> matches(key.getValue(), v, like))) {
                        return false;
                    }
                } else if (!matches(key.getValue(), values.get(0), like)) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean matches(List<String> patterns, String value, boolean like) {
        return like ? matchesAny(patterns, value, false) : patterns.contains(value);
    }

    private static final Map<String, Pattern> PATTERNS = new java.util.concurrent.ConcurrentHashMap<>();

    private static Pattern wildcard(String pattern, boolean ignoreCase) {
        return PATTERNS.computeIfAbsent((ignoreCase ? "i:" : "s:") + pattern, k -> {
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                switch (c) {
                    case '*' -> regex.append(".*");
                    case '?' -> regex.append('.');
                    default -> regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            return Pattern.compile(regex.toString(), ignoreCase ? Pattern.CASE_INSENSITIVE : 0);
        });
    }

    /** The role of a function from its template {@code Policies}, resolved; SAM's policy templates expanded. */
    @SuppressWarnings("unchecked")
    static RolePolicy of(String functionId, List<Object> policies, String region, String account) {
        List<Statement> statements = new ArrayList<>();
        for (Object policy : policies) {
            if (!(policy instanceof Map<?, ?> map) || map.size() != 1) {
                throw new IllegalStateException(functionId + ": the local cloud checks inline statements and SAM's "
                        + "DynamoDBReadPolicy and SQSSendMessagePolicy only, not " + policy);
            }
            Map.Entry<String, Object> entry = ((Map<String, Object>) map).entrySet().iterator().next();
            Map<String, Object> args = entry.getValue() instanceof Map<?, ?> a ? (Map<String, Object>) a : Map.of();
            switch (entry.getKey()) {
                case "Statement" -> {
                    for (Map<String, Object> s : (List<Map<String, Object>>) entry.getValue()) {
                        statements.add(statement(functionId, s));
                    }
                }
                case "DynamoDBReadPolicy" -> {
                    String table = "arn:aws:dynamodb:" + region + ":" + account + ":table/" + args.get("TableName");
                    statements.add(new Statement(true, List.of("dynamodb:GetItem", "dynamodb:Scan", "dynamodb:Query",
                            "dynamodb:BatchGetItem", "dynamodb:DescribeTable"), List.of(table, table + "/index/*"),
                            Map.of()));
                }
                case "SQSSendMessagePolicy" -> statements.add(new Statement(true, List.of("sqs:SendMessage*"),
                        List.of("arn:aws:sqs:" + region + ":" + account + ":" + args.get("QueueName")), Map.of()));
                default -> throw new IllegalStateException(functionId + ": policy template " + entry.getKey()
                        + " is not checked by the local cloud");
            }
        }
        return new RolePolicy(functionId, statements);
    }

    @SuppressWarnings("unchecked")
    private static Statement statement(String functionId, Map<String, Object> s) {
        if (s.containsKey("NotAction") || s.containsKey("NotResource") || s.containsKey("Principal")) {
            throw new IllegalStateException(functionId + ": NotAction, NotResource and Principal are not checked locally");
        }
        Map<String, Map<String, List<String>>> conditions = new LinkedHashMap<>();
        ((Map<String, Object>) s.getOrDefault("Condition", Map.of())).forEach((op, keys) -> {
            if (!OPERATORS.contains(op)) {
                throw new IllegalStateException(functionId + ": condition operator " + op + " is not checked locally");
            }
            Map<String, List<String>> byKey = new LinkedHashMap<>();
            ((Map<String, Object>) keys).forEach((key, values) -> byKey.put(key, strings(values)));
            conditions.put(op, byKey);
        });
        return new Statement("Allow".equals(s.get("Effect")), strings(s.get("Action")), strings(s.get("Resource")),
                conditions);
    }

    private static List<String> strings(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(String.valueOf(value));
    }
}
