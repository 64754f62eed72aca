package dev.ascent.gateway.routing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.gateway.access.AccessControl;
import dev.ascent.gateway.access.CallerResolver;
import dev.ascent.gateway.access.GatewayTokens;
import dev.ascent.gateway.changes.KeptAnswers;
import dev.ascent.gateway.changes.PeopleChanges;
import dev.ascent.gateway.limits.RequestLimits;
import dev.ascent.gateway.report.ServiceReads;
import dev.ascent.kit.KitConfig;
import dev.ascent.kit.answers.IncompleteAnswers;
import dev.ascent.kit.limits.BodyLimit;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.problem.HttpProblems;
import dev.ascent.kit.problem.Problem;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.core.MediaType;
import org.jboss.logging.Logger;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * The public API under {@code /api/v1}: a call is forwarded only if its method and normalised path
 * are an operation of the {@link RouteTable}, to the service the table names and after the rule the
 * table names let the caller through. It runs on the HTTP layer, ahead of the REST layer, because
 * forwarding is bytes in and bytes out: the REST layer's resource matching, request scope and entity
 * writing were about a quarter of the gateway's CPU per call. Everything else under {@code /api/v1} (the
 * gateway's own endpoints, and paths that are no operation, which {@link PublicApiResource} answers
 * 404) is passed on to the REST layer untouched. Rate limits ({@link RequestLimits}) and body sizes
 * ({@link BodyLimit}) apply here as they do there; failures are answered as problem+json.
 */
@Singleton
public class PublicApiRoute {

    /** After authentication's handlers (negative orders), ahead of the REST layer's. */
    static final int ORDER = RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT;
    private static final String PREFIX = "/api/v1/";
    private static final Logger LOG = Logger.getLogger(PublicApiRoute.class);

    /** Identity headers the services derive from the gateway's token; clients' copies are dropped. */
    private static final String ACTOR_HEADER = "X-Ascent-Actor-Id";
    private static final String ROLES_HEADER = "X-Ascent-Roles";
    /** The request context's local that Quarkus's HTTP server metrics read a request's path template from. */
    static final String URL_PATH_TEMPLATE = "UrlPathTemplate";

    private final RouteTable table = RouteTable.PUBLIC_API;
    private final ServiceRoutes routes;
    private final ServiceProxy proxy;
    private final CallerResolver callers;
    private final AccessControl access;
    private final GatewayTokens tokens;
    private final PeopleChanges changes;
    private final KeptAnswers keptAnswers;
    private final RequestLimits limits;
    private final ObjectMapper json;
    private final long maxBodySize;

    public PublicApiRoute(ServiceRoutes routes, ServiceProxy proxy, CallerResolver callers, AccessControl access,
                          GatewayTokens tokens, PeopleChanges changes, KeptAnswers keptAnswers, RequestLimits limits,
                          ObjectMapper json, KitConfig kit) {
        this.routes = routes;
        this.proxy = proxy;
        this.callers = callers;
        this.access = access;
        this.tokens = tokens;
        this.changes = changes;
        this.keptAnswers = keptAnswers;
        this.limits = limits;
        this.json = json;
        this.maxBodySize = kit.limits().maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(context -> {
            try {
                handle(context);
            } catch (RuntimeException failure) {
                // Credentials are checked as the call is made (a bad token throws its 401 problem there).
                answerFailure(context, failure);
            }
        });
    }

    void handle(RoutingContext context) {
        // Matched and forwarded on the normalised path, so the gateway and the service see one path.
        String path = context.normalizedPath();
        HttpServerRequest request = context.request();
        Optional<RouteTable.Match> found = path.startsWith(PREFIX)
                ? table.match(request.method().name(), path).filter(m -> !m.route().service().equals(RouteTable.GATEWAY))
                : Optional.empty();
        if (found.isEmpty()) {
            context.next();
            return;
        }
        Optional<RequestLimits.Refusal> refused = limits.charge(context);
        if (refused.isPresent()) {
            answerProblem(context, refused.get().problem(), refused.get().retryAfterSeconds());
            return;
        }
        RouteTable.Match match = found.get();
        // The request's metrics (http.server.requests) are tagged with the operation's path template, as the
        // REST layer tags its own; otherwise every forwarded call would share the catch-all resource's.
        Vertx.currentContext().putLocal(URL_PATH_TEMPLATE, match.route().pattern());
        // Every service the table names is configured, or the gateway would not have started (ServiceRoutes).
        ServiceRoutes.Backend backend = routes.named(match.route().service()).orElseThrow();
        HttpMethod method = request.method();
        if (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH) {
            readBody(context, body -> {
                try {
                    forward(context, match, backend, body);
                } catch (RuntimeException failure) {
                    answerFailure(context, failure);
                }
            });
        } else {
            forward(context, match, backend, null);
        }
    }

