package dev.ascent.evidence.ingest;

import dev.ascent.evidence.EvidenceConfig;
import dev.ascent.evidence.problem.ApiProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;

/**
 * Bodies beyond {@code ascent.evidence.limits.max-body-bytes} are answered 413 problem+json: by
 * their Content-Length before the body is read, and by their actual size for chunked bodies.
 * (The HTTP layer's own limit, set above ours, is only a backstop.)
 */
public class BodyLimit {

    private final EvidenceConfig config;

    public BodyLimit(EvidenceConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public void declaredLength(ContainerRequestContext request) {
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) > config.limits().maxBodyBytes()) {
                    throw tooLarge(config);
                }
            } catch (NumberFormatException e) {
                // not ours to judge; the HTTP layer answers malformed headers
            }
        }
    }

    static void check(byte[] body, EvidenceConfig config) {
        if (body != null && body.length > config.limits().maxBodyBytes()) {
            throw tooLarge(config);
        }
    }

    private static ApiProblem tooLarge(EvidenceConfig config) {
        return new ApiProblem(413, "payload-too-large", "Payload too large",
                "The request body exceeds " + config.limits().maxBodyBytes() + " bytes", List.of());
    }
}
