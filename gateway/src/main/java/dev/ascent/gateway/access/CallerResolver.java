package dev.ascent.gateway.access;

import dev.ascent.gateway.apikey.ApiKeyService;
import dev.ascent.kit.problem.ApiProblem;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns a bearer token into a {@link Caller}: the subject if it is a person id, else the person
 * with the token's email. Members and managers must be someone in the directory; admins and
 * integrations need not be.
 */
@ApplicationScoped
public class CallerResolver {

    private final TokenVerifier tokens;
    private final PeopleDirectory directory;
    private final ApiKeyService apiKeys;

    public CallerResolver(TokenVerifier tokens, PeopleDirectory directory, ApiKeyService apiKeys) {
        this.tokens = tokens;
        this.directory = directory;
        this.apiKeys = apiKeys;
    }

    public Uni<Caller> resolve(String authorization) {
        String presentedKey = apiKeyIn(authorization);
        if (presentedKey != null) {
            return apiKey(presentedKey);
        }
        JsonWebToken token = tokens.verify(authorization);
        Set<Caller.Role> roles = TokenVerifier.roles(token);
        String email = token.getClaim("email");
        String source = token.getClaim("source");
        Optional<UUID> subjectId = parseUuid(token.getSubject());
        boolean needsPerson = !roles.contains(Caller.Role.ADMIN) && !roles.contains(Caller.Role.INTEGRATION);
        Uni<Optional<UUID>> person;
        if (subjectId.isPresent() || email == null) {
            person = Uni.createFrom().item(subjectId);
        } else if (needsPerson) {
            person = directory.personIdForEmail(email).onFailure().transform(e -> new ApiProblem(503,
                    "service-unavailable", "Service unavailable",
                    "assessment-service is unavailable, so the caller cannot be identified; try again shortly",
                    List.of()));
        } else {
            // Admins and integrations act without being anyone in the directory.
            person = directory.personIdForEmail(email).onFailure().recoverWithItem(Optional.empty());
        }
        return person.map(id -> {
            if (id.isEmpty() && needsPerson) {
                throw new ApiProblem(403, "unknown-person", "Forbidden",
                        "The token is valid but names nobody in the people directory", List.of());
            }
            return new Caller(token.getSubject(), id.orElse(null), email, roles, source);
        });
    }

    /**
     * Who valid credentials are, without asking any service or the database: {@code subject:} and a
     * bearer token's subject (the token is verified here if it is not remembered, and remembered, so
     * {@link #resolve} does not check it again), or {@code api-key:} and the id of an API key
     * {@link #resolve} recognised lately. Empty for no credentials, invalid or made-up ones, and keys
     * not yet recognised. The rate limiter keys on it (docs/architecture.md §4).
     */
    public Optional<String> verifiedIdentity(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        String presentedKey = apiKeyIn(authorization);
        if (presentedKey != null) {
            return apiKeys.recentlyRecognisedId(presentedKey).map(id -> "api-key:" + id);
        }
        return tokens.verified(authorization).map(JsonWebToken::getSubject).map(subject -> "subject:" + subject);
    }

    /** The key of an {@code ApiKey} header, however its scheme is capitalised or spaced; else {@code null}. */
    private static String apiKeyIn(String authorization) {
        return authorization != null && authorization.regionMatches(true, 0, "ApiKey ", 0, 7)
                ? authorization.substring(7).trim() : null;
    }

    /** An integration's API key: it may push to its own source only. Looked up off the event loop. */
    private Uni<Caller> apiKey(String presented) {
        return Uni.createFrom().item(() -> apiKeys.recognise(presented))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .map(found -> found.map(k -> new Caller("api-key:" + k.id(), null, null, Set.of(Caller.Role.INTEGRATION),
                                k.sourceId()))
                        .orElseThrow(() -> new ApiProblem(401, "unauthorized", "Unauthorized",
                                "The API key is unknown or revoked", List.of())));
    }

    private static Optional<UUID> parseUuid(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
