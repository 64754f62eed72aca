package dev.ascent.gateway.access;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.ascent.gateway.changes.Notify;
import dev.ascent.gateway.changes.PeopleChanges;
import dev.ascent.gateway.routing.RouteTable;
import dev.ascent.gateway.routing.RouteTable.Route;
import dev.ascent.gateway.routing.RouteTable.Rule;
import dev.ascent.gateway.routing.RouteTable.Subject;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated from the route table: every operation, called about one member by every persona (the
 * member themself, another member, their manager, a manager outside their line, an admin, an
 * integration, and nobody). An allowed call reaches the service the table names, once, with its
 * method and path; a refused one is a 401/403/404 problem and the services' request journal holds
 * nothing of it (ownership look-ups aside, which carry no marker). A new line in the table is
 * walked here without anyone writing a case.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(SeparateBackends.class)
class RouteTableMatrixTest {

    static final UUID MEMBER = UUID.fromString("00000000-0000-4000-8000-0000000000b1");
    static final UUID LINE_MANAGER = UUID.fromString("00000000-0000-4000-8000-0000000000a1");
    static final UUID OTHER_MEMBER = UUID.fromString("00000000-0000-4000-8000-0000000000c1");
    static final UUID OUTSIDE_MANAGER = UUID.fromString("00000000-0000-4000-8000-0000000000a2");
    static final UUID MEMBERS_EVIDENCE = UUID.fromString("00000000-0000-4000-8000-0000000000e9");
    static final UUID MEMBERS_PLAN = UUID.fromString("00000000-0000-4000-8000-0000000000f9");
    /** A draft its line manager writes about the member: only its assessor (and admins) may read it. */
    static final UUID DRAFT_ABOUT_MEMBER = UUID.fromString("00000000-0000-4000-8000-0000000000d9");
    static final UUID ANY_ID = UUID.fromString("00000000-0000-4000-8000-000000000099");
    static final String SOURCE = "source-1";
    static final String MARKER = "X-Matrix-Call";

    enum Persona { SELF, OTHER_MEMBER, LINE_MANAGER, OUTSIDE_MANAGER, ADMIN, INTEGRATION, ANONYMOUS }

    @SeparateBackends.Inject
    WireMockServer services;

    @jakarta.inject.Inject
    io.agroal.api.AgroalDataSource database;

    @jakarta.inject.Inject
    PeopleChanges changes;

    @BeforeEach
    void stubs() {
        services.resetAll();
        services.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        line(MEMBER, "[\"" + LINE_MANAGER + "\"]");
        line(LINE_MANAGER, "[]");
        line(OTHER_MEMBER, "[]");
        line(OUTSIDE_MANAGER, "[]");
        object("/api/v1/evidence/" + MEMBERS_EVIDENCE, "{\"personId\":\"" + MEMBER + "\"}");
        object("/api/v1/plans/" + MEMBERS_PLAN, "{\"personId\":\"" + MEMBER + "\"}");
        object("/api/v1/assessments/" + DRAFT_ABOUT_MEMBER, "{\"subjectId\":\"" + MEMBER + "\",\"assessorId\":\""
                + LINE_MANAGER + "\",\"status\":\"DRAFT\"}");
    }

    /** Who the table's rule lets through, for a call about {@link #MEMBER}. */
    static Set<Persona> allowed(Rule rule) {
        return switch (rule) {
            case PUBLIC -> EnumSet.allOf(Persona.class);
            case AUTHENTICATED -> EnumSet.of(Persona.SELF, Persona.OTHER_MEMBER, Persona.LINE_MANAGER,
                    Persona.OUTSIDE_MANAGER, Persona.ADMIN);
            case MANAGER -> EnumSet.of(Persona.LINE_MANAGER, Persona.OUTSIDE_MANAGER, Persona.ADMIN);
            case ADMIN -> EnumSet.of(Persona.ADMIN);
            case SELF -> EnumSet.of(Persona.SELF, Persona.ADMIN);
            case SELF_OR_LINE -> EnumSet.of(Persona.SELF, Persona.LINE_MANAGER, Persona.ADMIN);
            case MANAGER_OF_OWNER, ASSESSMENT_PARTY -> EnumSet.of(Persona.LINE_MANAGER, Persona.ADMIN);
            case INTEGRATION_OWN_SOURCE -> EnumSet.of(Persona.INTEGRATION, Persona.ADMIN);
        };
    }

