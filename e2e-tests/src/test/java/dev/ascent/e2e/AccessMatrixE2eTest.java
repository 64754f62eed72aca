package dev.ascent.e2e;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's route table walked against the running platform: every operation of the README's
 * access table (which RouteTableTest keeps equal to {@code RouteTable.PUBLIC_API}, and which
 * PromotionStoryTest holds against the merged OpenAPI document), called about one member P and P's
 * real objects, made through the API, by every persona: P, another member, P's manager, a manager
 * outside P's line, a peer invited to review P, a member not invited, an admin, an integration (an
 * API key for one source) and nobody. Reads must be answered to the personas the rule lets through
 * and refused (401/403/404 problem) to the others; writes are only made by the personas the rule
 * refuses, and each refusal must leave everything as it was (the fixture read as admin before and
 * after). The services' own peer rules are checked through the gateway too.
 */
class AccessMatrixE2eTest {

    enum Persona { SELF, OTHER_MEMBER, LINE_MANAGER, OUTSIDE_MANAGER, INVITED_PEER, UNINVITED_PEER, ADMIN, INTEGRATION, ANONYMOUS }

    /** One line of the access table. */
    record Operation(String method, String pattern, String rule, String whose) {
        String name() {
            return method + " " + pattern;
        }

        boolean read() {
            return method.equals("GET");
        }
    }

    /**
     * Operations whose path parameters the fixture does not fill. Empty: every operation is walked;
     * a new line the fixture cannot fill fails {@link #everyOperationIsWalked} until it is filled here
     * or listed with its reason.
     */
    private static final Map<String, String> NOT_WALKED = Map.of();

