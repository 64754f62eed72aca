package dev.ascent.gateway.access;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ascent.gateway.changes.Notify;
import dev.ascent.gateway.changes.PeopleChanges;
import dev.ascent.gateway.report.ReportBackends;
import dev.ascent.testsupport.PostgresTestResource;
import dev.ascent.testsupport.TestPeopleDirectory;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.build.Jwt;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Hand-picked cases beside the generated RouteTableMatrixTest: every kind of route, called by every role, including people guessing ids of objects that are
 * not theirs. A forwarded call is answered 200 by the stand-in services; a refused one never
 * reaches them.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(ReportBackends.class)
class AccessMatrixTest {

    static final UUID MANAGER = UUID.fromString("00000000-0000-4000-8000-00000000000a");
    static final UUID REPORT = UUID.fromString("00000000-0000-4000-8000-00000000000b");
    static final UUID OTHER = UUID.fromString("00000000-0000-4000-8000-00000000000c");
    static final UUID REPORTS_EVIDENCE = UUID.fromString("00000000-0000-4000-8000-0000000000e1");
    static final UUID OTHERS_EVIDENCE = UUID.fromString("00000000-0000-4000-8000-0000000000e2");
    static final UUID REPORTS_PLAN = UUID.fromString("00000000-0000-4000-8000-0000000000f1");
    static final UUID OTHERS_PLAN = UUID.fromString("00000000-0000-4000-8000-0000000000f2");
    static final UUID DRAFT_ABOUT_REPORT = UUID.fromString("00000000-0000-4000-8000-0000000000d1");

    @ReportBackends.Inject
    WireMockServer services;

    @BeforeEach
    void directory() {
        services.resetAll();
        services.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        line(REPORT, "[\"" + MANAGER + "\"]");
        line(MANAGER, "[]");
        line(OTHER, "[]");
        object("/api/v1/evidence/" + REPORTS_EVIDENCE, "{\"personId\":\"" + REPORT + "\"}");
        object("/api/v1/evidence/" + OTHERS_EVIDENCE, "{\"personId\":\"" + OTHER + "\"}");
        object("/api/v1/plans/" + REPORTS_PLAN, "{\"personId\":\"" + REPORT + "\"}");
        object("/api/v1/plans/" + OTHERS_PLAN, "{\"personId\":\"" + OTHER + "\"}");
        object("/api/v1/assessments/" + DRAFT_ABOUT_REPORT, "{\"subjectId\":\"" + REPORT + "\",\"assessorId\":\""
                + MANAGER + "\",\"status\":\"DRAFT\"}");
    }

