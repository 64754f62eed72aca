package dev.ascent.kit.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.kit.KitConfig;
import dev.ascent.kit.problem.HttpProblems;
import dev.ascent.kit.problem.Problem;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Bodies beyond {@code ascent.kit.limits.max-body-size} are answered 413 problem+json on every path,
 * however it is spelled: by their declared {@code Content-Length} before a byte is read (a route
 * that runs ahead of every other), and, for chunked bodies, as soon as the bytes received pass the
 * limit (the HTTP layer's limit is set to the same size; {@code ProblemMapper} words its 413).
 */
@ApplicationScoped
public class BodyLimit {

    /** Right after the security headers, ahead of anything that reads a body. */
    public static final int ORDER = SecurityHeaders.ORDER + 1;
    /** Oversize bodies up to this size are read and discarded before answering, so every client hears the 413. */
    private static final long DRAIN_AT_MOST = 64L * 1024 * 1024;

    void install(@Observes Router router, KitConfig config, ObjectMapper json) {
        long max = config.limits().maxBodySize().asLongValue();
        router.route().order(ORDER).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long declared = length == null ? -1 : declared(length);
            if (declared <= max) {
                ctx.next();
                return;
            }
            refuse(ctx, json, max, declared);
        });
    }

    private static void refuse(RoutingContext ctx, ObjectMapper json, long max, long declared) {
        Problem problem = tooLarge(max, ctx.normalizedPath());
        Buffer answer = HttpProblems.body(json, problem);
        HttpServerRequest request = ctx.request();
        boolean waitsForContinue = "100-continue".equalsIgnoreCase(request.getHeader("Expect"));
        if (waitsForContinue || declared > DRAIN_AT_MOST) {
            // The client has not sent the body (or it is too big to be worth reading): answer and hang up.
            HttpProblems.end(ctx.response().putHeader("Connection", "close"), problem, answer);
            return;
        }
        // Read and drop the body (never buffered), then answer: a client still sending would
        // otherwise see its connection reset instead of the 413.
        request.handler(chunk -> { });
        request.exceptionHandler(e -> ctx.response().reset());
        request.endHandler(done -> HttpProblems.end(ctx.response(), problem, answer));
        request.resume();
    }

    public static Problem tooLarge(long max, String path) {
        return Problem.of(413, "payload-too-large", "Payload too large",
                "The request body exceeds " + max + " bytes", path);
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // not ours to judge; the HTTP layer answers malformed headers
        }
    }
}
