package dev.ascent.assessment.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Publishes the framework that ships with Ascent. It is product data, not schema, so it is loaded
 * here rather than by a versioned migration, and it carries a {@code revision}: an empty database
 * gets it as version 1, and an installation whose current version is an earlier shipped revision
 * gets it as the next version ({@link ShippedDefaultRule}). An admin's own framework is never
 * replaced, and earlier versions stay as they were.
 */
@ApplicationScoped
public class DefaultFrameworkLoader {

    static final String RESOURCE = "frameworks/default-pm.yaml";
    private static final Logger LOG = Logger.getLogger(DefaultFrameworkLoader.class);

    private final FrameworkService frameworks;

    public DefaultFrameworkLoader(FrameworkService frameworks) {
        this.frameworks = frameworks;
    }

    void onStart(@Observes StartupEvent event) {
        publishShippedDefault();
    }

    /** Applies {@link ShippedDefaultRule} to the shipped framework; what start-up does. */
    public FrameworkService.ShippedDefaultResult publishShippedDefault() {
        Shipped shipped = readShipped();
        FrameworkService.ShippedDefaultResult result = frameworks.publishShippedDefault(shipped.revision(), shipped.document());
        if (result.publishedVersion() != null) {
            LOG.infof("Published the shipped framework (revision %d) as version %d: %s", shipped.revision(),
                    result.publishedVersion(), result.decision().explanation());
        } else if (result.decision().outcome() != ShippedDefaultRule.Outcome.ALREADY_PUBLISHED) {
            LOG.infof("Kept the current framework: %s", result.decision().explanation());
        }
        return result;
    }

    /** The framework that ships with Ascent and its revision. */
    public record Shipped(int revision, FrameworkDocument document) {
    }

    public static FrameworkDocument readDefault() {
        return readShipped().document();
    }

    public static Shipped readShipped() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing");
            }
            ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).findAndRegisterModules();
            JsonNode tree = yaml.readTree(in);
            JsonNode revision = tree.path("revision");
            if (!revision.canConvertToInt() || revision.asInt() < 1) {
                throw new IllegalStateException(RESOURCE + " needs a revision, a whole number from 1");
            }
            ((ObjectNode) tree).remove("revision");
            return new Shipped(revision.asInt(), yaml.treeToValue(tree, FrameworkDocument.class));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
