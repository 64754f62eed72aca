package dev.ascent.gateway.routing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static dev.ascent.gateway.routing.RouteTable.Rule.ADMIN;
import static dev.ascent.gateway.routing.RouteTable.Rule.ASSESSMENT_PARTY;
import static dev.ascent.gateway.routing.RouteTable.Rule.AUTHENTICATED;
import static dev.ascent.gateway.routing.RouteTable.Rule.INTEGRATION_OWN_SOURCE;
import static dev.ascent.gateway.routing.RouteTable.Rule.MANAGER;
import static dev.ascent.gateway.routing.RouteTable.Rule.MANAGER_OF_OWNER;
import static dev.ascent.gateway.routing.RouteTable.Rule.PUBLIC;
import static dev.ascent.gateway.routing.RouteTable.Rule.SELF;
import static dev.ascent.gateway.routing.RouteTable.Rule.SELF_OR_LINE;

/**
 * Every operation of the public API, each with the service that answers it and the one rule that
 * decides who may call it (docs/architecture.md §5). Routing and access both come from here: an
 * operation that is not in the table is a 404 before anything is forwarded, so a service endpoint
 * cannot become reachable, nor get its access by accident, without a line here; the tests hold the
 * table against the merged OpenAPI document in both directions and walk every line with every
 * persona. Paths are matched on the normalised path, segment by segment; a literal segment beats
 * a {@code {parameter}} at the same position.
 */
public final class RouteTable {

    /** Operations the gateway answers itself; they check the same rule in their resource. */
    public static final String GATEWAY = "gateway";
    static final String ASSESSMENT = "assessment-service";
    static final String EVIDENCE = "evidence-service";
    static final String GROWTH_PLAN = "growth-plan-service";

    /** Who may call an operation. A closed set: adding a kind of rule means adding it to AccessControl. */
    public enum Rule {
        PUBLIC("anyone, without credentials (webhooks carry their tool's signature instead)"),
        AUTHENTICATED("any signed-in person; the service decides the rest where the data lives"),
        MANAGER("managers and admins; the service decides which objects"),
        ADMIN("admins"),
        SELF("the person concerned, or an admin"),
        SELF_OR_LINE("the person concerned, anyone above them in the reporting line, or an admin"),
        MANAGER_OF_OWNER("anyone above the person concerned (never that person), or an admin"),
        ASSESSMENT_PARTY("its assessor, its subject once submitted, anyone above the subject, or an admin"),
        INTEGRATION_OWN_SOURCE("an integration pushing to its own source (`source` claim), or an admin");

        public final String who;

        Rule(String who) {
            this.who = who;
        }

        /** Whether the rule is about a person (or source) the request names. */
        public boolean needsSubject() {
            return this == SELF || this == SELF_OR_LINE || this == MANAGER_OF_OWNER || this == ASSESSMENT_PARTY
                    || this == INTEGRATION_OWN_SOURCE;
        }
    }

    /**
     * Where the person concerned (or, for integrations, the source) is named: a path parameter, a
     * query parameter, a field of the JSON body, or a field of the object the path names, read from
     * the service that owns it.
     */
    public record Subject(Kind kind, String name, String service, String objectPath, String field) {
        public enum Kind { PATH, QUERY, BODY, OBJECT }

        public static Subject path(String param) {
            return new Subject(Kind.PATH, param, null, null, null);
        }

        /** A query parameter; without it only admins pass (the whole collection). */
        public static Subject query(String param) {
            return new Subject(Kind.QUERY, param, null, null, null);
        }

        public static Subject body(String field) {
            return new Subject(Kind.BODY, field, null, null, null);
        }

        /** The object at {@code objectPath} ({@code {id}} filled from the path) on {@code service}, its {@code field}. */
        public static Subject object(String service, String objectPath, String field) {
            return new Subject(Kind.OBJECT, "id", service, objectPath, field);
        }

        public String describe() {
            return switch (kind) {
                case PATH -> "path `{" + name + "}`";
                case QUERY -> "query `" + name + "` (without it: admins only)";
                case BODY -> "body `" + name + "`";
                case OBJECT -> "`" + field + "` of `" + objectPath + "`";
            };
        }
    }

