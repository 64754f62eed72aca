package dev.ascent.growthplan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of growth-plan-service under {@code ascent.growth-plan}. */
@ConfigMapping(prefix = "ascent.growth-plan")
public interface GrowthPlanConfig {

    /** Health checks. */
    Health health();

    interface Health {
        /** How long the liveness check waits for the database before reporting it down. */
        @WithDefault("2s")
        Duration databaseTimeout();
    }
}
