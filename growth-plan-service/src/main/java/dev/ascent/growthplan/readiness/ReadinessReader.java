package dev.ascent.growthplan.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.growthplan.GrowthPlanConfig;
import dev.ascent.kit.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

/**
 * Reads readiness from assessment-service. Owns the fault tolerance: a short timeout, one retry,
 * a circuit breaker, and a fallback that turns "cannot reach it" into a 503 with a retry hint.
 * A 404 (no such person) is an answer, not a failure: it comes back as an empty optional; a 400
 * (unknown target level) becomes a 400 naming {@code targetLevel}.
 */
@ApplicationScoped
public class ReadinessReader {

    private static final Logger LOG = Logger.getLogger(ReadinessReader.class);

    private final AssessmentApi api;
    private final ObjectMapper json;
    private final GrowthPlanConfig config;

    public ReadinessReader(@RestClient AssessmentApi api, ObjectMapper json, GrowthPlanConfig config) {
        this.api = api;
        this.json = json;
        this.config = config;
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200, abortOn = ApiProblem.class)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = ApiProblem.class)
    @Fallback(fallbackMethod = "unavailable", skipOn = ApiProblem.class)
    public Optional<ReadinessReport> readiness(UUID personId, String targetLevel) {
        JsonNode answer;
        try {
            answer = api.readiness(personId, targetLevel);
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status == 404) {
                return Optional.empty();
            }
            if (status == 400 || status == 422) {
                throw ApiProblem.invalidField("targetLevel", "assessment-service does not accept this target level");
            }
            throw e;
        }
        try {
            return Optional.of(new ReadinessReport(json.treeToValue(answer, Readiness.class), answer));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException("assessment-service answered readiness in an unexpected shape", e);
        }
    }

    Optional<ReadinessReport> unavailable(UUID personId, String targetLevel, Throwable cause) {
        LOG.warnf("assessment-service unavailable for readiness of %s: %s", personId, cause.toString());
        throw ApiProblem.unavailable("assessment-service", config.remote().retryAfter());
    }
}
