package dev.ascent.kit.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

/**
 * Problems answered on the HTTP layer, where no JAX-RS exception mapper runs (a body refused before
 * the REST layer, a missing gateway token, the gateway's forwarding route): one way to write them, so
 * that every such answer is the same problem+json as {@link ProblemMapper}'s.
 */
public final class HttpProblems {

    private HttpProblems() {
    }

    /** The problem's JSON; should it ever fail to serialise, a document with its status alone. */
    public static Buffer body(ObjectMapper json, Problem problem) {
        try {
            return Buffer.buffer(json.writeValueAsBytes(problem));
        } catch (JsonProcessingException e) {
            return Buffer.buffer("{\"status\":" + problem.status() + "}");
        }
    }

    /** Ends the response with the problem: its status, problem+json, and headers set before this stay. */
    public static void end(HttpServerResponse response, ObjectMapper json, Problem problem) {
        end(response, problem, body(json, problem));
    }

    /** As {@link #end(HttpServerResponse, ObjectMapper, Problem)}, with the body written already. */
    public static void end(HttpServerResponse response, Problem problem, Buffer body) {
        response.setStatusCode(problem.status()).putHeader("Content-Type", Problem.MEDIA_TYPE).end(body);
    }
}
