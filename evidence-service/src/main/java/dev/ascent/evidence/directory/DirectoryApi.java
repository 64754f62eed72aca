package dev.ascent.evidence.directory;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/** assessment-service's people directory, looked up by email (docs/service-contracts.md). Use {@link PeopleDirectory}. */
@RegisterClientHeaders // forwards the caller's gateway token (propagateHeaders)
@RegisterRestClient(configKey = "assessment-service")
@Path("/api/v1/people")
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
interface DirectoryApi {

    record Request(List<String> emails) {
    }

    record Match(String email, UUID personId) {
    }

    record Response(List<Match> people) {
    }

    /** Everyone above a person in the reporting line, nearest manager first. */
    record ManagementLine(UUID personId, List<UUID> managers) {
    }

    @POST
    @Path("by-email")
    Response byEmail(Request request);

    @GET
    @Path("{id}/line")
    ManagementLine line(@PathParam("id") UUID personId);
}
