package dev.ascent.assessment.organisation;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/organisation")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation", description = "Organisation-wide settings")
public class OrganisationResource {

    private final OrganisationService organisation;

    public OrganisationResource(OrganisationService organisation) {
        this.organisation = organisation;
    }

    @GET
    @Operation(summary = "Read the organisation's settings")
    public OrganisationSettings get() {
        return new OrganisationSettings(organisation.founderLed());
    }

    @PUT
    @Operation(summary = "Change the organisation's settings")
    public OrganisationSettings put(@Valid @NotNull OrganisationSettings settings) {
        return organisation.update(settings);
    }
}
