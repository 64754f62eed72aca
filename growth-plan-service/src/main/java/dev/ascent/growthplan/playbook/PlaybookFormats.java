package dev.ascent.growthplan.playbook;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.ascent.kit.json.InputGuards;
import dev.ascent.kit.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Reads and writes playbook documents as JSON or YAML. Reading is strict (an unknown property is
 * an error, so a typo in a field name does not silently drop data).
 */
@ApplicationScoped
public class PlaybookFormats {

    public static final String YAML = "application/yaml";
    public static final List<String> YAML_TYPES = List.of(YAML, "application/x-yaml", "text/yaml", "text/x-yaml");

    private final ObjectMapper json;
    private final ObjectMapper strictJson;
    private final ObjectMapper yaml;

    public PlaybookFormats(ObjectMapper json) {
        this.json = json;
        this.strictJson = json.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);
        this.yaml = new YAMLMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .findAndRegisterModules()
                .registerModule(InputGuards.module());
    }

    public static boolean isYaml(MediaType type) {
        return type != null && YAML_TYPES.contains(type.getType() + "/" + type.getSubtype());
    }

    /** Parses a client's document; a syntax error is a 400 problem, a wrong shape names its field. */
    public PlaybookDocument read(String body, boolean asYaml) {
        try {
            return (asYaml ? yaml : strictJson).readValue(body, PlaybookDocument.class);
        } catch (JsonParseException e) {
            throw malformed(e, asYaml);
        } catch (JsonMappingException e) {
            // a syntax error met while binding a nested value arrives wrapped with its path
            for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof JsonParseException parse) {
                    throw malformed(parse, asYaml);
                }
            }
            throw e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException && e.getPath().isEmpty()
                    ? new ApiProblem(400, "malformed-document", "Malformed document",
                            "The playbook must be an object with an actions list", List.of())
                    : new UncheckedIOException(e); // the kit's mapper reads the path and answers 400
        } catch (JsonProcessingException e) {
            throw new ApiProblem(400, "malformed-document", "Malformed document", "The playbook cannot be read", List.of());
        }
    }

    private static ApiProblem malformed(JsonParseException e, boolean asYaml) {
        return new ApiProblem(400, "malformed-document", "Malformed document",
                "The playbook is not valid " + (asYaml ? "YAML" : "JSON") + " (line "
                        + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")", List.of());
    }

    public String writeYaml(PlaybookDocument document) {
        try {
            return yaml.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String toJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T fromJson(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public <T> T fromJson(String text, com.fasterxml.jackson.core.type.TypeReference<T> type) {
        try {
            return json.readValue(text, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The playbook shipped with the service and its revision (a whole number from 1, raised with each change). */
    public record Shipped(int revision, PlaybookDocument document) {
    }

    /** Reads the playbook shipped on the classpath. */
    public PlaybookDocument readResource(String resource) {
        return readShipped(resource).document();
    }

    /** Reads the playbook shipped on the classpath with its {@code revision}. */
    public Shipped readShipped(String resource) {
        try (var in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("playbook resource " + resource + " is missing");
            }
            JsonNode tree = yaml.readTree(in);
            JsonNode revision = tree.path("revision");
            if (!revision.isInt() || revision.asInt() < 1 || !(tree instanceof ObjectNode object)) {
                throw new IllegalStateException("playbook resource " + resource + " needs a revision, a whole number from 1");
            }
            object.remove("revision");
            return new Shipped(revision.asInt(), yaml.treeToValue(object, PlaybookDocument.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read playbook resource " + resource, e);
        }
    }
}
