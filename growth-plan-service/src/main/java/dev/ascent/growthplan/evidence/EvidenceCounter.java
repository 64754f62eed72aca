package dev.ascent.growthplan.evidence;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * Counts matching evidence in evidence-service, one call for any number of people. Owns the fault
 * tolerance; when evidence-service cannot answer, the result is empty and callers mark progress
 * as stale (or refuse to generate).
 */
@ApplicationScoped
public class EvidenceCounter {

    private static final Logger LOG = Logger.getLogger(EvidenceCounter.class);

    private final EvidenceApi api;

    public EvidenceCounter(@RestClient EvidenceApi api) {
        this.api = api;
    }

    @Timeout(value = 4, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 200)
    @CircuitBreaker(requestVolumeThreshold = 10, failureRatio = 0.5, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Optional<List<EvidenceCounts.Count>> counts(List<CountsRequest.Window> windows) {
        if (windows.isEmpty()) {
            return Optional.of(List.of());
        }
        EvidenceCounts answer = api.counts(new CountsRequest(windows));
        return Optional.of(answer == null || answer.counts() == null ? List.of() : answer.counts());
    }

    Optional<List<EvidenceCounts.Count>> unavailable(List<CountsRequest.Window> windows, Throwable cause) {
        LOG.warnf("evidence-service unavailable for %d window(s): %s", windows.size(), cause.toString());
        return Optional.empty();
    }
}
