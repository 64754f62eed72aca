package dev.ascent.assessment.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installations adopt the shipped framework by its revision, so its content may only change with a
 * new revision: this test records what each revision contained and fails when the file says
 * otherwise, naming the revision and hash to record.
 */
class ShippedFrameworkRevisionTest {

    /** SHA-256 of each shipped revision's content: the YAML's data with keys sorted, without comments or revision. */
    static final Map<Integer, String> CONTENT = Map.of(
            1, "8d320b94631b9226aa95561a384207bae56aad8b4b5a51665c0159f1e9189af5",
            2, "c3ddcca5fac44a1c1514725b4c28d211f02a28e228b6d28e41ffd5f392baafe3");

    @Test
    void theShippedContentIsWhatItsRevisionRecorded() {
        int revision = DefaultFrameworkLoader.readShipped().revision();
        String content = contentHash(DefaultFrameworkLoader.RESOURCE);
        assertThat(revision).as("revisions only grow").isEqualTo(Collections.max(CONTENT.keySet()));
        assertThat(content).as("frameworks/default-pm.yaml changed without a new revision: raise its revision to %d and "
                        + "record %d -> %s in %s.CONTENT", revision + 1, revision + 1, content, getClass().getSimpleName())
                .isEqualTo(CONTENT.get(revision));
    }

    @Test
    void revisionOneIsTheFrameworkShippedBefore() {
        assertThat(contentHash("frameworks/default-pm-revision-1.yaml")).isEqualTo(CONTENT.get(1));
    }

    static String contentHash(String resource) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream in = ShippedFrameworkRevisionTest.class.getClassLoader().getResourceAsStream(resource)) {
            JsonNode tree = yaml.readTree(in);
            ((ObjectNode) tree).remove("revision");
            Object data = yaml.treeToValue(tree, Object.class);
            byte[] canonical = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
