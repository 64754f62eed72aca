package dev.ascent.gateway.access;

import dev.ascent.kit.problem.ApiProblem;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.UUID;

import static dev.ascent.gateway.access.Caller.Role.ADMIN;
import static dev.ascent.gateway.access.Caller.Role.INTEGRATION;
import static dev.ascent.gateway.access.Caller.Role.MANAGER;

/**
 * Who may call what, checked on the object and not only on the route (docs/architecture.md §5): members see
 * their own data, managers their direct and indirect reports' data, admins run the directory,
 * frameworks, playbook and integrations, integrations push to their own source only. Routes are
 * matched by their segments after {@code /api/v1}.
 */
@ApplicationScoped
public class AccessControl {

    private static final Uni<Void> ALLOW = Uni.createFrom().voidItem();

    private final PeopleDirectory directory;
    private final ObjectOwners owners;

    public AccessControl(PeopleDirectory directory, ObjectOwners owners) {
        this.directory = directory;
        this.owners = owners;
    }

    /** Routes anyone may call without a token: their own signature (webhooks) protects them. */
    public static boolean isPublic(List<String> segments) {
        return !segments.isEmpty() && segments.getFirst().equals("webhooks");
    }

    /**
     * Whether a normalised path is one the public calls without credentials: the webhooks, the
     * platform health and the OpenAPI document. Credentials sent there are not looked at.
     */
    public static boolean takesNoCredentials(String path) {
        String prefix = "/api/v1/";
        if (!path.startsWith(prefix)) {
            return false;
        }
        int end = path.indexOf('/', prefix.length());
        String first = end < 0 ? path.substring(prefix.length()) : path.substring(prefix.length(), end);
        return first.equals("webhooks") || first.equals("platform") || first.equals("openapi");
    }

    public Uni<Void> authorize(Caller caller, HttpMethod method, List<String> s, String queryPersonId, byte[] body) {
        boolean read = method == HttpMethod.GET || method == HttpMethod.HEAD;
        if (caller.is(INTEGRATION) && !caller.is(ADMIN)) {
            // Integrations push project data to their own source and do nothing else.
            if (s.size() >= 2 && s.get(0).equals("ingest") && s.get(1).equals(caller.source())) {
                return ALLOW;
            }
            return deny("Integrations may only push to their own source");
        }
        return switch (s.getFirst()) {
            case "people" -> people(caller, read, s);
            case "organisation", "frameworks", "playbook" -> read ? ALLOW : admin(caller);
            case "integrations", "ingest" -> admin(caller);
            case "cycles" -> caller.is(ADMIN) || caller.is(MANAGER) ? ALLOW
                    : deny("Only managers and admins run assessment cycles");
            case "assessments" -> assessments(caller, read, s);
            case "calibrations" -> caller.is(ADMIN) || caller.is(MANAGER) ? ALLOW
                    : deny("Only managers calibrate ratings");
            case "readiness" -> admin(caller);
            case "evidence" -> evidence(caller, read, s, queryPersonId, body);
            case "plans" -> plans(caller, read, s, queryPersonId, body);
            case "teams" -> s.size() >= 2 ? person(caller, uuid(s.get(1))) : deny("No such team");
            default -> deny("No access rule covers this route");
        };
    }

    /** Whether the caller may see everything about {@code personId}. */
    public Uni<Void> person(Caller caller, UUID personId) {
        if (personId == null) {
            return Uni.createFrom().failure(new ApiProblem(404, "not-found", "Not found", "No such person", List.of()));
        }
        if (caller.is(ADMIN) || caller.isPerson(personId)) {
            return ALLOW;
        }
        if (caller.personId() == null) {
            return deny("You may not see this person's data");
        }
        return directory.managersOf(personId).flatMap(managers -> managers.contains(caller.personId())
                ? ALLOW : deny("You may not see this person's data"));
    }

    private Uni<Void> people(Caller caller, boolean read, List<String> s) {
        if (s.size() == 1) {
            return admin(caller); // the whole directory, and adding people
        }
        UUID id = uuid(s.get(1));
        if (s.size() == 2 && !read) {
            return admin(caller);
        }
        return person(caller, id);
    }

    private Uni<Void> evidence(Caller caller, boolean read, List<String> s, String queryPersonId, byte[] body) {
        if (s.size() == 1) {
            if (read) {
                return queryPersonId == null ? admin(caller) : person(caller, uuid(queryPersonId));
            }
            // People log their own evidence.
            UUID owner = ObjectOwners.personIdIn(body);
            return caller.is(ADMIN) || caller.isPerson(owner) ? ALLOW : deny("You may log only your own evidence");
        }
        if (s.get(1).equals("strength") || s.get(1).equals("counts")) {
            return admin(caller);
        }
        String action = s.size() > 2 ? s.get(2) : "";
        return owners.ownerOf("evidence-service", "/api/v1/evidence/" + s.get(1)).flatMap(item -> {
            UUID owner = ObjectOwners.uuidField(item, "personId");
            if (read) {
                return person(caller, owner);
            }
            if (action.equals("verify")) {
                // Verification is a manager's word on someone else's work, never one's own.
                return caller.isPerson(owner) ? deny("Evidence is verified by a manager, not its owner")
                        : managerOrAdmin(caller, owner, "Only a manager of its owner may verify evidence");
            }
            if (action.equals("reject")) {
                return caller.isPerson(owner) ? ALLOW
                        : managerOrAdmin(caller, owner, "Only its owner or their manager may reject evidence");
            }
            return caller.is(ADMIN) || caller.isPerson(owner) ? ALLOW : deny("Only its owner may change this evidence");
        });
    }

    private Uni<Void> plans(Caller caller, boolean read, List<String> s, String queryPersonId, byte[] body) {
        if (s.size() >= 2 && s.get(1).equals("status")) {
            return admin(caller);
        }
        if (s.size() == 1) {
            if (read) {
                return queryPersonId == null ? admin(caller) : person(caller, uuid(queryPersonId));
            }
            return person(caller, ObjectOwners.personIdIn(body)); // generating: self, a manager or an admin
        }
        return owners.ownerOf("growth-plan-service", "/api/v1/plans/" + s.get(1))
                .flatMap(plan -> person(caller, ObjectOwners.uuidField(plan, "personId")));
    }

    private Uni<Void> assessments(Caller caller, boolean read, List<String> s) {
        if (s.size() < 2 || !read) {
            // Writes: the service checks who may write which kind and that only assessors touch their drafts.
            return ALLOW;
        }
        return owners.ownerOf("assessment-service", "/api/v1/assessments/" + s.get(1)).flatMap(assessment -> {
            UUID subject = ObjectOwners.uuidField(assessment, "subjectId");
            UUID assessor = ObjectOwners.uuidField(assessment, "assessorId");
            boolean submitted = "SUBMITTED".equals(assessment.path("status").asText());
            if (caller.is(ADMIN) || caller.isPerson(assessor) || (submitted && caller.isPerson(subject))) {
                return ALLOW;
            }
            return managerOrAdmin(caller, subject, "You may not see this assessment");
        });
    }

    /** Admin, or someone above {@code personId} in the reporting line. */
    private Uni<Void> managerOrAdmin(Caller caller, UUID personId, String refusal) {
        if (caller.is(ADMIN)) {
            return ALLOW;
        }
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

    static UUID uuid(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
