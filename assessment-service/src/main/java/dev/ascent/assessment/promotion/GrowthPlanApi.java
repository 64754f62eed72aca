package dev.ascent.assessment.promotion;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** growth-plan-service's plan API, as much as a promotion needs: start the plan for the next target. */
@RegisterClientHeaders // the decider's gateway token goes along (propagateHeaders)
@RegisterRestClient(configKey = "growth-plan-service")
@Path("/api/v1/plans")
interface GrowthPlanApi {

    @POST
    PlanRef generate(Generate request);

    @PUT
    @Path("{id}/status")
    PlanRef changeStatus(@PathParam("id") UUID id, StatusChange change);

    record Generate(UUID personId, String targetLevel) {
    }

    record StatusChange(String status) {
    }

    record PlanRef(UUID id, String status, String targetLevel) {
    }
}
