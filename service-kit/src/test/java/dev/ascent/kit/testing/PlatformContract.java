package dev.ascent.kit.testing;

import dev.ascent.kit.caller.VerifiedTokens;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.RawHttp;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * What every service must show at its edges, whatever its domain: health and metrics on the
 * management port only, problem+json for unknown routes, its OpenAPI document, its own database role
 * that cannot change the schema, security headers, the body limit on every spelling and encoding,
 * and (for the services behind the gateway) that nothing but the gateway's token gets a call in,
 * however the path or the identity headers are spelled. A service's platform test extends this and
 * names its schema, role and one read and one write to try.
 */
public abstract class PlatformContract {

    @Inject
    protected AgroalDataSource dataSource;

    @Inject
    protected VerifiedTokens verifiedTokens;

    @TestHTTPResource(value = "/", management = true)
    protected URL management;

    @TestHTTPResource("/")
    protected URL api;

    /** The schema the service owns. */
    protected abstract String schema();

    /** The role the service connects as. */
    protected abstract String role();

    /** A GET on this service that needs the gateway's token, such as {@code api/v1/people}. */
    protected abstract String protectedRead();

    /** A POST that would write if it were let in, and its JSON body. */
    protected abstract String protectedWrite();

    protected abstract String writeBody();

    /** SQL counting the rows {@link #protectedWrite()} would add, to show refused calls wrote nothing. */
    protected abstract String rowsTheWriteWouldAdd();

    /** False for the gateway, which checks the public's own credentials instead of a gateway token. */
    protected boolean takesOnlyTheGatewaysToken() {
        return true;
    }

    /** Where the service publishes its OpenAPI document: its API port, or (the gateway) its management port. */
    protected URL openApiBase() {
        return api;
    }

    @Test
    void healthAndMetricsAnswerOnTheManagementPortOnly() throws IOException {
        given().baseUri(base(management)).get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections health check")))
                .body("checks.name", hasItem("database"));
        // Liveness leaves the database out: an outage must not make an orchestrator restart the service.
        given().baseUri(base(management)).get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", org.hamcrest.Matchers.not(hasItem("database")));
        given().baseUri(base(management)).get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        for (String path : List.of("/q/health", "/q/health/ready", "/q/metrics", "/q/health/live")) {
            RawHttp.Answer answer = raw("GET", path, Map.of(), null);
            assertThat(answer.status()).as("GET %s on the API port", path).isIn(401, 404);
            assertThat(answer.body()).doesNotContain("jvm_").doesNotContain("\"UP\"");
        }
    }

