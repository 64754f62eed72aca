package dev.ascent.growthplan.problem;

import java.util.List;

/**
 * Thrown by services for outcomes the client must hear about (not found, conflict, invalid
 * reference). The mapper turns it into problem+json; nothing else about it leaks.
 */
public class ApiProblem extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;

    public ApiProblem(int status, String slug, String title, String detail, List<Problem.Violation> violations) {
        super(detail, null, false, false);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = List.copyOf(violations);
    }

    public static ApiProblem notFound(String what, Object id) {
        return new ApiProblem(404, "not-found", "Not found", what + " " + id + " does not exist", List.of());
    }

    public static ApiProblem conflict(String slug, String detail, String field) {
        return new ApiProblem(409, slug, "Conflict", detail, List.of(new Problem.Violation(field, detail)));
    }

    /** A request that is well-formed but refers to something invalid, such as an unknown manager. */
    public static ApiProblem invalidField(String field, String message) {
        return new ApiProblem(400, "validation-failed", "Invalid request", "The request has invalid fields",
                List.of(new Problem.Violation(field, message)));
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
}
