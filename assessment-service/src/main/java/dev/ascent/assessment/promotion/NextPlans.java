package dev.ascent.assessment.promotion;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import java.util.UUID;

/**
 * Begins the plan for a promoted person's next target in growth-plan-service: generated from their
 * readiness for it (which supersedes the plan for the level they reached) and made active. The
 * promotion stands whatever happens here; a plan that could not begin is reported on the case, and
 * the person or their manager can generate it from the growth plan screen.
 */
@ApplicationScoped
public class NextPlans {

    private static final Logger LOG = Logger.getLogger(NextPlans.class);

    private final GrowthPlanApi plans;

    public NextPlans(@RestClient GrowthPlanApi plans) {
        this.plans = plans;
    }

    public CaseDtos.NextPlan begin(UUID personId, String targetLevel) {
        try {
            GrowthPlanApi.PlanRef plan = plans.generate(new GrowthPlanApi.Generate(personId, targetLevel));
            plans.changeStatus(plan.id(), new GrowthPlanApi.StatusChange("ACTIVE"));
            return new CaseDtos.NextPlan(plan.id(), null);
        } catch (WebApplicationException e) {
            String problem = "growth-plan-service answered " + e.getResponse().getStatus() + ": " + detail(e);
            LOG.warnf("the plan for %s's next target %s did not begin: %s", personId, targetLevel, problem);
            return new CaseDtos.NextPlan(null, problem);
        } catch (RuntimeException e) {
            LOG.warnf("the plan for %s's next target %s did not begin: %s", personId, targetLevel, e.toString());
            return new CaseDtos.NextPlan(null, "growth-plan-service could not be reached");
        }
    }

    private static String detail(WebApplicationException e) {
        try {
            com.fasterxml.jackson.databind.JsonNode body = e.getResponse().readEntity(com.fasterxml.jackson.databind.JsonNode.class);
            return body.path("detail").asText(body.path("title").asText("no detail"));
        } catch (RuntimeException unreadable) {
            return "no detail";
        }
    }
}
