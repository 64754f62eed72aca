package dev.ascent.gateway.access;

import java.util.Set;
import java.util.UUID;

/**
 * Who is calling, as the verified token says.
 *
 * @param personId the person the token maps to; {@code null} for admins and integrations that are nobody in the directory
 * @param source   for integrations: the integration source the token may push to
 */
public record Caller(String subject, UUID personId, String email, Set<Role> roles, String source) {

    public enum Role { MEMBER, MANAGER, ADMIN, INTEGRATION }

    public boolean is(Role role) {
        return roles.contains(role);
    }

    public boolean isPerson(UUID id) {
        return personId != null && personId.equals(id);
    }
}
