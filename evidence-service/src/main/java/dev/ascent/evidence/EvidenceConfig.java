package dev.ascent.evidence;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of evidence-service under {@code ascent.evidence}. */
@ConfigMapping(prefix = "ascent.evidence")
public interface EvidenceConfig {

    /** Lists. */
    Paging paging();

    /** Hard limits on what a client may send. */
    Limits limits();

    /** Webhooks from GitHub, Jira and Linear. */
    Webhooks webhooks();

    /**
     * Base64 of the 256-bit AES key that encrypts webhook secrets at rest. The default is a
     * well-known development key: set {@code ASCENT_EVIDENCE_SECRET_KEY} everywhere else.
     */
    @WithDefault("ZGV2LW9ubHkta2V5LWRvLW5vdC11c2UtaW4tcHJvZCE=")
    String secretKey();

    /** What evidence-service keeps in memory to answer other services' bulk questions. */
    ReadModel readModel();

    interface ReadModel {
        /**
         * Most count windows (a person, a first day, tags) whose answers are kept, each with the version
         * of the person's counted evidence it was computed at; a 10,000-person team report and its plans
         * take two windows a person.
         */
        @WithDefault("50000")
        long countsWindows();
    }

    /** Matching event actors to people by email through assessment-service's directory. */
    Directory directory();

    interface Directory {
        /** Whether events are matched by the directory's emails when no identity link names them. */
        @WithDefault("true")
        boolean enabled();

        /** How long an answer (a match or "nobody has this email") is reused. */
        @WithDefault("60s")
        Duration cacheTtl();

        /** Most emails remembered at once. */
        @WithDefault("10000")
        int cacheSize();
    }

    interface Paging {
        /** Page size when the client names none. */
        @WithDefault("50")
        int defaultLimit();

        /** The largest page a client may ask for. */
        @WithDefault("200")
        int maxLimit();
    }

    interface Limits {
        /** Most events in one batch. */
        @WithDefault("1000")
        int maxBatchEvents();

        /** Most person ids (strength) or windows (counts) in one aggregate request. */
        @WithDefault("10000")
        int maxAggregatePeople();
    }

    interface Webhooks {
        /** How far Linear's {@code webhookTimestamp} may be from now before a delivery is refused. */
        @WithDefault("60s")
        Duration timestampTolerance();

        /** How long an unfinished Idempotency-Key blocks a retry before it may be taken over. */
        @WithDefault("5m")
        Duration idempotencyInFlightTimeout();
    }
}