    private static RunningPlatform platform;
    private static final Map<Persona, String> CREDENTIALS = new EnumMap<>(Persona.class);
    private static String admin;
    private static String p;
    private static String m;
    private static String r;
    private static String u;
    private static String cycle;
    private static String evidence;
    private static String plan;
    private static String planAction;
    private static String selfAssessment;
    private static String managerDraft;
    private static String peerAssessment;
    private static String source;
    private static String identityLink;
    private static String mappingRule;
    private static String apiKey;
    private static String promotionCase;
    private static String caseComment;
    private static String frameworkVersion;
    private static String playbookVersion;
    /** Which persona wrote each of P's assessments, and whether it is submitted. */
    private static final Map<String, Persona> ASSESSORS = new LinkedHashMap<>();
    private static final Map<String, Boolean> SUBMITTED = new HashMap<>();
    /** Every call the matrix made and its answer, written to target/e2e-logs/access-matrix.tsv at the end. */
    private static final List<String> CALLS = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    static void fixture() throws Exception {
        platform = RunningPlatform.start();
        RestAssured.baseURI = platform.gatewayUrl();
        admin = platform.bearer("matrix-admin@e2e.example", "matrix-admin@e2e.example", "admin");

        m = person("Mona Manager", "mona@matrix.example", "DIRECTOR", null);
        String m2 = person("Otto Outside", "otto@matrix.example", "DIRECTOR", null);
        p = person("Pia Person", "pia@matrix.example", "PM", m);
        String q = person("Quinn Other", "quinn@matrix.example", "PM", m2);
        r = person("Rae Reviewer", "rae@matrix.example", "PM", m);
        u = person("Uma Uninvited", "uma@matrix.example", "PM", m);
        String member = platform.bearer(UUID.fromString(p), "member");
        String manager = platform.bearer(UUID.fromString(m), "manager");
        CREDENTIALS.put(Persona.SELF, member);
        CREDENTIALS.put(Persona.OTHER_MEMBER, platform.bearer(UUID.fromString(q), "member"));
        CREDENTIALS.put(Persona.LINE_MANAGER, manager);
        CREDENTIALS.put(Persona.OUTSIDE_MANAGER, platform.bearer(UUID.fromString(m2), "manager"));
        CREDENTIALS.put(Persona.INVITED_PEER, platform.bearer(UUID.fromString(r), "member"));
        CREDENTIALS.put(Persona.UNINVITED_PEER, platform.bearer(UUID.fromString(u), "member"));
        CREDENTIALS.put(Persona.ADMIN, admin);

        // M runs a cycle for P and invites R as P's peer.
        cycle = created(as(manager).body(Map.of("name", "Matrix cycle", "startsOn", LocalDate.now().minusDays(3).toString(),
                "endsOn", LocalDate.now().plusDays(30).toString(), "participantIds", List.of(p))).post("/api/v1/cycles"));
        as(manager).body(Map.of("subjectId", p, "peerId", r)).post("/api/v1/cycles/{id}/peer-invitations", cycle)
                .then().statusCode(201);

        // P's submitted self-assessment, M's draft, R's submitted peer assessment, M's calibration.
        selfAssessment = assessment(member, "SELF", 4);
        as(member).post("/api/v1/assessments/{id}/submit", selfAssessment).then().statusCode(200);
        ASSESSORS.put(selfAssessment, Persona.SELF);
        SUBMITTED.put(selfAssessment, true);
        managerDraft = assessment(manager, "MANAGER", 3);
        ASSESSORS.put(managerDraft, Persona.LINE_MANAGER);
        SUBMITTED.put(managerDraft, false);
        peerAssessment = assessment(CREDENTIALS.get(Persona.INVITED_PEER), "PEER", 5);
        as(CREDENTIALS.get(Persona.INVITED_PEER)).post("/api/v1/assessments/{id}/submit", peerAssessment)
                .then().statusCode(200);
        ASSESSORS.put(peerAssessment, Persona.INVITED_PEER);
        SUBMITTED.put(peerAssessment, true);
        as(manager).body(Map.of("subjectId", p, "competency", "execution-delivery", "rating", 4,
                "rationale", "Led the launch end to end", "cycleId", cycle)).post("/api/v1/calibrations")
                .then().statusCode(201);

        // P's evidence, P's plan with a check-in.
        evidence = created(as(member).body(Map.of("personId", p, "kind", "DELIVERY", "competencies", List.of("execution-delivery"),
                "title", "Shipped the matrix", "occurredAt", LocalDate.now().minusDays(5).toString())).post("/api/v1/evidence"));
        JsonPath planned = as(member).body(Map.of("personId", p, "horizonDays", 90)).post("/api/v1/plans")
                .then().statusCode(201).extract().jsonPath();
        plan = planned.getString("id");
        planAction = planned.getString("actions[0].id");
        as(member).body(Map.of("note", "First week went well")).post("/api/v1/plans/{id}/check-ins", plan)
                .then().statusCode(201);

        // M's promotion case for P, argued by both, in review by M (the one manager above P), with M's comment.
        promotionCase = as(manager).contentType(ContentType.JSON).body(Map.of("personId", p))
                .post("/api/v1/promotion-cases").then().statusCode(201).extract().path("id");
        Map<String, String> narrative = Map.of("whatIDid", "Shipped the matrix", "impact", "Fewer escapes",
                "whatNext", "Own the platform");
        as(member).body(narrative).put("/api/v1/promotion-cases/{id}/narrative", promotionCase).then().statusCode(200);
        as(manager).body(narrative).put("/api/v1/promotion-cases/{id}/narrative", promotionCase).then().statusCode(200);
        as(member).post("/api/v1/promotion-cases/{id}/submit", promotionCase).then().statusCode(200);
        as(manager).body(Map.of("reviewerId", m)).post("/api/v1/promotion-cases/{id}/reviewers", promotionCase)
                .then().statusCode(200);
        caseComment = as(manager).body(Map.of("body", "Ready on delivery"))
                .post("/api/v1/promotion-cases/{id}/comments", promotionCase).then().statusCode(200)
                .extract().path("comments[0].id");

        // A generic integration source (the kind that takes pushed batches) with an identity link for P, a mapping rule, an API key for the source.
        source = created(as(admin).body(Map.of("kind", "GENERIC", "name", "matrix-tool")).post("/api/v1/integrations"));
        identityLink = created(as(admin).body(Map.of("externalId", "pia@matrix.example", "personId", p))
                .post("/api/v1/integrations/{id}/identity-links", source));
        mappingRule = created(as(admin).body(Map.of("name", "Matrix rule", "priority", 1, "kind", "DELIVERY",
                "competencies", List.of("execution-delivery"))).post("/api/v1/mapping-rules"));
        JsonPath key = as(admin).body(Map.of("sourceId", source, "name", "matrix key")).post("/api/v1/api-keys")
                .then().statusCode(201).extract().jsonPath();
        apiKey = key.getString("id");
        CREDENTIALS.put(Persona.INTEGRATION, "ApiKey " + key.getString("key"));

        frameworkVersion = as(admin).get("/api/v1/frameworks/versions").then().statusCode(200).extract().path("[0].version").toString();
        playbookVersion = as(admin).get("/api/v1/playbook/versions").then().statusCode(200).extract().path("items[0].version").toString();
    }

