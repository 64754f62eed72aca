package dev.ascent.assessment.readiness;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Evidence strength per person and competency, from evidence-service. Readiness must answer even
 * when evidence-service does not: a slow or failing call gives up quickly, repeated failures open
 * the circuit, and the fallback says the evidence is unavailable. The call is non-blocking, so
 * readiness reads its own tables while evidence-service works.
 */
@ApplicationScoped
public class EvidenceStrengths {

    private static final Logger LOG = Logger.getLogger(EvidenceStrengths.class);

    private final EvidenceServiceApi api;

    public EvidenceStrengths(@RestClient EvidenceServiceApi api) {
        this.api = api;
    }

    /** person → competency → strength; empty when evidence-service could not answer. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Uni<Optional<Map<UUID, Map<String, EvidenceServiceApi.CompetencyStrength>>>> of(List<UUID> personIds,
                                                                                           LocalDate asOf,
                                                                                           boolean includeItems) {
        return api.strength(new EvidenceServiceApi.StrengthRequest(personIds, asOf, includeItems))
                .map(EvidenceStrengths::byPerson);
    }

    /**
     * person → strength version (0 for who never had counted evidence): equal versions on one day mean
     * equal strength. Empty when evidence-service could not answer.
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "versionsUnavailable")
    public Uni<Optional<Map<UUID, Long>>> versions(List<UUID> personIds) {
        return api.strengthVersions(new EvidenceServiceApi.VersionsRequest(personIds)).map(response -> {
            Map<UUID, Long> versions = new HashMap<>();
            if (response != null && response.versions() != null) {
                response.versions().forEach(v -> versions.put(v.personId(), v.version()));
            }
            return Optional.of(versions);
        });
    }

    Uni<Optional<Map<UUID, Long>>> versionsUnavailable(List<UUID> personIds, Throwable cause) {
        LOG.warnf("evidence-service did not say whose evidence changed, readiness is computed for everyone: %s",
                cause.toString());
        return Uni.createFrom().item(Optional.empty());
    }

    Uni<Optional<Map<UUID, Map<String, EvidenceServiceApi.CompetencyStrength>>>> unavailable(List<UUID> personIds,
                                                                                             LocalDate asOf,
                                                                                             boolean includeItems,
                                                                                             Throwable cause) {
        LOG.warnf("evidence-service unavailable, readiness uses ratings only: %s", cause.toString());
        return Uni.createFrom().item(Optional.empty());
    }

    private static Optional<Map<UUID, Map<String, EvidenceServiceApi.CompetencyStrength>>> byPerson(
            EvidenceServiceApi.StrengthResponse response) {
        Map<UUID, Map<String, EvidenceServiceApi.CompetencyStrength>> result = new HashMap<>();
        if (response != null && response.people() != null) {
            for (EvidenceServiceApi.PersonStrength person : response.people()) {
                Map<String, EvidenceServiceApi.CompetencyStrength> byCompetency = new HashMap<>();
                if (person.competencies() != null) {
                    person.competencies().forEach(c -> byCompetency.put(c.competency(), c));
                }
                result.put(person.personId(), byCompetency);
            }
        }
        return Optional.of(result);
    }
}
