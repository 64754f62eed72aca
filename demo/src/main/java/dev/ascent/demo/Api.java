package dev.ascent.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The public API over real HTTP. Every call names the statuses it expects; anything else stops the
 * demo with the problem's detail and violations, so a broken platform is never reported as loaded.
 */
final class Api {

    static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();
    private static final int ATTEMPTS_WHEN_LIMITED = 5;

    /** An answer: its status, JSON body (a null node when empty) and headers. */
    record Answer(int status, JsonNode body, java.net.http.HttpHeaders headers) {
    }

    private final HttpClient client = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String gateway;
    private int calls;

    Api(String gateway) {
        this.gateway = gateway.endsWith("/") ? gateway.substring(0, gateway.length() - 1) : gateway;
    }

    String gateway() {
        return gateway;
    }

    int calls() {
        return calls;
    }

    JsonNode get(String authorization, String path, int... expected) {
        return send("GET", path, authorization, null, Map.of(), expected).body();
    }

    JsonNode post(String authorization, String path, Object body, int... expected) {
        return send("POST", path, authorization, json(body), Map.of(), expected).body();
    }

    JsonNode put(String authorization, String path, Object body, int... expected) {
        return send("PUT", path, authorization, json(body), Map.of(), expected).body();
    }

    /** Every item of a paged list ({@code items}, {@code nextCursor}). */
    List<JsonNode> all(String authorization, String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        do {
            String separator = path.contains("?") ? "&" : "?";
            JsonNode page = get(authorization, path + (cursor == null ? "" : separator + "cursor=" + query(cursor)), 200);
            page.path("items").forEach(items::add);
            cursor = page.path("nextCursor").isTextual() ? page.path("nextCursor").asText() : null;
        } while (cursor != null);
        return items;
    }

    /**
     * Sends raw bytes with extra headers, as a tool delivering a webhook does. Answers the status and
     * body for any of {@code expected}, else fails.
     */
    Answer send(String method, String path, String authorization, byte[] body, Map<String, String> headers,
                int... expected) {
        for (int attempt = 1; ; attempt++) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway + path))
                    .timeout(Duration.ofSeconds(30))
                    .header("Accept", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            if (body != null && !headers.containsKey("Content-Type")) {
                request.header("Content-Type", "application/json");
            }
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            headers.forEach(request::header);
            HttpResponse<byte[]> response;
            try {
                calls++;
                response = client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                throw new DemoFailure(method + " " + path + " could not reach " + gateway + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DemoFailure(method + " " + path + " was interrupted");
            }
            int status = response.statusCode();
            // The gateway limits each caller's rate; a demo running quickly may brush it. Wait as told.
            if (status == 429 && attempt < ATTEMPTS_WHEN_LIMITED) {
                long seconds = response.headers().firstValueAsLong("Retry-After").orElse(1);
                pause(Duration.ofSeconds(Math.max(1, Math.min(seconds, 10))));
                continue;
            }
            JsonNode parsed = parse(response.body());
            if (IntStream.of(expected).anyMatch(s -> s == status)) {
                return new Answer(status, parsed, response.headers());
            }
            throw new DemoFailure(method + " " + path + " answered " + status + problem(parsed, response.body()));
        }
    }

    static String query(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    static byte[] json(Object body) {
        try {
            return body == null ? null : JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A JSON object from alternating names and values, leaving out null values. */
    static Map<String, Object> object(Object... namesAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] != null) {
                map.put((String) namesAndValues[i], namesAndValues[i + 1]);
            }
        }
        return map;
    }

    private static JsonNode parse(byte[] body) {
        if (body.length == 0) {
            return JSON.nullNode();
        }
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(body, StandardCharsets.UTF_8));
        }
    }

    /** The problem+json detail and each violation, or the start of whatever else came back. */
    private static String problem(JsonNode parsed, byte[] raw) {
        if (parsed.isObject() && parsed.has("detail")) {
            StringBuilder text = new StringBuilder(": ").append(parsed.path("detail").asText());
            if (parsed.hasNonNull("type")) {
                text.append(" [").append(parsed.path("type").asText()).append(']');
            }
            for (JsonNode v : parsed.path("violations")) {
                text.append("\n  ").append(v.path("field").asText()).append(": ").append(v.path("message").asText());
            }
            return text.toString();
        }
        String body = new String(raw, StandardCharsets.UTF_8);
        return body.isEmpty() ? "" : ": " + body.substring(0, Math.min(body.length(), 500));
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DemoFailure("interrupted while waiting for the rate limit");
        }
    }
}
