package dev.ascent.evidence.access;

import dev.ascent.evidence.problem.ApiProblem;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;

import java.util.List;
import java.util.UUID;

/**
 * Who is calling. Until authentication arrives (issue 6) the gateway passes the acting person in
 * the {@code X-Ascent-Actor-Id} header; this class is the one place that reads it, so swapping it
 * for the JWT subject changes nothing else.
 */
@RequestScoped
public class Caller {

    public static final String HEADER = "X-Ascent-Actor-Id";

    private final HttpServerRequest request;

    public Caller(HttpServerRequest request) {
        this.request = request;
    }

    /** The acting person, or a 401 problem when the request names none (or names it badly). */
    public UUID personId() {
        String raw = request.getHeader(HEADER);
        if (raw == null || raw.isBlank()) {
            throw new ApiProblem(401, "unauthorized", "Unauthorized", "This request needs an acting person", List.of());
        }
        try {
            return UUID.fromString(raw.trim());
        } catch (IllegalArgumentException e) {
            throw new ApiProblem(401, "unauthorized", "Unauthorized", "The acting person is not a valid id", List.of());
        }
    }
}