    @AfterAll
    static void stop() throws Exception {
        try {
            Path root = Path.of(System.getProperty("ascent.root", "..")).toAbsolutePath().normalize();
            Files.write(root.resolve("e2e-tests/target/e2e-logs/access-matrix.tsv"), CALLS);
        } finally {
            if (platform != null) {
                platform.close();
            }
        }
    }

    /** The operations of the README's access table, which RouteTableTest keeps equal to the route table. */
    static List<Operation> operations() throws Exception {
        Path root = Path.of(System.getProperty("ascent.root", "..")).toAbsolutePath().normalize();
        String readme = Files.readString(root.resolve("README.md"));
        int start = readme.indexOf("<!-- route-table:start");
        int end = readme.indexOf("<!-- route-table:end");
        assertThat(start).as("the README's route table").isPositive();
        List<Operation> operations = new ArrayList<>();
        for (String line : readme.substring(start, end).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            String[] operation = cells[1].trim().replace("`", "").split(" ", 2);
            operations.add(new Operation(operation[0], operation[1], cells[3].trim(), cells[4].trim()));
        }
        return operations;
    }

    @Test
    void everyOperationIsWalked() throws Exception {
        List<Operation> operations = operations();
        assertThat(operations).as("operations in the README's table").hasSizeGreaterThan(70);
        List<String> unfilled = operations.stream().filter(o -> paths(o).isEmpty()).map(Operation::name).toList();
        assertThat(unfilled).as("operations the fixture cannot fill").containsExactlyInAnyOrderElementsOf(NOT_WALKED.keySet());
        // The "nothing changed" guard compares real answers, not a row of refusals.
        assertThat(snapshot()).allSatisfy((path, answer) -> assertThat(answer).as(path).startsWith("200 "));
    }

    @TestFactory
    Stream<DynamicTest> everyOperationWithEveryPersona() throws Exception {
        List<DynamicTest> tests = new ArrayList<>();
        for (Operation operation : operations()) {
            for (Map.Entry<String, String> path : paths(operation).entrySet()) {
                tests.add(DynamicTest.dynamicTest(operation.name() + " on " + path.getKey(),
                        () -> walk(operation, path.getKey(), path.getValue())));
            }
        }
        return tests.stream();
    }