    /** One operation: {@code method} and {@code pattern} as the OpenAPI document spells them. */
    public record Route(String method, String pattern, String service, Rule rule, Subject subject) {
        public Route {
            if (rule.needsSubject() != (subject != null)) {
                throw new IllegalStateException(method + " " + pattern + ": rule " + rule
                        + (subject == null ? " needs to know whom it is about" : " is about nobody in particular"));
            }
            if (subject != null && (subject.kind() == Subject.Kind.PATH || subject.kind() == Subject.Kind.OBJECT)
                    && !pattern.contains("{" + subject.name() + "}")) {
                throw new IllegalStateException(method + " " + pattern + ": no path parameter {" + subject.name() + "}");
            }
        }

        public List<String> segments() {
            return segmentsOf(pattern);
        }

        public String operation() {
            return method + " " + pattern;
        }

        /**
         * Whether the gateway keeps this operation's answers until something of the person the path
         * names changes (docs/architecture.md §6): reads whose answer is the same whoever may ask.
         */
        public boolean keptUntilChanged() {
            return KEPT_UNTIL_CHANGED.contains(operation());
        }
    }

    /** The operations whose answers are {@linkplain Route#keptUntilChanged() kept until they change}. */
    static final Set<String> KEPT_UNTIL_CHANGED = Set.of("GET /api/v1/people/{id}/readiness");

    /** A request matched to its route, with the values of the route's path parameters. */
    public record Match(Route route, Map<String, String> params) {
        public String param(String name) {
            return params.get(name);
        }
    }

    private static final String A = ASSESSMENT;
    private static final String E = EVIDENCE;
    private static final String G = GROWTH_PLAN;
    private static final Subject PERSON = Subject.path("id");
    private static final Subject EVIDENCE_OWNER = Subject.object(EVIDENCE, "/api/v1/evidence/{id}", "personId");
    private static final Subject PLAN_OWNER = Subject.object(GROWTH_PLAN, "/api/v1/plans/{id}", "personId");
    private static final Subject ASSESSMENT_SUBJECT = Subject.object(ASSESSMENT, "/api/v1/assessments/{id}", "subjectId");

