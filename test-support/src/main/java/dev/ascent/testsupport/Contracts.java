package dev.ascent.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * The calls one service makes to another, as recorded from the provider: {@code contracts/NAME.json}
 * holds the request and the answer the provider gave, cut down to what consumers read. Both sides test
 * against the same file, so they cannot drift apart unnoticed:
 * <ul>
 *   <li>the provider's test asks its real endpoint and fails when the answer no longer matches
 *       ({@link #verifyProvider}); with {@code -Dascent.contracts.record=true} it records it instead;</li>
 *   <li>consumers' tests are served the recorded answer by WireMock ({@link #serve}) and check that
 *       what they depend on (the codes their own data names) is in it.</li>
 * </ul>
 */
public final class Contracts {

    public static final String RECORD = "ascent.contracts.record";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One recorded call. {@code keep} lists the answer's fields consumers read (dot paths, [] for lists). */
    public record Contract(String name, String provider, java.util.List<String> consumers, String path,
                           Map<String, String> headers, java.util.List<String> keep, JsonNode body) {
    }

    private Contracts() {
    }

    public static Contract load(String name) {
        try {
            JsonNode node = JSON.readTree(file(name).toFile());
            Map<String, String> headers = new java.util.LinkedHashMap<>();
            node.path("response").path("headers").fields().forEachRemaining(e -> headers.put(e.getKey(), e.getValue().asText()));
            java.util.List<String> consumers = new java.util.ArrayList<>();
            node.path("consumers").forEach(c -> consumers.add(c.asText()));
            java.util.List<String> keep = new java.util.ArrayList<>();
            node.path("keep").forEach(k -> keep.add(k.asText()));
            return new Contract(name, node.path("provider").asText(), consumers, node.path("request").path("path").asText(),
                    headers, keep, node.path("response").path("body"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Serves the recorded answer for the contract's GET, below any stub a test adds itself. */
    public static void serve(WireMockServer server, String name) {
        Contract contract = load(name);
        ResponseDefinitionBuilder answer = aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(contract.body().toString());
        contract.headers().forEach(answer::withHeader);
        server.stubFor(get(urlPathEqualTo(contract.path())).atPriority(10).willReturn(answer));
    }

    /**
     * Checks the provider's real answer against the recorded one, after cutting it down to the fields
     * consumers read; records it instead when {@value #RECORD} is set. Returns a message naming the
     * difference, or null when they agree.
     */
    public static String verifyProvider(String name, String answer, Map<String, String> headers) {
        Contract contract = load(name);
        try {
            JsonNode actual = cut(JSON.readTree(answer), contract.keep());
            // header values depend on the provider's data (a version number), so only their presence is compared
            Map<String, String> wantedHeaders = new java.util.LinkedHashMap<>();
            contract.headers().keySet().forEach(h -> wantedHeaders.put(h, headers.get(h)));
            boolean headersPresent = wantedHeaders.values().stream().allMatch(java.util.Objects::nonNull);
            if (Boolean.getBoolean(RECORD)) {
                ObjectNode file = (ObjectNode) JSON.readTree(file(name).toFile());
                ObjectNode response = file.putObject("response");
                response.set("headers", JSON.valueToTree(wantedHeaders));
                response.set("body", actual);
                Files.writeString(file(name), JSON.writeValueAsString(file) + "\n");
                return null;
            }
            if (!actual.equals(contract.body()) || !headersPresent) {
                return contract.provider() + " no longer answers " + contract.path() + " as contracts/" + name
                        + ".json records, which " + contract.consumers() + " are tested against. If the change is"
                        + " meant, record it (-D" + RECORD + "=true) and run the consumers' tests.\nrecorded: "
                        + contract.headers() + " " + contract.body() + "\nanswered: " + wantedHeaders + " " + actual;
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code node} with only the fields named by {@code keep} ("competencies[].code", "version"). */
    static JsonNode cut(JsonNode node, java.util.List<String> keep) {
        if (keep.isEmpty()) {
            return node;
        }
        if (node.isArray()) {
            var array = JSON.createArrayNode();
            node.forEach(item -> array.add(cut(item, keep)));
            return array;
        }
        ObjectNode cut = JSON.createObjectNode();
        Map<String, java.util.List<String>> byField = new java.util.LinkedHashMap<>();
        for (String path : keep) {
            String head = path.contains(".") ? path.substring(0, path.indexOf('.')) : path;
            String rest = path.contains(".") ? path.substring(path.indexOf('.') + 1) : null;
            byField.computeIfAbsent(head.replace("[]", ""), k -> new java.util.ArrayList<>());
            if (rest != null) {
                byField.get(head.replace("[]", "")).add(rest);
            }
        }
        for (Iterator<Map.Entry<String, java.util.List<String>>> it = byField.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, java.util.List<String>> field = it.next();
            JsonNode value = node.get(field.getKey());
            if (value != null) {
                cut.set(field.getKey(), cut(value, field.getValue()));
            }
        }
        return cut;
    }

    /** {@code contracts/NAME.json} in the repository, found from any module's directory. */
    static Path file(String name) {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null) {
            Path candidate = dir.resolve("contracts").resolve(name + ".json");
            if (Files.exists(candidate)) {
                return candidate;
            }
            dir = dir.getParent();
        }
        throw new IllegalStateException("no contracts/" + name + ".json above " + Path.of("").toAbsolutePath());
    }
}