    /**
     * R, invited, reviews P; U, not invited, cannot: the service refuses and writes nothing. P sees
     * peers only as an aggregate, never who they are.
     */
    @Test
    void onlyAnInvitedPeerReviewsAndPeersStayAnonymousToTheirSubject() {
        String uninvited = CREDENTIALS.get(Persona.UNINVITED_PEER);
        Map<String, String> before = snapshot();
        Response refused = as(uninvited).body(Map.of("cycleId", cycle, "subjectId", p, "kind", "PEER", "ratings",
                List.of(Map.of("competency", "execution-delivery", "rating", 1)))).post("/api/v1/assessments");
        assertThat(refused.statusCode()).as("an uninvited peer's assessment: %s", refused.asString()).isBetween(400, 499);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        // Nor may they submit or rewrite the invited peer's.
        for (Response other : List.of(as(uninvited).post("/api/v1/assessments/{id}/submit", peerAssessment),
                as(uninvited).body(Map.of("ratings", List.of(Map.of("competency", "execution-delivery", "rating", 1))))
                        .put("/api/v1/assessments/{id}/ratings", peerAssessment))) {
            assertThat(other.statusCode()).as(other.asString()).isBetween(400, 499);
            assertThat(other.contentType()).startsWith("application/problem+json");
        }
        assertThat(snapshot()).as("an uninvited peer changed nothing").isEqualTo(before);
        List<String> assessorsAsAdmin = as(admin).get("/api/v1/people/{id}/assessments", p).then().statusCode(200)
                .extract().jsonPath().getList("assessorId");
        assertThat(assessorsAsAdmin).contains(r).doesNotContain(u);

        // The invited peer's submitted review is theirs to read, and counted in the cycle.
        as(CREDENTIALS.get(Persona.INVITED_PEER)).get("/api/v1/assessments/{id}", peerAssessment).then().statusCode(200)
                .body("kind", org.hamcrest.Matchers.equalTo("PEER")).body("status", org.hamcrest.Matchers.equalTo("SUBMITTED"));
        JsonPath cycleDetail = as(CREDENTIALS.get(Persona.LINE_MANAGER)).get("/api/v1/cycles/{id}", cycle)
                .then().statusCode(200).extract().jsonPath();
        assertThat(cycleDetail.getInt("participants.find { it.personId == '" + p + "' }.peersInvited")).isEqualTo(1);
        assertThat(cycleDetail.getInt("participants.find { it.personId == '" + p + "' }.peersSubmitted")).isEqualTo(1);

        // P sees the aggregate and never the peer.
        String member = CREDENTIALS.get(Persona.SELF);
        Response ratings = as(member).get("/api/v1/people/{id}/peer-ratings", p);
        assertThat(ratings.statusCode()).isEqualTo(200);
        assertThat(ratings.jsonPath().getInt("competencies.find { it.competency == 'execution-delivery' }.count")).isEqualTo(1);
        assertThat(ratings.asString()).doesNotContain(r).doesNotContain(peerAssessment);
        Response own = as(member).get("/api/v1/people/{id}/assessments", p);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(own.asString()).contains(selfAssessment).doesNotContain(r).doesNotContain(peerAssessment);
        Response direct = as(member).get("/api/v1/assessments/{id}", peerAssessment);
        assertThat(direct.statusCode()).as("P reading the peer's assessment by id").isEqualTo(404);
        assertThat(direct.asString()).doesNotContain(r);
    }

