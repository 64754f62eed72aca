package dev.ascent.growthplan.readiness;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.UUID;

/** The part of assessment-service this service calls (docs/service-contracts.md). Use {@link ReadinessReader}. */
@RegisterClientHeaders // forwards the caller's gateway token (propagateHeaders)
@RegisterRestClient(configKey = "assessment-service")
@Path("/api/v1/people")
@Produces(MediaType.APPLICATION_JSON)
interface AssessmentApi {

    /** Readiness of one person for {@code target}, or for the level after their current one when null. */
    @GET
    @Path("{id}/readiness")
    JsonNode readiness(@PathParam("id") UUID personId, @QueryParam("target") String targetLevel);
}