    /** The public API. Keep it in the order of the README's table. */
    public static final RouteTable PUBLIC_API = new RouteTable(List.of(
            // the people directory and everything about one person (assessment-service)
            op("POST", "/api/v1/people", A, ADMIN),
            op("GET", "/api/v1/people", A, ADMIN),
            op("GET", "/api/v1/people/{id}", A, SELF_OR_LINE, PERSON),
            op("PUT", "/api/v1/people/{id}", A, ADMIN),
            op("GET", "/api/v1/people/{id}/reports", A, SELF_OR_LINE, PERSON),
            op("GET", "/api/v1/people/{id}/team", A, SELF_OR_LINE, PERSON),
            op("GET", "/api/v1/people/{id}/line", A, SELF_OR_LINE, PERSON),
            op("GET", "/api/v1/people/{id}/readiness", A, SELF_OR_LINE, PERSON),
            op("GET", "/api/v1/people/{id}/readiness/history", A, SELF_OR_LINE, PERSON),
            op("GET", "/api/v1/people/{id}/assessments", A, SELF_OR_LINE, PERSON),
            op("GET", "/api/v1/people/{id}/peer-ratings", A, SELF_OR_LINE, PERSON),
            op("GET", "/api/v1/people/{id}/cycles", A, SELF_OR_LINE, PERSON),
            op("GET", "/api/v1/people/{id}/calibrations", A, SELF_OR_LINE, PERSON),
            op("POST", "/api/v1/readiness/bulk", A, ADMIN),
            op("POST", "/api/v1/readiness/history/bulk", A, MANAGER),
            op("GET", "/api/v1/talent-pool", A, MANAGER),
            op("GET", "/api/v1/organisation", A, AUTHENTICATED),
            op("PUT", "/api/v1/organisation", A, ADMIN),
            op("GET", "/api/v1/frameworks/current", A, AUTHENTICATED),
            op("GET", "/api/v1/frameworks/versions", A, AUTHENTICATED),
            op("GET", "/api/v1/frameworks/versions/{version}", A, AUTHENTICATED),
            op("POST", "/api/v1/frameworks/versions", A, ADMIN),
            op("POST", "/api/v1/frameworks/versions/{version}/publish", A, ADMIN),
            op("POST", "/api/v1/cycles", A, MANAGER),
            op("GET", "/api/v1/cycles", A, MANAGER),
            op("GET", "/api/v1/cycles/{id}", A, MANAGER),
            op("POST", "/api/v1/cycles/{id}/peer-invitations", A, MANAGER),
            op("POST", "/api/v1/assessments", A, AUTHENTICATED),
            op("GET", "/api/v1/assessments/{id}", A, ASSESSMENT_PARTY, ASSESSMENT_SUBJECT),
            op("PUT", "/api/v1/assessments/{id}/ratings", A, AUTHENTICATED),
            op("POST", "/api/v1/assessments/{id}/submit", A, AUTHENTICATED),
            op("POST", "/api/v1/calibrations", A, MANAGER),
            // promotion cases: the service decides who sees and does what in each (the person, the line above,
            // invited reviewers, admins), answering 404 to anyone else
            op("POST", "/api/v1/promotion-cases", A, SELF_OR_LINE, Subject.body("personId")),
            op("GET", "/api/v1/promotion-cases", A, AUTHENTICATED),
            op("GET", "/api/v1/promotion-cases/{id}", A, AUTHENTICATED),
            op("POST", "/api/v1/promotion-cases/{id}/snapshot", A, AUTHENTICATED),
            op("PUT", "/api/v1/promotion-cases/{id}/narrative", A, AUTHENTICATED),
            op("POST", "/api/v1/promotion-cases/{id}/submit", A, AUTHENTICATED),
            op("POST", "/api/v1/promotion-cases/{id}/reviewers", A, AUTHENTICATED),
            op("POST", "/api/v1/promotion-cases/{id}/comments", A, AUTHENTICATED),
            op("PUT", "/api/v1/promotion-cases/{id}/comments/{commentId}", A, AUTHENTICATED),
            op("POST", "/api/v1/promotion-cases/{id}/decision", A, AUTHENTICATED),
            op("GET", "/api/v1/promotion-cases/{id}/export.md", A, AUTHENTICATED),
            op("GET", "/api/v1/promotion-cases/{id}/export.pdf", A, AUTHENTICATED),
            // evidence, integrations and ingestion (evidence-service)
            op("POST", "/api/v1/evidence", E, SELF_OR_LINE, Subject.body("personId")),
            op("GET", "/api/v1/evidence", E, SELF_OR_LINE, Subject.query("personId")),
            op("GET", "/api/v1/evidence/{id}", E, SELF_OR_LINE, EVIDENCE_OWNER),
            op("PUT", "/api/v1/evidence/{id}", E, SELF, EVIDENCE_OWNER),
            op("DELETE", "/api/v1/evidence/{id}", E, SELF, EVIDENCE_OWNER),
            op("GET", "/api/v1/evidence/{id}/history", E, SELF_OR_LINE, EVIDENCE_OWNER),
            op("POST", "/api/v1/evidence/{id}/confirm", E, SELF, EVIDENCE_OWNER),
            op("POST", "/api/v1/evidence/{id}/verify", E, MANAGER_OF_OWNER, EVIDENCE_OWNER),
            op("POST", "/api/v1/evidence/{id}/reject", E, SELF_OR_LINE, EVIDENCE_OWNER),
            op("GET", "/api/v1/evidence-kinds", E, AUTHENTICATED),
            op("POST", "/api/v1/evidence/strength", E, ADMIN),
            op("POST", "/api/v1/evidence/strength/versions", E, ADMIN),
            op("POST", "/api/v1/evidence/counts", E, ADMIN),
            op("POST", "/api/v1/integrations", E, ADMIN),
            op("GET", "/api/v1/integrations", E, ADMIN),
            op("GET", "/api/v1/integrations/{id}", E, ADMIN),
            op("DELETE", "/api/v1/integrations/{id}", E, ADMIN),
            op("POST", "/api/v1/integrations/{id}/identity-links", E, ADMIN),
            op("GET", "/api/v1/integrations/{id}/identity-links", E, ADMIN),
            op("DELETE", "/api/v1/integrations/{id}/identity-links/{linkId}", E, ADMIN),
            op("GET", "/api/v1/integrations/{id}/unmatched", E, ADMIN),
            op("POST", "/api/v1/integrations/{id}/unmatched/resolve", E, ADMIN),
            op("GET", "/api/v1/mapping-rules", E, ADMIN),
            op("POST", "/api/v1/mapping-rules", E, ADMIN),
            op("POST", "/api/v1/mapping-rules/dry-run", E, ADMIN),
            op("GET", "/api/v1/mapping-rules/{id}", E, ADMIN),
            op("PUT", "/api/v1/mapping-rules/{id}", E, ADMIN),
            op("DELETE", "/api/v1/mapping-rules/{id}", E, ADMIN),
            op("POST", "/api/v1/ingest/{sourceId}/events", E, INTEGRATION_OWN_SOURCE, Subject.path("sourceId")),
            op("POST", "/api/v1/webhooks/github/{sourceId}", E, PUBLIC),
            op("POST", "/api/v1/webhooks/jira/{sourceId}", E, PUBLIC),
            op("POST", "/api/v1/webhooks/linear/{sourceId}", E, PUBLIC),
            // plans and the playbook (growth-plan-service)
            op("POST", "/api/v1/plans", G, SELF_OR_LINE, Subject.body("personId")),
            op("GET", "/api/v1/plans", G, SELF_OR_LINE, Subject.query("personId")),
            op("GET", "/api/v1/plans/current", G, SELF_OR_LINE, Subject.query("personId")),
            op("GET", "/api/v1/plans/{id}", G, SELF_OR_LINE, PLAN_OWNER),
            op("PUT", "/api/v1/plans/{id}/status", G, SELF_OR_LINE, PLAN_OWNER),
            op("POST", "/api/v1/plans/{id}/actions/{actionId}/swap", G, SELF_OR_LINE, PLAN_OWNER),
            op("POST", "/api/v1/plans/{id}/regenerate", G, SELF_OR_LINE, PLAN_OWNER),
            op("POST", "/api/v1/plans/{id}/check-ins", G, SELF_OR_LINE, PLAN_OWNER),
            op("GET", "/api/v1/plans/{id}/check-ins", G, SELF_OR_LINE, PLAN_OWNER),
            op("POST", "/api/v1/plans/status/bulk", G, ADMIN),
            op("GET", "/api/v1/playbook", G, AUTHENTICATED),
            op("GET", "/api/v1/playbook/versions", G, AUTHENTICATED),
            op("GET", "/api/v1/playbook/versions/{version}", G, AUTHENTICATED),
            op("POST", "/api/v1/playbook/versions", G, ADMIN),
            // answered by the gateway itself
            op("GET", "/api/v1/platform/health", GATEWAY, PUBLIC),
            op("GET", "/api/v1/openapi", GATEWAY, PUBLIC),
            op("GET", "/api/v1/me/overview", GATEWAY, AUTHENTICATED),
            op("GET", "/api/v1/teams/{managerId}/report", GATEWAY, SELF_OR_LINE, Subject.path("managerId")),
            op("POST", "/api/v1/api-keys", GATEWAY, ADMIN),
            op("GET", "/api/v1/api-keys", GATEWAY, ADMIN),
            op("DELETE", "/api/v1/api-keys/{id}", GATEWAY, ADMIN)));

