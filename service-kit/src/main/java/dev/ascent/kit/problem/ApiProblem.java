package dev.ascent.kit.problem;

import java.time.Duration;
import java.util.List;

/**
 * Thrown for outcomes the client must hear about (not found, conflict, invalid reference, a
 * dependency that cannot answer). {@link ProblemMapper} turns it into problem+json; nothing else
 * about it leaks.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;
    private final Long retryAfterSeconds;

    public ApiProblem(int status, String slug, String title, String detail, List<Problem.Violation> violations) {
        this(status, slug, title, detail, violations, null);
    }

    public ApiProblem(int status, String slug, String title, String detail, List<Problem.Violation> violations,
                      Long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = List.copyOf(violations);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The problem+json body it answers with, about {@code instance} (the request's path). */
    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_PREFIX + slug, title, status, getMessage(), instance, violations);
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(404, "not-found", "Not found", what + " " + id + " does not exist", List.of());
    }

    public static ApiProblem conflict(String slug, String detail, String field) {
        return new ApiProblem(409, slug, "Conflict", detail, List.of(new Problem.Violation(field, detail)));
    }

    /** A request that is well-formed but refers to something invalid, such as an unknown manager. */
    public static ApiProblem invalidField(String field, String message) {
        return invalidFields(List.of(new Problem.Violation(field, message)));
    }

    public static ApiProblem invalidFields(List<Problem.Violation> violations) {
        return new ApiProblem(400, "validation-failed", "Invalid request", "The request has invalid fields", violations);
    }

    public static ApiProblem unauthenticated(String detail) {
        return new ApiProblem(401, "unauthorized", "Unauthorized", detail, List.of());
    }

    public static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "forbidden", "Forbidden", detail, List.of());
    }

    /** Something this service needs cannot answer; the client may try again after {@code retryAfter}. */
    public static ApiProblem unavailable(String dependency, Duration retryAfter) {
        return new ApiProblem(503, "dependency-unavailable", "Service unavailable",
                dependency + " cannot be reached; try again later", List.of(), Math.max(1, retryAfter.toSeconds()));
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<Problem.Violation> violations() {
        return violations;
    }

    /** Seconds for a {@code Retry-After} header, when the client should retry; null otherwise. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
