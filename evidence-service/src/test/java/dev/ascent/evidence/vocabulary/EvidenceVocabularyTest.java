package dev.ascent.evidence.vocabulary;

import dev.ascent.evidence.directory.AssessmentServiceStub;
import dev.ascent.testsupport.Contracts;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * evidence-service owns the evidence kinds: the enum is the one list, the database's checks are built
 * from it, and other services read it from the API (provider side of contracts/evidence-kinds.json).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(AssessmentServiceStub.class)
class EvidenceVocabularyTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theKindsAreServedAsTheirConsumersWereToldTheyWouldBe() {
        Response answer = given().get("/api/v1/evidence-kinds");
        answer.then().statusCode(200).contentType("application/json");
        List<String> codes = answer.path("code");
        assertThat(codes).containsExactlyElementsOf(Arrays.stream(EvidenceKind.values()).map(Enum::name).toList());
        assertThat(answer.<List<String>>path("name")).allSatisfy(n -> assertThat(n).isNotBlank());
        assertThat(answer.<List<String>>path("description")).allSatisfy(d -> assertThat(d).isNotBlank());

        Map<String, String> headers = new HashMap<>();
        answer.headers().forEach(h -> headers.put(h.getName(), h.getValue()));
        assertThat(Contracts.verifyProvider("evidence-kinds", answer.asString(), headers)).isNull();
    }

    @Test
    void theDatabaseTakesExactlyTheEnumsConstants() throws SQLException {
        for (EvidenceKind kind : EvidenceKind.values()) {
            insert(kind.name(), "MANUAL", "CONFIRMED");
        }
        for (EvidenceSource source : EvidenceSource.values()) {
            insert("OTHER", source.name(), "CONFIRMED");
        }
        for (EvidenceStatus status : EvidenceStatus.values()) {
            insert("OTHER", "MANUAL", status.name());
        }
        assertThatThrownBy(() -> insert("TWEET", "MANUAL", "CONFIRMED")).hasMessageContaining("evidence_kind_check");
        assertThatThrownBy(() -> insert("OTHER", "CARRIER_PIGEON", "CONFIRMED")).hasMessageContaining("evidence_source_check");
        assertThatThrownBy(() -> insert("OTHER", "MANUAL", "MAYBE")).hasMessageContaining("evidence_status_check");
    }

    private void insert(String kind, String source, String status) throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement("""
                INSERT INTO evidence.evidence (id, person_id, kind, competencies, title, occurred_at, source, status,
                                               created_at, updated_at)
                VALUES (?, ?, ?, ARRAY['influence']::varchar[], 'vocabulary check', current_date, ?, ?, now(), now())
                """)) {
            insert.setObject(1, UUID.randomUUID());
            insert.setObject(2, UUID.randomUUID());
            insert.setString(3, kind);
            insert.setString(4, source);
            insert.setString(5, status);
            insert.executeUpdate();
        }
    }
}