    private final List<Route> routes;
    /**
     * The routes of each method with their patterns already split: every request is matched (the
     * limiter asks too, for each method), and splitting some 150 patterns per match was the gateway's
     * hottest code in a profile of proxied reads.
     */
    private final Map<String, List<Compiled>> byMethod = new java.util.HashMap<>();
    /** The operations that take no credentials: the only ones {@link #takesNoCredentials} need try. */
    private final List<Compiled> publicRoutes = new ArrayList<>();

    /** A route with its pattern's segments. */
    private record Compiled(Route route, List<String> segments) {
    }

    public RouteTable(List<Route> routes) {
        this.routes = List.copyOf(routes);
        for (Route route : this.routes) {
            Compiled compiled = new Compiled(route, route.segments());
            byMethod.computeIfAbsent(route.method(), k -> new ArrayList<>()).add(compiled);
            if (route.rule() == PUBLIC) {
                publicRoutes.add(compiled);
            }
        }
        Map<String, Route> shapes = new LinkedHashMap<>();
        for (Route route : routes) {
            if (!route.pattern().startsWith("/api/v1/")) {
                throw new IllegalStateException(route.operation() + ": the public API lives under /api/v1/");
            }
            String shape = route.method() + " " + route.pattern().replaceAll("\\{[^/]+}", "{}");
            Route previous = shapes.put(shape, route);
            if (previous != null) {
                throw new IllegalStateException(route.operation() + " and " + previous.operation()
                        + " are the same operation");
            }
        }
    }

    private static Route op(String method, String pattern, String service, Rule rule) {
        return new Route(method, pattern, service, rule, null);
    }

    private static Route op(String method, String pattern, String service, Rule rule, Subject subject) {
        return new Route(method, pattern, service, rule, subject);
    }

    public List<Route> routes() {
        return routes;
    }

