package dev.ascent.assessment;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of assessment-service under {@code ascent.assessment}. */
@ConfigMapping(prefix = "ascent.assessment")
public interface AssessmentConfig {

    /** Lists. */
    Paging paging();

    /** Team reports. */
    Team team();

    interface Team {
        /** Largest team answered in one call. */
        @WithDefault("20000")
        int maxSize();
    }

    interface Paging {
        /** Page size when the client names none. */
        @WithDefault("50")
        int defaultLimit();
    }
}
