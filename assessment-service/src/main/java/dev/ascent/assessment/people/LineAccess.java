package dev.ascent.assessment.people;

import dev.ascent.kit.caller.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;
import java.util.UUID;

/**
 * Who the caller may act for, by the reporting line. Admins (the "admin" role, or a call that acts
 * for nobody, such as the gateway's own reads) are not limited; everyone else is limited to the
 * people below them in the line.
 */
@ApplicationScoped
public class LineAccess {

    public static final String ADMIN = "admin";
    public static final String MANAGER = "manager";

    private final Caller caller;
    private final PersonRepository people;

    public LineAccess(Caller caller, PersonRepository people) {
        this.caller = caller;
        this.people = people;
    }

    public boolean isAdmin() {
        return caller.personId().isEmpty() || caller.hasRole(ADMIN);
    }

    /** The person whose line limits the caller, or empty for an admin. */
    public Optional<UUID> limitedTo() {
        return isAdmin() ? Optional.empty() : caller.personId();
    }

    /** Admin, or someone anywhere above {@code personId} in the reporting line. */
    public boolean adminOrAbove(UUID personId) {
        return isAdmin() || people.isAbove(caller.personId().orElseThrow(), personId);
    }
}