    /**
     * The integration's API key pushes events to its own source and to no other: the matrix calls
     * with the source the key is for; here the same key tries a second source.
     */
    @Test
    void anIntegrationPushesToItsOwnSourceOnly() {
        String integration = CREDENTIALS.get(Persona.INTEGRATION);
        String other = created(as(admin).body(Map.of("kind", "GENERIC", "name", "someone-elses-tool")).post("/api/v1/integrations"));
        String batch = "[{\"externalId\":\"%s\",\"type\":\"task.done\",\"occurredAt\":\"" + LocalDate.now()
                + "\",\"actorEmail\":\"nobody-linked@matrix.example\",\"title\":\"Closed a ticket\"}]";
        Map<String, String> before = snapshot();
        String unmatchedBefore = as(admin).get("/api/v1/integrations/{id}/unmatched", other).then().statusCode(200).extract().asString();
        Response refused = given().header("Authorization", integration).contentType(ContentType.JSON)
                .body(batch.formatted("elsewhere-1")).post("/api/v1/ingest/{id}/events", other);
        assertThat(refused.statusCode()).as(refused.asString()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(as(admin).get("/api/v1/integrations/{id}/unmatched", other).then().statusCode(200).extract().asString())
                .isEqualTo(unmatchedBefore);
        assertThat(snapshot()).as("a push to another source changed nothing").isEqualTo(before);

        given().header("Authorization", integration).contentType(ContentType.JSON).body(batch.formatted("own-1"))
                .post("/api/v1/ingest/{id}/events", source).then().statusCode(202).body("received", org.hamcrest.Matchers.equalTo(1));
    }

    private void walk(Operation operation, String path, String describedAs) {
        Set<Persona> allowed = allowed(operation, path);
        SoftAssertions softly = new SoftAssertions();
        Map<String, String> before = operation.read() ? null : snapshot();
        for (Persona persona : Persona.values()) {
            boolean refused = !allowed.contains(persona);
            if (!operation.read() && !refused) {
                continue; // allowed writes are not made: the fixture stays as it is for every other case
            }
            RequestSpecification request = given().contentType(ContentType.JSON);
            if (CREDENTIALS.containsKey(persona)) {
                request.header("Authorization", CREDENTIALS.get(persona));
            }
            if (operation.whose().startsWith("query")) {
                request.queryParam("personId", p);
            }
            if (!operation.read()) {
                request.body(Map.of("personId", p, "subjectId", p, "name", "matrix write"));
            }
            Response response = request.request(operation.method(), path);
            int status = response.statusCode();
            CALLS.add(String.join("\t", operation.name(), describedAs, persona.name(), refused ? "refused" : "allowed",
                    String.valueOf(status)));
            String as = operation.name() + " (" + describedAs + ") as " + persona + ": " + status + " " + abbreviated(response);
            if (refused) {
                softly.assertThat(status).as(as).isIn(persona == Persona.ANONYMOUS ? List.of(401) : List.of(401, 403, 404));
                softly.assertThat(response.contentType()).as(as).startsWith("application/problem+json");
            } else {
                softly.assertThat(status).as(as).isNotIn(401, 403).isLessThan(500);
            }
        }
        if (before != null) {
            softly.assertThat(snapshot()).as(operation.name() + " refused: nothing changed").isEqualTo(before);
        }
        softly.assertAll();
    }

    /** Who the rule lets through for a call about P (or P's object, or M's draft, or R's review). */
    private static Set<Persona> allowed(Operation operation, String path) {
        return switch (operation.rule()) {
            case "PUBLIC" -> EnumSet.allOf(Persona.class);
            case "AUTHENTICATED" -> EnumSet.complementOf(EnumSet.of(Persona.INTEGRATION, Persona.ANONYMOUS));
            case "MANAGER" -> EnumSet.of(Persona.LINE_MANAGER, Persona.OUTSIDE_MANAGER, Persona.ADMIN);
            case "ADMIN" -> EnumSet.of(Persona.ADMIN);
            case "SELF" -> EnumSet.of(Persona.SELF, Persona.ADMIN);
            case "SELF_OR_LINE" -> EnumSet.of(Persona.SELF, Persona.LINE_MANAGER, Persona.ADMIN);
            case "MANAGER_OF_OWNER" -> EnumSet.of(Persona.LINE_MANAGER, Persona.ADMIN);
            case "INTEGRATION_OWN_SOURCE" -> EnumSet.of(Persona.INTEGRATION, Persona.ADMIN);
            case "ASSESSMENT_PARTY" -> {
                // Its assessor, its subject once submitted, anyone above the subject, or an admin.
                String id = path.substring(path.lastIndexOf('/') + 1);
                Set<Persona> who = EnumSet.of(Persona.LINE_MANAGER, Persona.ADMIN, ASSESSORS.get(id));
                if (SUBMITTED.get(id)) {
                    who.add(Persona.SELF);
                }
                yield who;
            }
            default -> throw new IllegalStateException(operation.name() + ": unknown rule " + operation.rule());
        };
    }

    /**
     * The concrete paths to call for an operation, each with what it is about: its parameters filled
     * from the fixture. Empty if some parameter is not one the fixture has.
     */
    private static Map<String, String> paths(Operation operation) {
        Map<String, String> paths = new LinkedHashMap<>();
        String pattern = operation.pattern();
        if (pattern.equals("/api/v1/assessments/{id}")) {
            paths.put(pattern.replace("{id}", selfAssessment), "P's submitted self-assessment");
            paths.put(pattern.replace("{id}", managerDraft), "M's draft about P");
            paths.put(pattern.replace("{id}", peerAssessment), "R's submitted peer review of P");
            return paths;
        }
        StringBuilder path = new StringBuilder();
        for (String segment : pattern.substring(1).split("/")) {
            path.append('/');
            if (!segment.startsWith("{")) {
                path.append(segment);
                continue;
            }
            String value = parameter(operation, path.toString(), segment);
            if (value == null) {
                return Map.of();
            }
            path.append(value);
        }
        paths.put(path.toString(), operation.whose().isEmpty() ? "the fixture" : "P via " + operation.whose());
        return paths;
    }

    private static String parameter(Operation operation, String before, String segment) {
        if (operation.whose().equals("path `" + segment + "`") && !segment.equals("{sourceId}")) {
            return p;
        }
        return switch (before + segment) {
            case "/api/v1/people/{id}" -> p;
            case "/api/v1/evidence/{id}" -> evidence;
            case "/api/v1/plans/{id}" -> plan;
            case "/api/v1/assessments/{id}" -> managerDraft; // writes on it: refused personas only
            case "/api/v1/cycles/{id}" -> cycle;
            case "/api/v1/frameworks/versions/{version}" -> frameworkVersion;
            case "/api/v1/playbook/versions/{version}" -> playbookVersion;
            case "/api/v1/integrations/{id}" -> source;
            case "/api/v1/mapping-rules/{id}" -> mappingRule;
            case "/api/v1/api-keys/{id}" -> apiKey;
            case "/api/v1/promotion-cases/{id}" -> promotionCase;
            case "/api/v1/ingest/{sourceId}", "/api/v1/webhooks/github/{sourceId}", "/api/v1/webhooks/jira/{sourceId}",
                 "/api/v1/webhooks/linear/{sourceId}" -> source;
            default -> {
                if (before.matches("/api/v1/integrations/[^/]+/identity-links/") && segment.equals("{linkId}")) {
                    yield identityLink;
                }
                if (before.matches("/api/v1/promotion-cases/[^/]+/comments/") && segment.equals("{commentId}")) {
                    yield caseComment;
                }
                if (before.matches("/api/v1/plans/[^/]+/actions/") && segment.equals("{actionId}")) {
                    yield planAction;
                }
                yield null;
            }
        };
    }

    /** The fixture as an admin reads it; a refused write must leave every line as it was. */
    private static Map<String, String> snapshot() {
        Map<String, String> state = new LinkedHashMap<>();
        for (String path : List.of("/api/v1/people?limit=100", "/api/v1/people/" + p, "/api/v1/organisation",
                "/api/v1/people/" + p + "/assessments", "/api/v1/people/" + p + "/calibrations",
                "/api/v1/people/" + p + "/peer-ratings", "/api/v1/cycles", "/api/v1/cycles/" + cycle,
                "/api/v1/assessments/" + selfAssessment, "/api/v1/assessments/" + managerDraft,
                "/api/v1/assessments/" + peerAssessment, "/api/v1/frameworks/versions", "/api/v1/playbook/versions",
                "/api/v1/evidence?personId=" + p, "/api/v1/evidence/" + evidence, "/api/v1/evidence/" + evidence + "/history",
                "/api/v1/integrations", "/api/v1/integrations/" + source + "/identity-links",
                "/api/v1/integrations/" + source + "/unmatched", "/api/v1/mapping-rules",
                "/api/v1/plans?personId=" + p, "/api/v1/plans/" + plan, "/api/v1/plans/" + plan + "/check-ins",
                "/api/v1/api-keys", "/api/v1/promotion-cases/" + promotionCase)) {
            Response response = as(admin).get(path);
            state.put(path, response.statusCode() + " " + response.asString());
        }
        return state;
    }

    private static String abbreviated(Response response) {
        String body = response.asString();
        return body.length() > 300 ? body.substring(0, 300) + "…" : body;
    }

    private static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    private static String created(Response response) {
        return response.then().statusCode(201).extract().path("id");
    }

    private static String person(String name, String email, String level, String managerId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name, "email", email, "level", level));
        if (managerId != null) {
            body.put("managerId", managerId);
        }
        return created(as(admin).body(body).post("/api/v1/people"));
    }

    private static String assessment(String bearer, String kind, int rating) {
        return created(as(bearer).body(Map.of("cycleId", cycle, "subjectId", p, "kind", kind, "ratings",
                List.of(Map.of("competency", "execution-delivery", "rating", rating),
                        Map.of("competency", "customer-discovery", "rating", 3)))).post("/api/v1/assessments"));
    }
}
