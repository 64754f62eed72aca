package dev.ascent.assessment.access;

import dev.ascent.assessment.problem.ApiProblem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who is making the current request. Until token authentication lands (issue 6), the acting
 * person arrives in the {@code X-Ascent-Actor-Id} header set by the gateway; this class is the one
 * place that changes when it is taken from the verified JWT subject instead.
 */
@RequestScoped
public class Caller {

    public static final String HEADER = "X-Ascent-Actor-Id";

    private final HttpServerRequest request;

    public Caller(HttpServerRequest request) {
        this.request = request;
    }

    public Optional<UUID> personId() {
        String value = request.getHeader(HEADER);
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(value.trim()));
        } catch (IllegalArgumentException e) {
            throw ApiProblem.invalidField(HEADER, "must be a person id (UUID)");
        }
    }

    public UUID requirePersonId() {
        return personId().orElseThrow(() -> new ApiProblem(401, "unauthenticated", "Unauthenticated",
                "This action needs to know who is acting", List.of()));
    }
}
