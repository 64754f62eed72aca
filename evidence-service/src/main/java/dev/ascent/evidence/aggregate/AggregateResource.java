package dev.ascent.evidence.aggregate;

import dev.ascent.evidence.EvidenceConfig;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.problem.Problem;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/evidence")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Evidence aggregates", description = "Figures other services read (docs/service-contracts.md)")
public class AggregateResource {

    private final AggregateService service;
    private final EvidenceConfig config;

    public AggregateResource(AggregateService service, EvidenceConfig config) {
        this.service = service;
        this.config = config;
    }

    @POST
    @Path("strength")
    @Operation(summary = "Weighted evidence strength per person and competency")
    public StrengthResponse strength(@Valid @NotNull StrengthRequest body) {
        if (body.personIds().size() > config.limits().maxAggregatePeople()) {
            throw ApiProblem.invalidField("personIds", "at most " + config.limits().maxAggregatePeople() + " people");
        }
        return service.strength(body);
    }

    @POST
    @Path("strength/versions")
    @Operation(summary = "Per person, a version that changes whenever their evidence strength can change")
    public StrengthVersions.Response strengthVersions(@Valid @NotNull StrengthVersions.Request body) {
        if (body.personIds().size() > config.limits().maxAggregatePeople()) {
            throw ApiProblem.invalidField("personIds", "at most " + config.limits().maxAggregatePeople() + " people");
        }
        return service.strengthVersions(body.personIds());
    }

    @POST
    @Path("counts")
    @Operation(summary = "Confirmed or verified evidence per person, kind and competency since a date")
    public CountsResponse counts(@Valid @NotNull CountsRequest body) {
        if (body.windows().size() > config.limits().maxAggregatePeople()) {
            throw ApiProblem.invalidField("windows", "at most " + config.limits().maxAggregatePeople() + " windows");
        }
        List<Problem.Violation> violations = body.violations();
        if (!violations.isEmpty()) {
            throw ApiProblem.invalidFields(violations);
        }
        return service.counts(body);
    }
}