    /**
     * The route that answers {@code method} on the normalised {@code path} (no query), if any. HEAD
     * is answered as GET. Empty segments (a doubled or trailing slash) match nothing.
     */
    public Optional<Match> match(String method, String path) {
        String verb = method.toUpperCase(Locale.ROOT);
        List<String> segments = segmentsOf(path);
        return segments == null ? Optional.empty() : Optional.ofNullable(best(verb.equals("HEAD") ? "GET" : verb, segments));
    }

    private Match best(String method, List<String> segments) {
        Match best = null;
        Compiled bestRoute = null;
        for (Compiled candidate : byMethod.getOrDefault(method, List.of())) {
            Map<String, String> params = bind(candidate.segments(), segments);
            if (params != null && (best == null || moreSpecific(candidate.segments(), bestRoute.segments()))) {
                best = new Match(candidate.route(), params);
                bestRoute = candidate;
            }
        }
        return best;
    }

    /** Whether some operation on {@code path} takes no credentials (webhooks, health, the document). */
    public boolean takesNoCredentials(String path) {
        List<String> segments = segmentsOf(path);
        if (segments == null) {
            return false;
        }
        // Some method's best route is public. The rate limiter asks on every call with credentials, so
        // only the methods of the few public routes that fit the path are tried, not all five.
        for (Compiled candidate : publicRoutes) {
            // The candidate fits, so its method has a best route here (the candidate or a more specific one).
            if (bind(candidate.segments(), segments) != null
                    && best(candidate.route().method(), segments).route().rule() == PUBLIC) {
                return true;
            }
        }
        return false;
    }

    /**
     * Where the table and an OpenAPI document's {@code paths} disagree, in both directions: an
     * operation the document advertises that the table does not route (the gateway would answer 404),
     * and a route of the table no document describes. Routes of services in {@code unavailable}
     * (whose documents could not be read) are not held against the document. Empty when they agree.
     */
    public List<String> disagreements(com.fasterxml.jackson.databind.JsonNode paths, java.util.Collection<String> unavailable) {
        java.util.Set<String> documented = new java.util.TreeSet<>();
        paths.fields().forEachRemaining(path -> path.getValue().fieldNames().forEachRemaining(method -> {
            if (List.of("get", "put", "post", "delete", "patch", "head", "options", "trace").contains(method)) {
                documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
            }
        }));
        List<String> problems = new ArrayList<>();
        java.util.Set<String> routed = new java.util.HashSet<>();
        for (Route route : routes) {
            routed.add(route.operation());
            if (!documented.contains(route.operation()) && !unavailable.contains(route.service())) {
                problems.add(route.operation() + " is in the route table but no OpenAPI document describes it");
            }
        }
        for (String operation : documented) {
            if (!routed.contains(operation)) {
                problems.add(operation + " is in the OpenAPI document but not in the route table (the gateway answers 404)");
            }
        }
        return problems;
    }

    /** The README's access table: one row per operation, in the table's order. */
    public String markdown() {
        StringBuilder out = new StringBuilder("| operation | service | who may call it | whose |\n|---|---|---|---|\n");
        for (Route route : routes) {
            out.append("| `").append(route.operation()).append("` | ").append(route.service().replace("-service", ""))
                    .append(" | ").append(route.rule()).append(" | ")
                    .append(route.subject() == null ? "" : route.subject().describe()).append(" |\n");
        }
        return out.toString();
    }

    private static boolean moreSpecific(List<String> a, List<String> b) {
        for (int i = 0; i < a.size(); i++) {
            boolean literalA = !isParameter(a.get(i));
            boolean literalB = !isParameter(b.get(i));
            if (literalA != literalB) {
                return literalA;
            }
        }
        return false;
    }

    private static Map<String, String> bind(List<String> pattern, List<String> segments) {
        if (pattern.size() != segments.size()) {
            return null;
        }
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (!isParameter(p) && !p.equals(segments.get(i))) {
                return null;
            }
        }
        // Only a matching route gets its parameters bound (most routes do not match).
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.size(); i++) {
            String p = pattern.get(i);
            if (isParameter(p)) {
                params.put(p.substring(1, p.length() - 1), segments.get(i));
            }
        }
        return Collections.unmodifiableMap(params);
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    /** The segments of an absolute path, or {@code null} if it has an empty one. */
    static List<String> segmentsOf(String path) {
        if (path == null || !path.startsWith("/")) {
            return null;
        }
        List<String> segments = new ArrayList<>();
        for (String segment : path.substring(1).split("/", -1)) {
            if (segment.isEmpty()) {
                return null;
            }
            segments.add(segment);
        }
        return segments;
    }
}
