package dev.ascent.evidence.ingest;

import io.restassured.http.ContentType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Registers sources through the admin API, loads fixtures, signs bodies as each tool does. */
final class TestSources {

    record Source(String id, String secret) {
    }

    private TestSources() {
    }

    static Source register(String kind) {
        var created = given().contentType(ContentType.JSON).body(Map.of("kind", kind, "name", kind + " test"))
                .post("/api/v1/integrations").then().statusCode(201).extract();
        return new Source(created.path("id"), created.path("secret"));
    }

    static void link(Source source, String externalId, UUID person) {
        given().contentType(ContentType.JSON).body(Map.of("externalId", externalId, "personId", person.toString()))
                .post("/api/v1/integrations/{id}/identity-links", source.id()).then().statusCode(201);
    }

    static String fixture(String path, Map<String, String> values) {
        try (InputStream in = TestSources.class.getResourceAsStream("/fixtures/" + path)) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (var e : values.entrySet()) {
                text = text.replace("${" + e.getKey() + "}", e.getValue());
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(String secret, byte[] body) {
        return HexFormat.of().formatHex(WebhookSignatures.hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
