package dev.ascent.growthplan;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Settings of growth-plan-service under {@code ascent.growth-plan}. */
@ConfigMapping(prefix = "ascent.growth-plan")
public interface GrowthPlanConfig {

    /** How plans are generated. */
    Plans plans();

    /** Lists. */
    Paging paging();

    /** Calls to assessment-service and evidence-service. */
    Remote remote();

    /** The playbook shipped with the service. */
    Playbook playbook();

    interface Plans {
        /** At most this many competencies get actions in one plan. */
        @WithDefault("3")
        int maxFocusCompetencies();

        /** At most this many playbook actions per focus competency. */
        @WithDefault("2")
        int actionsPerCompetency();

        /** Horizon of a plan when the request names none, in days. */
        @WithDefault("90")
        int defaultHorizonDays();

        /** How much more a gap counts when its competency is the focus the target tier adds. */
        @WithDefault("1.5")
        double targetFocusWeight();

        /** Most plans whose actions' expected evidence is kept in memory for bulk progress (team reports). */
        @WithDefault("50000")
        long actionsReadModelPlans();
    }

    interface Paging {
        /** Page size when the client names none. */
        @WithDefault("50")
        int defaultLimit();
    }

    interface Remote {
        /** The {@code Retry-After} hint sent with a 503 when a service this one needs is down. */
        @WithDefault("30s")
        Duration retryAfter();
    }

    interface Playbook {
        /** Classpath resource loaded as playbook version 1 when the database has no playbook yet. */
        @WithDefault("playbook/default-playbook.yaml")
        String defaultResource();
    }
}
