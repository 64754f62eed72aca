package dev.ascent.evidence.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.evidence.EvidenceConfig;
import dev.ascent.evidence.problem.ApiProblem;
import dev.ascent.evidence.problem.Problem;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Bodies beyond {@code ascent.evidence.limits.max-body-bytes} are answered 413 problem+json: by
 * their Content-Length before the body is parsed (a route that runs ahead of every other, the
 * HTTP layer's own limit included), and by their actual size for chunked bodies (see
 * {@link #check}). Only chunked bodies beyond the HTTP layer's backstop
 * ({@code quarkus.http.limits.max-body-size}) get that layer's bare 413.
 */
@ApplicationScoped
public class BodyLimit {

    /** Oversize bodies up to this size are read and discarded before answering, so every client hears the 413. */
    private static final long DRAIN_AT_MOST = 64L * 1024 * 1024;

    void install(@Observes Router router, EvidenceConfig config, ObjectMapper json) {
        long max = config.limits().maxBodyBytes();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            long declared = length == null ? -1 : declared(length);
            if (declared <= max) {
                ctx.next();
                return;
            }
            Problem problem = new Problem("urn:ascent:problem:payload-too-large", "Payload too large", 413,
                    "The request body exceeds " + max + " bytes", ctx.request().path(), List.of());
            String body;
            try {
                body = json.writeValueAsString(problem);
            } catch (JsonProcessingException e) {
                body = "{\"status\":413}";
            }
            String answer = body;
            HttpServerRequest request = ctx.request();
            boolean waitsForContinue = "100-continue".equalsIgnoreCase(request.getHeader("Expect"));
            if (waitsForContinue || declared > DRAIN_AT_MOST) {
                // the client has not sent the body (or it is too big to be worth reading): answer and hang up
                ctx.response().setStatusCode(413).putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close").end(answer);
                return;
            }
            // Read and drop the body (never buffered), then answer: a client still sending would
            // otherwise see its connection reset instead of the 413.
            request.handler(chunk -> { });
            request.exceptionHandler(e -> ctx.response().reset());
            request.endHandler(done -> ctx.response().setStatusCode(413)
                    .putHeader("Content-Type", Problem.MEDIA_TYPE).end(answer));
            request.resume();
        });
    }

    private static long declared(String length) {
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            return -1; // not ours to judge; the HTTP layer answers malformed headers
        }
    }

    /** For bodies that arrived without a Content-Length (chunked). */
    static void check(byte[] body, EvidenceConfig config) {
        if (body != null && body.length > config.limits().maxBodyBytes()) {
            throw new ApiProblem(413, "payload-too-large", "Payload too large",
                    "The request body exceeds " + config.limits().maxBodyBytes() + " bytes", List.of());
        }
    }
}