    static Stream<Arguments> operations() {
        return RouteTable.PUBLIC_API.routes().stream()
                .flatMap(route -> Stream.of(Persona.values()).map(persona -> Arguments.of(route.operation(), persona)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("operations")
    void everyOperationWithEveryPersona(String operation, Persona persona) {
        Route route = RouteTable.PUBLIC_API.routes().stream().filter(r -> r.operation().equals(operation))
                .findFirst().orElseThrow();
        boolean allowed = allowed(route.rule()).contains(persona);
        String path = concretePath(route);
        String marker = UUID.randomUUID().toString();
        var request = given().header(MARKER, marker).contentType("application/json")
                .body("{\"personId\":\"" + MEMBER + "\"}");
        if (route.subject() != null && route.subject().kind() == Subject.Kind.QUERY) {
            request.queryParam(route.subject().name(), MEMBER.toString());
        }
        String authorization = authorization(persona);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (route.keptUntilChanged()) {
            // An answer another persona's call left kept would be served without reaching the service.
            Notify.changed(database, changes, "*");
        }
        Response response = request.request(route.method(), path);
        List<LoggedRequest> reached = services.findAll(anyRequestedFor(anyUrl()).withHeader(MARKER, equalTo(marker)));
        int status = response.statusCode();

        if (route.service().equals(RouteTable.GATEWAY)) {
            // The gateway answers these itself; its resources must decide as the table says.
            if (allowed) {
                assertThat(status).as("%s as %s", operation, persona).isNotIn(401, 403);
            } else {
                assertThat(status).as("%s as %s", operation, persona).isIn(401, 403, 404);
                assertThat(response.contentType()).startsWith("application/problem+json");
            }
            return;
        }
        if (allowed) {
            assertThat(status).as("%s as %s: %s", operation, persona, response.asString()).isEqualTo(200);
            assertThat(reached).as("%s as %s reaches its service once", operation, persona).hasSize(1);
            LoggedRequest forwarded = reached.getFirst();
            assertThat(forwarded.getMethod().getName()).isEqualTo(route.method());
            assertThat(forwarded.getUrl().split("\\?")[0]).isEqualTo(path);
            assertThat(forwarded.getHeader("Host")).as("%s goes to %s", operation, route.service())
                    .startsWith(SeparateBackends.HOSTS.get(route.service()) + ":");
        } else {
            assertThat(status).as("%s as %s: %s", operation, persona, response.asString())
                    .isEqualTo(persona == Persona.ANONYMOUS ? 401 : 403);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(reached).as("%s as %s must not reach any service", operation, persona).isEmpty();
        }
    }

    /** The operation's path about {@link #MEMBER}: their id, their objects, and any id elsewhere. */
    static String concretePath(Route route) {
        StringBuilder path = new StringBuilder();
        for (String segment : route.segments()) {
            path.append('/');
            if (!segment.startsWith("{")) {
                path.append(segment);
                continue;
            }
            String name = segment.substring(1, segment.length() - 1);
            Subject subject = route.subject();
            if (subject != null && subject.kind() == Subject.Kind.PATH && subject.name().equals(name)) {
                path.append(route.rule() == Rule.INTEGRATION_OWN_SOURCE ? SOURCE : MEMBER.toString());
            } else if (subject != null && subject.kind() == Subject.Kind.OBJECT && subject.name().equals(name)) {
                String objects = subject.objectPath();
                path.append(objects.contains("/evidence/") ? MEMBERS_EVIDENCE
                        : objects.contains("/plans/") ? MEMBERS_PLAN
                        : objects.contains("/assessments/") ? DRAFT_ABOUT_MEMBER
                        : ANY_ID);
            } else {
                path.append(name.equals("sourceId") ? SOURCE : ANY_ID.toString());
            }
        }
        return path.toString();
    }

    static String authorization(Persona persona) {
        return switch (persona) {
            case SELF -> TestTokens.bearer(MEMBER, "member");
            case OTHER_MEMBER -> TestTokens.bearer(OTHER_MEMBER, "member");
            case LINE_MANAGER -> TestTokens.bearer(LINE_MANAGER, "manager");
            case OUTSIDE_MANAGER -> TestTokens.bearer(OUTSIDE_MANAGER, "manager");
            case ADMIN -> TestTokens.admin();
            case INTEGRATION -> TestTokens.integration(SOURCE);
            case ANONYMOUS -> null;
        };
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
}
