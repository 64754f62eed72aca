package dev.ascent.gateway.access;

import dev.ascent.gateway.GatewayConfig;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who a verified token (a bearer token or a session's ID token) says the caller is: the email the
 * directory knows them by and their roles, each read from a configurable claim path, since providers
 * name them differently ({@code email} or {@code upn}; {@code groups}, {@code roles} or Keycloak's
 * {@code realm_access/roles}). The token's {@code sub} is never read: it is the provider's id, and a
 * provider's UUID subject must not pass for an Ascent person id.
 */
@Singleton
public class IdentityClaims {

    private final List<String> emailPath;
    private final List<String> rolesPath;
    private final Map<String, Caller.Role> mapping;

    @Inject
    public IdentityClaims(GatewayConfig config) {
        this(config.auth().emailClaim(), config.auth().rolesClaim(), config.auth().roleMapping());
    }

    IdentityClaims(String emailClaim, String rolesClaim, Map<String, Caller.Role> mapping) {
        this.emailPath = List.of(emailClaim.split("/"));
        this.rolesPath = List.of(rolesClaim.split("/"));
        this.mapping = Map.copyOf(mapping);
    }

    /** The caller's email, or empty when the token carries none. */
    public Optional<String> email(JsonWebToken token) {
        return strings(at(token, emailPath)).stream().filter(e -> !e.isBlank()).findFirst();
    }

    /** The caller's roles; a token that names none is a member's. */
    public Set<Caller.Role> roles(JsonWebToken token) {
        Set<Caller.Role> roles = EnumSet.noneOf(Caller.Role.class);
        for (String name : strings(at(token, rolesPath))) {
            Caller.Role mapped = mapping.get(name);
            if (mapped != null) {
                roles.add(mapped);
                continue;
            }
            try {
                roles.add(Caller.Role.valueOf(name.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException ignored) {
                // the provider's groups that mean nothing here
            }
        }
        if (roles.isEmpty()) {
            roles.add(Caller.Role.MEMBER);
        }
        return roles;
    }

    private static Object at(JsonWebToken token, List<String> path) {
        Object value = token.getClaim(path.getFirst());
        for (String segment : path.subList(1, path.size())) {
            value = value instanceof JsonObject object ? object.get(segment)
                    : value instanceof Map<?, ?> map ? map.get(segment) : null;
        }
        return value;
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof JsonArray array) {
            array.forEach(v -> out.addAll(strings(v)));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(v -> out.addAll(strings(v)));
        } else if (value instanceof JsonString string) {
            out.add(string.getString());
        } else if (value instanceof String string) {
            out.add(string);
        } else if (value instanceof JsonValue json && json.getValueType() != JsonValue.ValueType.NULL
                && !(json instanceof JsonObject)) {
            out.add(json.toString());
        }
        return out;
    }
}
