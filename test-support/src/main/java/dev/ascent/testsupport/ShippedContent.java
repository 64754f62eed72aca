package dev.ascent.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * Content Ascent ships as versioned data (the default framework, playbook, mapping rules) may only
 * change with a new revision, since installations adopt it by revision. Its tests record the hash of
 * each revision's content and compare the file on the class path with it.
 */
public final class ShippedContent {

    private ShippedContent() {
    }

    /**
     * SHA-256 of a YAML resource's data: keys sorted, comments and layout ignored, and without its
     * {@code revision} field, so only a change of content changes the hash.
     */
    public static String hash(String resource) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no " + resource + " on the class path");
            }
            JsonNode tree = yaml.readTree(in);
            ((ObjectNode) tree).remove("revision");
            Object data = yaml.treeToValue(tree, Object.class);
            byte[] canonical = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
                    .writeValueAsString(data).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
        } catch (Exception e) {
            throw new IllegalStateException("cannot hash " + resource, e);
        }
    }
}
