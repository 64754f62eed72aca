package dev.ascent.evidence.directory;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Fallback;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * One call to assessment-service for a batch's emails. Ingestion must never wait long or fail for
 * the directory's sake: a slow or failing call gives up quickly, repeated failures open the
 * circuit, and the fallback answers "unknown", so those events wait in the unmatched queue.
 */
@ApplicationScoped
public class DirectoryLookup {

    private static final Logger LOG = Logger.getLogger(DirectoryLookup.class);

    private final DirectoryApi api;

    public DirectoryLookup(@RestClient DirectoryApi api) {
        this.api = api;
    }

    /** email → person for the emails the directory knows; empty when it could not answer. */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS)
    @Fallback(fallbackMethod = "unavailable")
    public Optional<Map<String, UUID>> byEmail(List<String> emails) {
        DirectoryApi.Response response = api.byEmail(new DirectoryApi.Request(emails));
        Map<String, UUID> found = new HashMap<>();
        if (response != null && response.people() != null) {
            for (DirectoryApi.Match match : response.people()) {
                if (match.email() != null && match.personId() != null) {
                    found.put(PeopleDirectory.normalise(match.email()), match.personId());
                }
            }
        }
        return Optional.of(found);
    }

    /**
     * Everyone above {@code personId} in the reporting line; empty when assessment-service could not
     * answer (the caller decides what that means: no evidence is logged on a guess).
     */
    @Timeout(value = 2, unit = ChronoUnit.SECONDS)
    // an answer, even 404 for an unknown person, is not an outage: only timeouts and failed connections open the circuit
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 10, delayUnit = ChronoUnit.SECONDS,
            skipOn = jakarta.ws.rs.WebApplicationException.class)
    @Fallback(fallbackMethod = "lineUnavailable")
    public Optional<List<UUID>> managersOf(UUID personId) {
        DirectoryApi.ManagementLine line = api.line(personId);
        return Optional.of(line == null || line.managers() == null ? List.of() : line.managers());
    }

    Optional<List<UUID>> lineUnavailable(UUID personId, Throwable cause) {
        if (cause instanceof jakarta.ws.rs.WebApplicationException e && e.getResponse().getStatus() == 404) {
            return Optional.of(List.of()); // nobody has this id: nobody is above them
        }
        LOG.warnf("the reporting line of %s is unavailable: %s", personId, cause.toString());
        return Optional.empty();
    }

    Optional<Map<String, UUID>> unavailable(List<String> emails, Throwable cause) {
        LOG.warnf("the people directory is unavailable; %d email(s) stay unmatched: %s", emails.size(), cause.toString());
        return Optional.empty();
    }
}