    private void forward(RoutingContext context, RouteTable.Match match, ServiceRoutes.Backend backend, Buffer body) {
        HttpServerRequest request = context.request();
        String path = context.normalizedPath();
        String uri = request.query() == null ? path : path + "?" + request.query();
        String gatewayBase = request.scheme() + "://" + request.authority();
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().addAll(request.headers());
        headers.remove(ACTOR_HEADER);
        headers.remove(ROLES_HEADER);
        // The caller's own credentials (and session cookies) stay here; services get the gateway's token for the caller.
        headers.remove("Authorization");
        headers.remove("Cookie");
        boolean writes = request.method() != HttpMethod.GET && request.method() != HttpMethod.HEAD;
        if (match.route().rule() == RouteTable.Rule.PUBLIC) {
            answer(context, settled(writes, proxy.forward(backend, request.method(), uri, headers, body, gatewayBase)));
            return;
        }
        byte[] bytes = body == null ? null : body.getBytes();
        // A bad token throws here, before any Uni: the caller of this method answers it.
        callers.resolve(context)
                .call(caller -> access.authorize(caller, match, request::getParam, bytes))
                .subscribe().with(caller -> {
                    // A failure here is answered here: Mutiny would only log what an item callback throws.
                    try {
                        headers.set("Authorization", "Bearer " + tokens.forCaller(caller));
                        if (match.route().keptUntilChanged()) {
                            // Kept as plain bytes, served to any client whatever it accepts.
                            headers.remove("Accept-Encoding");
                            kept(context, match, request.query(),
                                    () -> proxy.forward(backend, request.method(), uri, headers, body, gatewayBase));
                        } else {
                            answer(context, settled(writes, proxy.forward(backend, request.method(), uri, headers, body,
                                    gatewayBase)));
                        }
                    } catch (RuntimeException failure) {
                        answerFailure(context, failure);
                    }
                }, failure -> answerFailure(context, failure));
    }

    /**
     * A write's answer once every change it made is heard ({@link PeopleChanges#caughtUp()}): whoever wrote
     * then reads what they wrote, never an answer kept from before.
     */
    private Future<ServiceProxy.Answer> settled(boolean writes, Future<ServiceProxy.Answer> answer) {
        return writes ? answer.compose(done -> Future.fromCompletionStage(changes.caughtUp().map(nothing -> done)
                .subscribeAsCompletionStage())) : answer;
    }

    /**
     * An answer about the person the path names, kept until something of theirs changes: the caller has
     * passed the route's rule by now, and the answer is the same whoever asks.
     */
    private void kept(RoutingContext context, RouteTable.Match match, String query,
                      java.util.function.Supplier<Future<ServiceProxy.Answer>> forward) {
        UUID person = UUID.fromString(match.param(match.route().subject().name()));
        String question = match.route().pattern() + (query == null ? "" : "?" + query);
        Optional<KeptAnswers.Answer> known = keptAnswers.get(person, question);
        if (known.isPresent()) {
            HttpServerResponse response = context.response();
            if (!response.ended()) {
                response.setStatusCode(200).putHeader("Content-Type", known.get().mediaType())
                        .end(Buffer.buffer(known.get().body()));
            }
            return;
        }
        PeopleChanges.Mark mark = changes.mark();
        answer(context, forward.get().map(answer -> {
            if (answer.status() == 200 && answer.header("Content-Encoding") == null
                    && ServiceReads.keepable(answer.header(IncompleteAnswers.HEADER))) {
                String mediaType = answer.header("Content-Type");
                keptAnswers.keep(person, question, new KeptAnswers.Answer(
                        mediaType == null ? MediaType.APPLICATION_JSON : mediaType, answer.body().getBytes()), mark);
            }
            return answer;
        }));
    }

    private void answer(RoutingContext context, Future<ServiceProxy.Answer> answer) {
        answer.onComplete(done -> {
            if (done.failed()) {
                answerFailure(context, done.cause());
                return;
            }
            ServiceProxy.Answer relayed = done.result();
            HttpServerResponse response = context.response();
            if (response.ended() || response.closed()) {
                return;
            }
            response.setStatusCode(relayed.status());
            // The service's headers replace any the gateway set before (such as the Content-Encoding
            // identity that keeps the gateway from compressing API answers): a body the service encoded is
            // relayed with its own encoding, never labelled as two.
            for (String name : relayed.headers().names()) {
                response.headers().set(name, relayed.headers().getAll(name));
            }
            response.end(relayed.body());
        });
    }

    /**
     * The body, read whole: one declared too large is {@link BodyLimit}'s 413 before this runs, and one sent
     * in chunks is the same 413 as soon as it passes the limit (the rest is read and dropped).
     */
    private void readBody(RoutingContext context, Consumer<Buffer> then) {
        if (context.body().available()) {
            then.accept(context.body().buffer());
            return;
        }
        HttpServerRequest request = context.request();
        Buffer body = Buffer.buffer();
        boolean[] tooLarge = {false};
        request.handler(chunk -> {
            if (tooLarge[0]) {
                return;
            }
            if (body.length() + chunk.length() > maxBodySize) {
                tooLarge[0] = true;
                return;
            }
            body.appendBuffer(chunk);
        });
        request.exceptionHandler(failure -> context.response().reset());
        request.endHandler(end -> {
            if (tooLarge[0]) {
                answerProblem(context, BodyLimit.tooLarge(maxBodySize, context.normalizedPath()), null);
            } else {
                then.accept(body);
            }
        });
        request.resume();
    }

    private void answerFailure(RoutingContext context, Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String path = context.normalizedPath();
        if (cause instanceof ApiProblem problem) {
            answerProblem(context, problem.toProblem(path), problem.retryAfterSeconds());
            return;
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(cause, "Unhandled failure on %s (incident %s)", path, incident);
        answerProblem(context, Problem.of(500, "internal-error", "Internal error",
                "The request failed unexpectedly; quote incident " + incident + " when reporting it", path), null);
    }

    private void answerProblem(RoutingContext context, Problem problem, Long retryAfterSeconds) {
        HttpServerResponse response = context.response();
        if (response.ended() || response.closed()) {
            return;
        }
        if (retryAfterSeconds != null) {
            response.putHeader("Retry-After", String.valueOf(retryAfterSeconds));
        }
        HttpProblems.end(response, json, problem);
    }
}
