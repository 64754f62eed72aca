package dev.ascent.evidence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of evidence-service under {@code ascent.evidence}. */
@ConfigMapping(prefix = "ascent.evidence")
public interface EvidenceConfig {

    /** Health checks. */
    Health health();

    interface Health {
        /** How long the liveness check waits for the database before reporting it down. */
        @WithDefault("2s")
        Duration databaseTimeout();
    }
}