    private void object(String path, String json) {
        services.stubFor(get(path).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody(json)));
    }

    private void line(UUID person, String managers) {
        services.stubFor(get("/api/v1/people/" + person + "/line").atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json")
                .withBody("{\"personId\":\"" + person + "\",\"managers\":" + managers + "}")));
    }

    static String member() {
        return TestTokens.bearer(REPORT, "member");
    }

    static String manager() {
        return TestTokens.bearer(MANAGER, "manager");
    }

    static Stream<Arguments> matrix() {
        String r = REPORT.toString();
        String o = OTHER.toString();
        String m = MANAGER.toString();
        return Stream.of(
                // a member: their own data only
                Arguments.of("member", "GET", "/api/v1/people/" + r, 200),
                Arguments.of("member", "GET", "/api/v1/people/" + o, 403),
                Arguments.of("member", "GET", "/api/v1/people/" + r + "/readiness", 200),
                Arguments.of("member", "GET", "/api/v1/people/" + o + "/readiness", 403),
                Arguments.of("member", "GET", "/api/v1/people/" + m + "/assessments", 403),
                Arguments.of("member", "GET", "/api/v1/people/" + o + "/calibrations", 403),
                Arguments.of("member", "GET", "/api/v1/people", 403),
                Arguments.of("member", "POST", "/api/v1/people", 403),
                Arguments.of("member", "PUT", "/api/v1/people/" + r, 403),
                Arguments.of("member", "GET", "/api/v1/evidence?personId=" + r, 200),
                Arguments.of("member", "GET", "/api/v1/evidence?personId=" + o, 403),
                Arguments.of("member", "GET", "/api/v1/evidence", 403),
                Arguments.of("member", "POST", "/api/v1/evidence", 200),
                Arguments.of("member", "GET", "/api/v1/evidence/" + REPORTS_EVIDENCE, 200),
                Arguments.of("member", "GET", "/api/v1/evidence/" + OTHERS_EVIDENCE, 403),
                Arguments.of("member", "PUT", "/api/v1/evidence/" + OTHERS_EVIDENCE, 403),
                Arguments.of("member", "DELETE", "/api/v1/evidence/" + OTHERS_EVIDENCE, 403),
                Arguments.of("member", "POST", "/api/v1/evidence/" + REPORTS_EVIDENCE + "/confirm", 200),
                Arguments.of("member", "POST", "/api/v1/evidence/" + OTHERS_EVIDENCE + "/confirm", 403),
                Arguments.of("member", "POST", "/api/v1/evidence/" + REPORTS_EVIDENCE + "/verify", 403),
                Arguments.of("member", "GET", "/api/v1/evidence/" + UUID.randomUUID(), 404),
                Arguments.of("member", "GET", "/api/v1/evidence/not-an-id", 404),
                Arguments.of("member", "GET", "/api/v1/plans/" + REPORTS_PLAN, 200),
                Arguments.of("member", "GET", "/api/v1/plans/" + OTHERS_PLAN, 403),
                Arguments.of("member", "POST", "/api/v1/plans/" + OTHERS_PLAN + "/check-ins", 403),
                Arguments.of("member", "POST", "/api/v1/plans", 200),
                Arguments.of("member", "GET", "/api/v1/assessments/" + DRAFT_ABOUT_REPORT, 403),
                Arguments.of("member", "POST", "/api/v1/evidence/strength", 403),
                Arguments.of("member", "GET", "/api/v1/plans?personId=" + r, 200),
                Arguments.of("member", "GET", "/api/v1/plans?personId=" + o, 403),
                Arguments.of("member", "POST", "/api/v1/plans/status/bulk", 403),
                Arguments.of("member", "GET", "/api/v1/frameworks/current", 200),
                Arguments.of("member", "POST", "/api/v1/frameworks/versions", 403),
                Arguments.of("member", "POST", "/api/v1/playbook/versions", 403),
                Arguments.of("member", "PUT", "/api/v1/organisation", 403),
                Arguments.of("member", "POST", "/api/v1/integrations", 403),
                Arguments.of("member", "POST", "/api/v1/ingest/source-1/events", 403),
                Arguments.of("member", "POST", "/api/v1/cycles", 403),
                Arguments.of("member", "POST", "/api/v1/calibrations", 403),
                Arguments.of("member", "POST", "/api/v1/readiness/bulk", 403),
                Arguments.of("member", "POST", "/api/v1/assessments", 200),
                Arguments.of("member", "GET", "/api/v1/teams/" + o + "/report", 403),
                // a manager: also everything of their reports, nothing of anyone else
                Arguments.of("manager", "GET", "/api/v1/people/" + r + "/readiness", 200),
                Arguments.of("manager", "GET", "/api/v1/people/" + r + "/calibrations", 200),
                Arguments.of("manager", "GET", "/api/v1/evidence?personId=" + r, 200),
                Arguments.of("manager", "GET", "/api/v1/plans?personId=" + r, 200),
                Arguments.of("manager", "GET", "/api/v1/people/" + o + "/readiness", 403),
                Arguments.of("manager", "GET", "/api/v1/evidence?personId=" + o, 403),
                Arguments.of("manager", "POST", "/api/v1/calibrations", 200),
                Arguments.of("manager", "POST", "/api/v1/evidence/" + REPORTS_EVIDENCE + "/verify", 200),
                Arguments.of("manager", "POST", "/api/v1/evidence/" + OTHERS_EVIDENCE + "/verify", 403),
                Arguments.of("manager", "GET", "/api/v1/evidence/" + REPORTS_EVIDENCE, 200),
                Arguments.of("manager", "GET", "/api/v1/plans/" + REPORTS_PLAN, 200),
                Arguments.of("manager", "GET", "/api/v1/plans/" + OTHERS_PLAN, 403),
                Arguments.of("manager", "POST", "/api/v1/plans", 200),
                Arguments.of("manager", "GET", "/api/v1/assessments/" + DRAFT_ABOUT_REPORT, 200),
                Arguments.of("manager", "POST", "/api/v1/cycles", 200),
                Arguments.of("manager", "POST", "/api/v1/frameworks/versions", 403),
                Arguments.of("manager", "POST", "/api/v1/integrations", 403),
                // an admin runs the directory, frameworks, playbook and integrations
                Arguments.of("admin", "GET", "/api/v1/people", 200),
                Arguments.of("admin", "POST", "/api/v1/people", 200),
                Arguments.of("admin", "GET", "/api/v1/people/" + o + "/readiness", 200),
                Arguments.of("admin", "POST", "/api/v1/frameworks/versions", 200),
                Arguments.of("admin", "POST", "/api/v1/playbook/versions", 200),
                Arguments.of("admin", "POST", "/api/v1/integrations", 200),
                Arguments.of("admin", "PUT", "/api/v1/organisation", 200),
                // an integration pushes to its own source and does nothing else
                Arguments.of("integration", "POST", "/api/v1/ingest/source-1/events", 200),
                Arguments.of("integration", "POST", "/api/v1/ingest/source-2/events", 403),
                Arguments.of("integration", "GET", "/api/v1/people/" + r, 403),
                Arguments.of("integration", "GET", "/api/v1/evidence?personId=" + r, 403),
                // no token at all: only signature-checked webhooks pass
                Arguments.of("anonymous", "GET", "/api/v1/people/" + r, 401),
                Arguments.of("anonymous", "POST", "/api/v1/evidence", 401),
                Arguments.of("anonymous", "POST", "/api/v1/webhooks/github/source-1", 200));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @MethodSource("matrix")
    void everyRouteWithEveryRole(String role, String method, String path, int expected) {
        // Bodies name the member as the person concerned; bodyNamingSomeoneElse covers the other case.
        var request = given().contentType("application/json").body("{\"personId\":\"" + REPORT + "\"}");
        switch (role) {
            case "member" -> request.header("Authorization", member());
            case "manager" -> request.header("Authorization", manager());
            case "admin" -> request.header("Authorization", TestTokens.admin());
            case "integration" -> request.header("Authorization", TestTokens.integration("source-1"));
            default -> {
            }
        }
        var response = request.request(method, path).then().statusCode(expected);
        if (expected >= 400) {
            response.contentType("application/problem+json");
        }
    }

    @Test
    void bodyNamingSomeoneElseIsRefused() {
        String other = "{\"personId\":\"" + OTHER + "\"}";
        given().header("Authorization", member()).contentType("application/json").body(other)
                .post("/api/v1/evidence").then().statusCode(403);
        given().header("Authorization", member()).contentType("application/json").body(other)
                .post("/api/v1/plans").then().statusCode(403);
        given().header("Authorization", manager()).contentType("application/json").body(other)
                .post("/api/v1/plans").then().statusCode(403);
        given().header("Authorization", manager()).contentType("application/json").body("{\"personId\":\"" + OTHER + "\"}")
                .post("/api/v1/evidence").then().statusCode(403);
    }

    /**
     * What a token says is remembered per token, never per subject: two tokens for one subject that
     * name different sources or roles are each taken at their word, however they alternate.
     */
    @Test
    void eachTokenIsTakenAtItsOwnWordEvenForOneSubject() {
        String first = TestTokens.integration("source-1");
        String second = TestTokens.integration("source-2");
        for (int round = 0; round < 2; round++) {
            given().header("Authorization", first).contentType("application/json").body("{}")
                    .post("/api/v1/ingest/source-1/events").then().statusCode(200);
            given().header("Authorization", second).contentType("application/json").body("{}")
                    .post("/api/v1/ingest/source-1/events").then().statusCode(403);
            given().header("Authorization", second).contentType("application/json").body("{}")
                    .post("/api/v1/ingest/source-2/events").then().statusCode(200);
        }
        String asAdmin = "Bearer " + Jwt.issuer(TestTokens.ISSUER).subject("admin@example.com")
                .claim("email", "admin@example.com").groups(Set.of("admin")).expiresIn(300)
                .sign(TestTokens.signingKey());
        String asMember = "Bearer " + Jwt.issuer(TestTokens.ISSUER).subject("admin@example.com")
                .claim("email", TestPeopleDirectory.emailOf(REPORT)).groups(Set.of("member")).expiresIn(300)
                .sign(TestTokens.signingKey());
        for (int round = 0; round < 2; round++) {
            given().header("Authorization", asAdmin).get("/api/v1/people/{id}", OTHER).then().statusCode(200);
            given().header("Authorization", asMember).get("/api/v1/people/{id}", OTHER).then().statusCode(403);
        }
    }

    @Test
    void managersMayLogEvidenceForTheirReportsWhichEvidenceServiceMarksSuggested() {
        given().header("Authorization", manager()).contentType("application/json").body("{\"personId\":\"" + REPORT + "\"}")
                .post("/api/v1/evidence").then().statusCode(200);
    }

    @Inject
    AgroalDataSource database;

    @Inject
    PeopleChanges changes;

    @Test
    void aKeptAnswerIsServedOnlyToWhomTheRuleLetsThrough() {
        Notify.changed(database, changes, "*");
        String readiness = "/api/v1/people/" + OTHER + "/readiness";
        services.stubFor(get(readiness).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"readinessPercent\":64}")));
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", TestTokens.admin()).get(readiness).then().statusCode(200)
                    .contentType("application/json").body("readinessPercent", equalTo(64));
        }
        services.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(readiness)));

        // Kept, yet still decided per caller: a member who is not OTHER nor above them is refused.
        given().header("Authorization", member()).get(readiness).then().statusCode(403)
                .contentType("application/problem+json");
        given().header("Authorization", manager()).get(readiness).then().statusCode(403);
        given().get(readiness).then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(OTHER, "member")).get(readiness).then().statusCode(200)
                .body("readinessPercent", equalTo(64));
        services.verify(1, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(readiness)));

        // Another question about the same person is its own answer.
        given().header("Authorization", TestTokens.admin()).get(readiness + "?target=DIRECTOR").then().statusCode(200);
        services.verify(2, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(urlPathEqualTo(readiness)));
    }

    @Test
    void aRefusedCallNeverReachesTheService() {
        given().header("Authorization", member()).get("/api/v1/people/{id}/readiness", OTHER).then().statusCode(403);
        services.verify(0, com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/api/v1/people/" + OTHER + "/readiness")));
    }

    @Test
    void theServiceLearnsWhoIsCallingFromTheGatewaysTokenOnly() {
        given().header("Authorization", member()).header("X-Ascent-Actor-Id", OTHER.toString())
                .header("X-Ascent-Roles", "ADMIN").get("/api/v1/people/{id}", REPORT).then().statusCode(200);
        var forwarded = services.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                urlPathEqualTo("/api/v1/people/" + REPORT)));
        org.assertj.core.api.Assertions.assertThat(forwarded).hasSize(1);
        var request = forwarded.getFirst();
        org.assertj.core.api.Assertions.assertThat(request.containsHeader("X-Ascent-Actor-Id")).isFalse();
        org.assertj.core.api.Assertions.assertThat(request.containsHeader("X-Ascent-Roles")).isFalse();
        String claims = TestTokens.claimsOf(request.getHeader("Authorization"));
        org.assertj.core.api.Assertions.assertThat(claims)
                .contains("\"iss\":\"ascent-gateway\"")
                .contains("\"sub\":\"" + REPORT + "\"")
                .contains("\"member\"")
                .doesNotContain("admin");
    }

    @Test
    void webhooksReachTheServiceWithoutAnyoneElsesCredentials() {
        given().header("Authorization", member()).contentType("application/json").body("{}")
                .post("/api/v1/webhooks/github/source-1").then().statusCode(200);
        var forwarded = services.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                urlPathEqualTo("/api/v1/webhooks/github/source-1")));
        org.assertj.core.api.Assertions.assertThat(forwarded.getFirst().containsHeader("Authorization")).isFalse();
    }

    @Test
    void badTokensAre401ProblemsSayingWhy() throws Exception {
        String expired = "Bearer " + Jwt.issuer(TestTokens.ISSUER).subject(REPORT.toString())
                .issuedAt(System.currentTimeMillis() / 1000 - 3600).expiresAt(System.currentTimeMillis() / 1000 - 600)
                .sign(TestTokens.KEYS.getPrivate());
        unauthorized(expired, "expired");

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String wrongKey = "Bearer " + Jwt.issuer(TestTokens.ISSUER).subject(REPORT.toString()).expiresIn(300)
                .sign(generator.generateKeyPair().getPrivate());
        unauthorized(wrongKey, "signature");

        String wrongIssuer = "Bearer " + Jwt.issuer("someone-else").subject(REPORT.toString()).expiresIn(300)
                .sign(TestTokens.KEYS.getPrivate());
        unauthorized(wrongIssuer, "issuer");

        String header = b64("{\"alg\":\"none\",\"typ\":\"JWT\"}");
        String claims = b64("{\"iss\":\"" + TestTokens.ISSUER + "\",\"sub\":\"" + REPORT + "\",\"exp\":"
                + (System.currentTimeMillis() / 1000 + 300) + "}");
        unauthorized("Bearer " + header + "." + claims + ".", "not valid");

        unauthorized("Basic dXNlcjpwYXNz", "bearer");
        unauthorized("Bearer not.a.token", "not valid");
    }

    @Test
    void aValidTokenForNobodyInTheDirectoryIsRefused() {
        services.stubFor(get(urlPathEqualTo("/api/v1/people")).atPriority(1).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withBody("{\"items\":[],\"nextCursor\":null}")));
        String stranger = "Bearer " + Jwt.issuer(TestTokens.ISSUER).subject("idp|123").claim("email", "who@example.com")
                .groups(Set.of("member")).expiresIn(300).sign(TestTokens.KEYS.getPrivate());
        given().header("Authorization", stranger).get("/api/v1/frameworks/current").then()
                .statusCode(403).body("type", equalTo("urn:ascent:problem:unknown-person"));
    }

    private static void unauthorized(String authorization, String reason) {
        given().header("Authorization", authorization).get("/api/v1/people/{id}", REPORT).then()
                .statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:unauthorized"))
                .body("detail", containsString(reason));
    }

    private static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
