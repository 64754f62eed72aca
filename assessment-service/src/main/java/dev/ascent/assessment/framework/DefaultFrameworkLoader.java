package dev.ascent.assessment.framework;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Publishes the framework that ships with Ascent as version 1 when the database has none. This is
 * product data, not schema, so it is loaded here rather than by a versioned migration.
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
        if (frameworks.anyVersion()) {
            return;
        }
        try {
            FrameworkVersionSummary draft = frameworks.importDraft(readDefault());
            frameworks.publish(draft.version());
            LOG.infof("Published the default framework as version %d", draft.version());
        } catch (RuntimeException e) {
            // Another instance won the race; it published the same document.
            if (!frameworks.anyVersion()) {
                throw e;
            }
        }
    }

    public static FrameworkDocument readDefault() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            return new ObjectMapper(new YAMLFactory()).findAndRegisterModules().readValue(in, FrameworkDocument.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