    @Test
    void unknownRoutesAreProblems() {
        given().get("/api/v1/no-such-thing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ascent:problem:not-found"))
                .body("instance", equalTo("/api/v1/no-such-thing"));
    }

    @Test
    void publishesItsOpenApiDocument() {
        given().baseUri(base(openApiBase())).header(GatewayTokens.NO_TOKEN, "1").accept("application/json")
                .get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."));
    }

    @Test
    void connectsAsItsOwnRoleWhichCannotChangeTheSchema() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user)");
            rs.next();
            assertThat(rs.getString(1)).isEqualTo(role());
            assertThat(rs.getBoolean(2)).isFalse();
            assertThatThrownBy(() -> st.execute("CREATE TABLE " + schema() + ".intruder (x int)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied");
        }
    }

    @Test
    void flywayCreatedTheSchemaAndTheKitsRoleMigration() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            ResultSet rs = st.executeQuery("SELECT count(*) FROM " + schema()
                    + ".flyway_schema_history WHERE description = 'service role' AND success");
            rs.next();
            assertThat(rs.getInt(1)).as("the kit's R__service_role.sql ran").isEqualTo(1);
        }
    }

    @Test
    void everyResponseCarriesTheSecurityHeaders() {
        for (String path : List.of("/api/v1/no-such-thing", "/" + protectedRead())) {
            given().get(path).then()
                    .header("X-Content-Type-Options", "nosniff")
                    .header("X-Frame-Options", "DENY")
                    .header("Referrer-Policy", "no-referrer")
                    .header("Cache-Control", "no-store");
        }
    }

    /** The spellings of {@code /api/v1/...} that once reached a service's resources without the token. */
    protected static List<String> spellingsOf(String path) {
        String rest = path.substring("api/".length());
        return List.of("/api/" + rest, "//api/" + rest, "/./api/" + rest, "/%61pi/" + rest, "/x/../api/" + rest,
                "/api//" + rest, "/api/./" + rest);
    }

    @Test
    void nothingButTheGatewaysTokenGetsInWhateverThePathOrHeaderSpelling() throws Exception {
        if (!takesOnlyTheGatewaysToken()) {
            return;
        }
        long before = count(rowsTheWriteWouldAdd());
        String person = UUID.randomUUID().toString();
        List<Map<String, String>> forgeries = List.of(
                Map.of("X-Ascent-Actor-Id", person, "X-Ascent-Roles", "admin"),
                Map.of("x-ascent-actor-id", person, "x-ascent-roles", "admin"),
                Map.of("X-ASCENT-ACTOR-ID", person, "Authorization", "Bearer not-a-token"),
                Map.of("X-Ascent-Actor-Id", person, "Authorization", "bearer  eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."));
        List<String> admitted = new ArrayList<>();
        for (Map<String, String> headers : forgeries) {
            for (String path : spellingsOf(protectedRead())) {
                RawHttp.Answer read = raw("GET", path, headers, null);
                if (read.status() != 401) {
                    admitted.add("GET " + path + " " + headers + " -> " + read.status());
                }
            }
            for (String path : spellingsOf(protectedWrite())) {
                RawHttp.Answer write = raw("POST", path, headers, writeBody());
                if (write.status() != 401) {
                    admitted.add("POST " + path + " " + headers + " -> " + write.status());
                } else {
                    assertThat(write.contentType()).startsWith("application/problem+json");
                }
            }
        }
        assertThat(admitted).as("calls let in without the gateway's token").isEmpty();
        assertThat(count(rowsTheWriteWouldAdd())).as("rows written by refused calls").isEqualTo(before);
    }

    /** A text field of {@link #writeBody()} that would be stored as text; the first string field by default. */
    protected String textField() {
        return "\\w+";
    }

    @Test
    void theNulCharacterInAnyStringIsA400NamingTheFieldAndWritesNothing() throws Exception {
        java.util.regex.Matcher firstString = java.util.regex.Pattern.compile("\"(" + textField() + ")\":\"")
                .matcher(writeBody());
        if (!takesOnlyTheGatewaysToken() || !firstString.find()) {
            return;
        }
        long before = count(rowsTheWriteWouldAdd());
        String body = writeBody().substring(0, firstString.end()) + "\\u0000" + writeBody().substring(firstString.end());
        given().header("Authorization", GatewayTokens.bearer(UUID.randomUUID().toString(), "admin"))
                .contentType("application/json").body(body).post("/" + protectedWrite()).then()
                .statusCode(400).contentType("application/problem+json")
                .body("violations[0].field", equalTo(firstString.group(1)))
                .body("violations[0].message", containsString("NUL"));
        assertThat(count(rowsTheWriteWouldAdd())).isEqualTo(before);
    }

    @Test
    void aTokenIsVerifiedOnceAndNeverTrustedPastItsExpiry() throws Exception {
        if (!takesOnlyTheGatewaysToken()) {
            return;
        }
        String token = GatewayTokens.bearer(Duration.ofSeconds(2), UUID.randomUUID().toString(), "member");
        long before = verifiedTokens.signatureChecks();
        for (int i = 0; i < 20; i++) {
            int status = given().header("Authorization", token).get("/" + protectedRead()).then().extract().statusCode();
            assertThat(status).isNotEqualTo(401);
        }
        assertThat(verifiedTokens.signatureChecks() - before).as("signatures checked for 20 calls").isEqualTo(1);
        // Expired (plus the 2 s clock skew the services allow): refused, though it was remembered.
        Thread.sleep(4_500);
        given().header("Authorization", token).get("/" + protectedRead()).then().statusCode(401);
    }

    @Test
    void bodiesOverTheLimitAre413OnEverySpellingAndEncoding() throws Exception {
        long limit = io.quarkus.runtime.configuration.MemorySizeConverter.class.getDeclaredConstructor().newInstance()
                .convert(ConfigProvider.getConfig().getValue("ascent.kit.limits.max-body-size", String.class))
                .asLongValue();
        long before = count(rowsTheWriteWouldAdd());
        byte[] oversize = oversizeJson(limit + 1024);
        String token = GatewayTokens.bearer(UUID.randomUUID().toString(), "admin");
        for (String path : List.of("/" + protectedWrite(), "/" + protectedWrite().replace("api/", "/api/"))) {
            RawHttp.Answer declared = raw("POST", path, Map.of("Authorization", token), new String(oversize, StandardCharsets.UTF_8));
            assertThat(declared.status()).as("declared length on %s", path).isEqualTo(413);
            assertThat(declared.contentType()).startsWith("application/problem+json");
        }
        HttpResponse<String> chunked = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build().send(HttpRequest.newBuilder(
                        URI.create(base(api) + "/" + protectedWrite()))
                .header("Authorization", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(oversize))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as("chunked body over the limit").isEqualTo(413);
        assertThat(chunked.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(count(rowsTheWriteWouldAdd())).isEqualTo(before);
    }

    /** A JSON object of about {@code size} bytes: one long string field. */
    private static byte[] oversizeJson(long size) {
        StringBuilder json = new StringBuilder((int) size + 32).append("{\"padding\":\"");
        while (json.length() < size) {
            json.append("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
        }
        return json.append("\"}").toString().getBytes(StandardCharsets.UTF_8);
    }

    protected long count(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Scheme, host and port: the management URL Quarkus injects ends in its root path ({@code /q/}). */
    protected static String base(URL url) {
        return url.getProtocol() + "://" + url.getHost() + ":" + url.getPort();
    }

    /** An HTTP/1.1 exchange exactly as written, to this service's API port. */
    protected RawHttp.Answer raw(String method, String path, Map<String, String> headers, String body) throws IOException {
        return RawHttp.send(api.getHost(), api.getPort(), method, path, headers, body);
    }
}
