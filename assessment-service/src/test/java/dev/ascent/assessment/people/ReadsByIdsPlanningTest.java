package dev.ascent.assessment.people;

import dev.ascent.assessment.readiness.RatingsRepository;
import dev.ascent.assessment.support.EvidenceServiceStub;
import dev.ascent.testsupport.GatewayTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Through the repositories, on one connection: a person's reads by id keep a server-side plan, a team's
 * are planned for their ids each time, and the connection is left as it was found.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GatewayTokens.class)
@WithTestResource(EvidenceServiceStub.class)
class ReadsByIdsPlanningTest {

    @Inject
    EntityManager em;

    @Inject
    PersonRepository people;

    @Inject
    RatingsRepository ratings;

    @Test
    void onePersonsReadsReuseTheirPlansAndATeamsArePlannedForItsIds() {
        List<UUID> team = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        record Prepared(String statement, long genericPlans) {
        }
        record Seen(List<Prepared> prepared, int threshold) {
        }
        Seen seen = QuarkusTransaction.requiringNew().call(() -> {
            for (int run = 0; run < 15; run++) {
                people.standingsWithFounderLed(List.of(team.getFirst()));
                ratings.of(List.of(team.getFirst()));
                people.standingsWithFounderLed(team);
                ratings.of(team);
            }
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("SELECT statement, generic_plans FROM pg_prepared_statements")
                    .getResultList();
            int threshold = em.unwrap(Session.class)
                    .doReturningWork(c -> c.unwrap(PGConnection.class).getPrepareThreshold());
            return new Seen(rows.stream().map(r -> new Prepared((String) r[0], ((Number) r[1]).longValue())).toList(),
                    threshold);
        });
        // Standings with founder-led, ratings and calibrations for one id: prepared, the generic plan in use.
        assertThat(seen.prepared()).filteredOn(p -> p.statement().contains("ANY(ARRAY[$1])")).hasSize(3)
                .allSatisfy(p -> assertThat(p.genericPlans()).as(p.statement()).isPositive());
        // The same reads for the team ran 15 times each and were never prepared on the server.
        assertThat(seen.prepared()).noneMatch(p -> p.statement().contains("ANY($1)"));
        assertThat(seen.threshold()).as("the connection's prepare threshold afterwards").isEqualTo(5);
    }
}
