package dev.ascent.kit.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.ascent.kit.limits.CappedBodies;
import jakarta.persistence.OptimisticLockException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * Every service's one translation from failures to {@code application/problem+json}. Clients see a
 * stable type, a readable detail and the offending fields; never a stack trace or a class name.
 * Input PostgreSQL cannot store is a 400 and a database that cannot be reached is a 503 with
 * {@code Retry-After} ({@link DatabaseFailures}), never a 500.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    /** Seconds a client should wait before retrying a call the database could not serve. */
    static final int DATABASE_RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        Response response = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(e.toProblem(uri.getPath())).build();
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle("Retry-After", String.valueOf(e.retryAfterSeconds()));
        }
        return response;
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.Violation> violations = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            violations.add(new Problem.Violation(fieldOf(v.getPropertyPath()), v.getMessage()));
        }
        violations.sort(Comparator.comparing(Problem.Violation::field));
        return respond(400, "validation-failed", "Invalid request", "The request has invalid fields", uri, violations);
    }

    /** Two requests changed the same row at once; the later one lost and may try again. */
    @ServerExceptionMapper
    public Response concurrentUpdate(OptimisticLockException e, UriInfo uri) {
        return respond(409, "concurrent-update", "Conflict",
                "Someone else changed this at the same moment; read it again and retry", uri, List.of());
    }

    @ServerExceptionMapper
    public Response bodyTooLarge(CappedBodies.BodyTooLarge e, UriInfo uri) {
        return respond(413, "payload-too-large", "Payload too large", e.getMessage(), uri, List.of());
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(400, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON (line " + e.getLocation().getLineNr()
                        + ", column " + e.getLocation().getColumnNr() + ")", uri, List.of());
    }

    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return jsonMapping(e, uri);
    }

    @ServerExceptionMapper
    public Response invalidFormat(InvalidFormatException e, UriInfo uri) {
        return jsonMapping(e, uri);
    }

    @ServerExceptionMapper
    public Response valueInstantiation(ValueInstantiationException e, UriInfo uri) {
        return jsonMapping(e, uri);
    }

    @ServerExceptionMapper
    public Response jsonProcessing(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonParseException parse) {
            return malformedJson(parse, uri);
        }
        if (e instanceof JsonMappingException mapping) {
            return jsonMapping(mapping, uri);
        }
        return respond(400, "malformed-json", "Malformed JSON", "The request body is not valid JSON", uri, List.of());
    }

    /** Documents read where checked exceptions cannot pass (lambdas, streams) arrive wrapped. */
    @ServerExceptionMapper
    public Response uncheckedIo(UncheckedIOException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException processing) {
            return jsonProcessing(processing, uri);
        }
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        CappedBodies.BodyTooLarge tooLarge = causeOf(e, CappedBodies.BodyTooLarge.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge, uri);
        }
        // Quarkus REST wraps body-reading failures in a plain 400; answer with what went wrong.
        if (e.getCause() instanceof JsonProcessingException processing) {
            return jsonProcessing(processing, uri);
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "No resource at " + uri.getPath();
            case 405 -> "Method not allowed on " + uri.getPath();
            case 406 -> "None of the accepted media types can be produced";
            case 413 -> "The request body is too large";
            case 415 -> "Unsupported content type; send application/json";
            default -> title;
        };
        return respond(status, slugOf(status), title, detail, uri, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        CappedBodies.BodyTooLarge tooLarge = causeOf(e, CappedBodies.BodyTooLarge.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge, uri);
        }
        if (DatabaseFailures.isOutage(e)) {
            LOG.warnf("Database unavailable on %s: %s", uri.getPath(), DatabaseFailures.rootMessage(e));
            Response response = respond(503, "database-unavailable", "Service unavailable",
                    "The database cannot be reached; try again shortly", uri, List.of());
            response.getHeaders().putSingle("Retry-After", String.valueOf(DATABASE_RETRY_AFTER_SECONDS));
            return response;
        }
        String refused = DatabaseFailures.refusedValue(e);
        if (refused != null) {
            return respond(400, "unstorable-value", "Invalid request", refused, uri, List.of());
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unhandled failure on %s (incident %s)", uri.getPath(), incident);
        return respond(500, "internal-error", "Internal error",
                "The request failed unexpectedly; quote incident " + incident + " when reporting it", uri, List.of());
    }

    private static <T extends Throwable> T causeOf(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private Response jsonMapping(JsonMappingException e, UriInfo uri) {
        CappedBodies.BodyTooLarge tooLarge = causeOf(e, CappedBodies.BodyTooLarge.class);
        if (tooLarge != null) {
            return bodyTooLarge(tooLarge, uri);
        }
        String field = fieldOf(e.getPath());
        String message = messageOf(e);
        if (field.isEmpty()) {
            return respond(400, "malformed-json", "Malformed JSON", "The request body has the wrong shape: " + message,
                    uri, List.of());
        }
        return respond(400, "validation-failed", "Invalid request", "The request has invalid fields", uri,
                List.of(new Problem.Violation(field, message)));
    }

    private static String messageOf(JsonMappingException e) {
        if (e instanceof UnrecognizedPropertyException) {
            return "unknown property";
        }
        if (e instanceof InvalidFormatException invalid) {
            return "cannot read " + describe(invalid.getValue()) + " as " + simpleType(invalid.getTargetType());
        }
        if (e instanceof RejectedInput rejected) {
            return rejected.reason();
        }
        if (e instanceof MismatchedInputException mismatched && mismatched.getTargetType() != null) {
            return "expected " + simpleType(mismatched.getTargetType());
        }
        return "invalid value";
    }

    private static Response respond(int status, String slug, String title, String detail, UriInfo uri,
                                    List<Problem.Violation> violations) {
        Problem problem = new Problem(Problem.TYPE_PREFIX + slug, title, status, detail, uri.getPath(), violations);
        return Response.status(status).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * A validation path as the client wrote the request: {@code create.body.email} becomes
     * {@code email}, {@code start.body.ratings[1].rating} becomes {@code ratings[1].rating}, an
     * element of a list of values becomes {@code links[1]}; a query parameter keeps its own name.
     */
    static String fieldOf(Path path) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            if (kind != ElementKind.PROPERTY && kind != ElementKind.CONTAINER_ELEMENT && kind != ElementKind.BEAN) {
                continue;
            }
            // Hibernate Validator puts the position of an element on the node that follows its container.
            if (node.isInIterable() && !field.isEmpty()) {
                field.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (kind == ElementKind.PROPERTY && node.getName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(node.getName());
            }
        }
        return field.isEmpty() && parameter != null ? parameter : field.toString();
    }

    static String fieldOf(List<JsonMappingException.Reference> path) {
        return RejectedInput.pathOf(path);
    }

    static String slugOf(int status) {
        return switch (status) {
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not-found";
            case 405 -> "method-not-allowed";
            case 406 -> "not-acceptable";
            case 413 -> "payload-too-large";
            case 415 -> "unsupported-media-type";
            default -> status >= 500 ? "internal-error" : "bad-request";
        };
    }

    private static String simpleType(Class<?> type) {
        if (type == null) {
            return "a value";
        }
        if (type == UUID.class) {
            return "a UUID";
        }
        if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "one of " + Arrays.toString(type.getEnumConstants());
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }

    private static String describe(Object value) {
        return value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
    }
}
