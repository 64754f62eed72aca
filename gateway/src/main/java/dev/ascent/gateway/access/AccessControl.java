package dev.ascent.gateway.access;

import dev.ascent.kit.problem.ApiProblem;
import com.fasterxml.jackson.databind.JsonNode;
import dev.ascent.gateway.routing.RouteTable;
import dev.ascent.gateway.routing.RouteTable.Rule;
import dev.ascent.gateway.routing.RouteTable.Subject;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static dev.ascent.gateway.access.Caller.Role.ADMIN;
import static dev.ascent.gateway.access.Caller.Role.INTEGRATION;
import static dev.ascent.gateway.access.Caller.Role.MANAGER;

/**
 * Who may call what (docs/architecture.md §5): the one rule the {@link RouteTable} names for the
 * operation, decided on the person it concerns, which is named by the path, the query, the body or
 * the object the path points at (read from its service). Members see their own data, managers
 * their direct and indirect reports' data, admins everything, integrations push to their own
 * source only and do nothing else.
 */
@Singleton
public class AccessControl {

    private static final Uni<Void> ALLOW = Uni.createFrom().voidItem();

    private final PeopleDirectory directory;
    private final ObjectOwners owners;

    public AccessControl(PeopleDirectory directory, ObjectOwners owners) {
        this.directory = directory;
        this.owners = owners;
    }

    /**
     * Whether a normalised path is one the public calls without credentials (a {@link Rule#PUBLIC}
     * operation: the webhooks, the platform health and the OpenAPI document). Credentials sent there
     * are not looked at.
     */
    public static boolean takesNoCredentials(String path) {
        return RouteTable.PUBLIC_API.takesNoCredentials(path);
    }

    /**
     * Whether {@code caller} may make the matched call.
     *
     * @param query the request's query parameters by name (decoded)
     * @param body  the request body, or {@code null}
     */
    public Uni<Void> authorize(Caller caller, RouteTable.Match match, Function<String, String> query, byte[] body) {
        RouteTable.Route route = match.route();
        Rule rule = route.rule();
        if (rule == Rule.PUBLIC) {
            return ALLOW;
        }
        if (rule == Rule.INTEGRATION_OWN_SOURCE) {
            String source = match.param(route.subject().name());
            return caller.is(ADMIN) || caller.is(INTEGRATION) && source != null && source.equals(caller.source())
                    ? ALLOW : deny("Integrations may only push to their own source");
        }
        if (caller.is(INTEGRATION) && !caller.is(ADMIN)) {
            return deny("Integrations may only push to their own source");
        }
        return switch (rule) {
            case AUTHENTICATED -> ALLOW;
            case MANAGER -> caller.is(ADMIN) || caller.is(MANAGER) ? ALLOW
                    : deny("Only managers and admins may do this");
            case ADMIN -> admin(caller);
            case SELF, SELF_OR_LINE, MANAGER_OF_OWNER, ASSESSMENT_PARTY -> concerned(route, match, query, body)
                    .flatMap(concerned -> decide(caller, rule, concerned));
            case PUBLIC, INTEGRATION_OWN_SOURCE -> throw new IllegalStateException("decided above");
        };
    }

    /** Whether the caller may see everything about {@code personId} ({@link Rule#SELF_OR_LINE}). */
    public Uni<Void> person(Caller caller, UUID personId) {
        if (personId == null) {
            return Uni.createFrom().failure(notFound("No such person"));
        }
        return decide(caller, Rule.SELF_OR_LINE, new Concerned(personId, null));
    }

    /** The person a call concerns; {@code object} is the object the path names, if the rule reads one. */
    private record Concerned(UUID person, JsonNode object) {
    }

    private Uni<Concerned> concerned(RouteTable.Route route, RouteTable.Match match, Function<String, String> query,
                                     byte[] body) {
        Subject subject = route.subject();
        return switch (subject.kind()) {
            case PATH -> {
                UUID id = uuid(match.param(subject.name()));
                yield id == null ? Uni.createFrom().failure(notFound("No such person"))
                        : Uni.createFrom().item(new Concerned(id, null));
            }
            case QUERY -> {
                String value = query.apply(subject.name());
                if (value != null && uuid(value) == null) {
                    yield Uni.createFrom().failure(notFound("No such person"));
                }
                // Without it the call is about everyone: only admins pass (decide refuses a null person).
                yield Uni.createFrom().item(new Concerned(value == null ? null : uuid(value), null));
            }
            case BODY -> Uni.createFrom().item(new Concerned(ObjectOwners.personIdIn(body), null));
            case OBJECT -> owners.ownerOf(subject.service(), subject.objectPath().replace("{id}", match.param("id")))
                    .map(object -> {
                        UUID owner = ObjectOwners.uuidField(object, subject.field());
                        if (owner == null) {
                            throw notFound("No such " + subject.objectPath());
                        }
                        return new Concerned(owner, object);
                    });
        };
    }

    private Uni<Void> decide(Caller caller, Rule rule, Concerned concerned) {
        UUID person = concerned.person();
        return switch (rule) {
            case SELF -> caller.is(ADMIN) || caller.isPerson(person) ? ALLOW
                    : deny("Only the person concerned may do this");
            case SELF_OR_LINE -> caller.is(ADMIN) || caller.isPerson(person) ? ALLOW
                    : above(caller, person, "You may not see this person's data");
            // A manager's word on someone's work is never their own.
            case MANAGER_OF_OWNER -> caller.isPerson(person) ? deny("This is for a manager of its owner, not its owner")
                    : caller.is(ADMIN) ? ALLOW : above(caller, person, "Only a manager of its owner may do this");
            case ASSESSMENT_PARTY -> {
                UUID assessor = ObjectOwners.uuidField(concerned.object(), "assessorId");
                boolean submitted = "SUBMITTED".equals(concerned.object().path("status").asText());
                yield caller.is(ADMIN) || caller.isPerson(assessor) || submitted && caller.isPerson(person) ? ALLOW
                        : above(caller, person, "You may not see this assessment");
            }
            default -> throw new IllegalStateException(rule + " is about nobody in particular");
        };
    }

    /** Whether the caller is someone above {@code personId} in the reporting line. */
    private Uni<Void> above(Caller caller, UUID personId, String refusal) {
        if (caller.personId() == null || personId == null) {
            return deny(refusal);
        }
        return directory.managersOf(personId).flatMap(m -> m.contains(caller.personId()) ? ALLOW : deny(refusal));
    }

    private static Uni<Void> admin(Caller caller) {
        return caller.is(ADMIN) ? ALLOW : deny("Only admins may do this");
    }

    private static Uni<Void> deny(String detail) {
        return Uni.createFrom().failure(new ApiProblem(403, "forbidden", "Forbidden", detail, List.of()));
    }

    private static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not found", detail, List.of());
    }

    static UUID uuid(String value) {
        if (value == null) {
            return null;
        }
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
