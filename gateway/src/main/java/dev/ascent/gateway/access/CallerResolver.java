package dev.ascent.gateway.access;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ascent.gateway.apikey.ApiKeyService;
import dev.ascent.gateway.signin.BrowserSession;
import dev.ascent.gateway.signin.BrowserSessions;
import dev.ascent.gateway.signin.CsrfTokens;
import dev.ascent.kit.problem.ApiProblem;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.HttpHeaders;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Turns credentials (a bearer token, an API key or a browser session) into a {@link Caller}: the
 * person the directory lists with their email claim. Members and managers must be someone in the
 * directory; admins and integrations need not be.
 */
@Singleton
public class CallerResolver {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final TokenVerifier tokens;
    private final PeopleDirectory directory;
    private final ApiKeyService apiKeys;
    private final IdentityClaims claims;
    private final BrowserSessions sessions;
    private final CsrfTokens csrf;
    /**
     * What each verified token says, read once per token rather than on every call: a token's claims
     * never change, and the JWT API answers a claim it does not know by name ({@code source},
     * {@code realm_access}) by throwing and catching an exception, which was most of a bearer call's
     * exceptions and a few percent of the gateway's CPU. The token is still verified on every call.
     */
    private final Cache<String, TokenSays> said = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();

    /** A verified token's subject, email, roles and (for integrations) source. */
    private record TokenSays(String subject, String email, Set<Caller.Role> roles, String source) {
    }

    public CallerResolver(TokenVerifier tokens, PeopleDirectory directory, ApiKeyService apiKeys, IdentityClaims claims,
                          BrowserSessions sessions, CsrfTokens csrf) {
        this.tokens = tokens;
        this.directory = directory;
        this.apiKeys = apiKeys;
        this.claims = claims;
        this.sessions = sessions;
        this.csrf = csrf;
    }

    /**
     * The caller of a request: its {@code Authorization} header when it has one (a bearer token or an
     * API key; a session cookie beside it is ignored), else its browser session, whose unsafe calls
     * must carry the session's CSRF token.
     */
    public Uni<Caller> resolve(RoutingContext request) {
        String authorization = request.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            return resolve(authorization);
        }
        return sessions.of(request).flatMap(session -> {
            if (session.isEmpty()) {
                return Uni.createFrom().failure(new ApiProblem(401, "unauthorized", "Unauthorized",
                        "This request needs a bearer token or a signed-in session", List.of()));
            }
            BrowserSession signedIn = session.get();
            if (!SAFE_METHODS.contains(request.request().method().name())) {
                csrf.require(signedIn, request.request().getHeader(CsrfTokens.HEADER));
            }
            return caller("session:" + signedIn.method() + ":" + signedIn.email(), signedIn.email(),
                    signedIn.roles(), null);
        });
    }

    /** The caller named by an {@code Authorization} header (a bearer token or an API key). */
    public Uni<Caller> resolve(String authorization) {
        String presentedKey = apiKeyIn(authorization);
        if (presentedKey != null) {
            return apiKey(presentedKey);
        }
        JsonWebToken token = tokens.verify(authorization);
        TokenSays says = said.get(token.getRawToken(), raw -> new TokenSays(token.getSubject(),
                claims.email(token).orElse(null), Collections.unmodifiableSet(claims.roles(token)),
                token.getClaimNames().contains("source") ? token.getClaim("source") : null));
        return caller(says.subject(), says.email(), says.roles(), says.source());
    }

    /**
     * The person is whoever the directory lists with the caller's email; a token's subject never names
     * a person (a provider's UUID subject could otherwise pass for someone's id).
     */
    private Uni<Caller> caller(String subject, String email, Set<Caller.Role> roles, String source) {
        boolean needsPerson = !roles.contains(Caller.Role.ADMIN) && !roles.contains(Caller.Role.INTEGRATION);
        Uni<Optional<UUID>> person;
        if (email == null) {
            person = Uni.createFrom().item(Optional.empty());
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
                        "The credentials are valid but name nobody in the people directory (by their email)",
                        List.of());
            }
            return new Caller(subject, id.orElse(null), email, roles, source);
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
}
