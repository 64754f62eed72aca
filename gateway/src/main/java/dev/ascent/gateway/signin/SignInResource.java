package dev.ascent.gateway.signin;

import dev.ascent.gateway.GatewayConfig;
import dev.ascent.gateway.access.Caller;
import dev.ascent.gateway.access.PeopleDirectory;
import dev.ascent.kit.problem.ApiProblem;
import io.quarkus.oidc.AuthorizationCodeFlow;
import io.quarkus.oidc.OidcSession;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.inject.Instance;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The browser's sign-in (the gateway as backend-for-frontend: the browser holds an encrypted HttpOnly
 * cookie, never a token). Not part of the public API document: these are the web app's, on the same
 * origin. The contract is in docs/architecture.md §9.
 */
@Path("/auth")
public class SignInResource {

    public record Options(boolean oidc, boolean devSignIn) {
    }

    public record SessionView(UUID personId, String email, String name, List<Caller.Role> roles, String csrfToken,
                              String method) {
    }

    public record DevPerson(String email, String name, String level, List<Caller.Role> suggestedRoles) {
    }

    public record DevSignIn(@NotBlank @Email @Size(max = 320) String email, @NotNull @Size(min = 1) Set<Caller.Role> roles) {
    }

    /** Who the development sign-in offers besides the directory's people: an admin, to set up a fresh install. */
    static final DevPerson DEV_ADMIN = new DevPerson("admin@ascent.local", "Administrator", null, List.of(Caller.Role.ADMIN));
    private static final int DEV_PEOPLE_LIMIT = 200;
    private static final String SIGNED_OUT = "/signed-out";

    private final BrowserSessions sessions;
    private final CsrfTokens csrf;
    private final DevSessions devSessions;
    private final PeopleDirectory directory;
    private final Instance<OidcSession> oidcSession;
    private final GatewayConfig config;

    public SignInResource(BrowserSessions sessions, CsrfTokens csrf, DevSessions devSessions, PeopleDirectory directory,
                          Instance<OidcSession> oidcSession, GatewayConfig config) {
        this.sessions = sessions;
        this.csrf = csrf;
        this.devSessions = devSessions;
        this.directory = directory;
        this.oidcSession = oidcSession;
        this.config = config;
    }

    @GET
    @Path("options")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Options options() {
        return new Options(sessions.oidc(), sessions.devSignIn());
    }

    /**
     * Quarkus OIDC answers an unsigned browser with the redirect to the provider (code flow with PKCE),
     * takes the provider's callback here (the redirect URI to register is {@code <public URL>/auth/login}),
     * then returns to this same URL, signed in; only then does this method run.
     */
    @GET
    @Path("login")
    @AuthorizationCodeFlow
    @Operation(hidden = true)
    public Response login(@QueryParam("next") String next) {
        // Without a provider NoProvider has answered 404 before the code flow could.
        return Response.seeOther(URI.create(SafeNext.of(next))).build();
    }

    @GET
    @Path("session")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<SessionView> session(@Context RoutingContext context) {
        return sessions.of(context).flatMap(found -> {
            BrowserSession session = found.orElseThrow(() -> ApiProblem.unauthenticated("Not signed in"));
            boolean needsPerson = !session.roles().contains(Caller.Role.ADMIN);
            Uni<Optional<PeopleDirectory.Person>> person = session.email() == null ? Uni.createFrom().item(Optional.empty())
                    : needsPerson ? directory.personForEmail(session.email()).onFailure().transform(e -> ApiProblem.unavailable(
                            "assessment-service", java.time.Duration.ofSeconds(5)))
                    // Admins act without being anyone in the directory.
                    : directory.personForEmail(session.email()).onFailure().recoverWithItem(Optional.empty());
            return person.map(p -> new SessionView(p.map(PeopleDirectory.Person::id).orElse(null), session.email(),
                    session.name() != null ? session.name() : p.map(PeopleDirectory.Person::name).orElse(null),
                    List.copyOf(session.roles()), csrf.of(session), session.method()));
        });
    }

    /**
     * Ends the session: a plain form post carrying the CSRF token (so no other site can sign anyone
     * out), then the provider's end-session endpoint for provider sessions, so its session ends too.
     */
    @POST
    @Path("logout")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Uni<Response> logout(@Context RoutingContext context, @FormParam("csrf") String token) {
        return sessions.of(context).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(Response.seeOther(URI.create(SIGNED_OUT)).build());
            }
            BrowserSession session = found.get();
            csrf.require(session, token);
            if (BrowserSession.DEV.equals(session.method())) {
                devSessions.end(context);
                return Uni.createFrom().item(Response.seeOther(URI.create(SIGNED_OUT)).build());
            }
            return oidcSession.get().logout().map(done -> Response.seeOther(endSession(context, session)).build());
        });
    }

    @GET
    @Path("dev/people")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Uni<List<DevPerson>> devPeople() {
        requireDevSignIn();
        return directory.firstPeople(DEV_PEOPLE_LIMIT).map(people -> {
            Set<UUID> managers = new HashSet<>();
            people.forEach(p -> {
                if (p.managerId() != null) {
                    managers.add(p.managerId());
                }
            });
            List<DevPerson> offered = new ArrayList<>();
            offered.add(DEV_ADMIN);
            people.forEach(p -> offered.add(new DevPerson(p.email(), p.name(), p.level(),
                    List.of(managers.contains(p.id()) ? Caller.Role.MANAGER : Caller.Role.MEMBER))));
            return offered;
        });
    }

    @POST
    @Path("dev")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public Response devSignIn(@Context RoutingContext context, @Valid @NotNull DevSignIn request) {
        requireDevSignIn();
        if (request.roles().contains(Caller.Role.INTEGRATION)) {
            throw ApiProblem.invalidField("roles", "must be MEMBER, MANAGER or ADMIN");
        }
        devSessions.start(context, request.email().trim(), EnumSet.copyOf(request.roles()));
        return Response.noContent().build();
    }

    private void requireDevSignIn() {
        if (!sessions.devSignIn()) {
            throw notFound("The development sign-in is off");
        }
    }

    /** The provider's end-session endpoint, or the app's signed-out page when the provider has none (Google). */
    private URI endSession(RoutingContext context, BrowserSession session) {
        if (session.endSessionUri() == null) {
            return URI.create(SIGNED_OUT);
        }
        String base = config.publicUrl().startsWith("http") ? config.publicUrl().replaceAll("/+$", "")
                : context.request().scheme() + "://" + context.request().authority();
        String separator = session.endSessionUri().contains("?") ? "&" : "?";
        return URI.create(session.endSessionUri() + separator
                + "id_token_hint=" + URLEncoder.encode(session.idToken(), StandardCharsets.UTF_8)
                + "&post_logout_redirect_uri=" + URLEncoder.encode(base + SIGNED_OUT, StandardCharsets.UTF_8));
    }

    private static ApiProblem notFound(String detail) {
        return new ApiProblem(404, "not-found", "Not found", detail, List.of());
    }
}
