package dev.ascent.assessment.readiness;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** evidence-service as docs/service-contracts.md describes it. */
@RegisterClientHeaders // forwards the caller's gateway token (propagateHeaders)
@RegisterRestClient(configKey = "evidence-service")
@Path("/api/v1/evidence")
interface EvidenceServiceApi {

    @POST
    @Path("strength")
    Uni<StrengthResponse> strength(StrengthRequest request);

    @POST
    @Path("strength/versions")
    Uni<VersionsResponse> strengthVersions(VersionsRequest request);

    record VersionsRequest(List<UUID> personIds) {
    }

    record VersionsResponse(List<PersonVersion> versions) {
    }

    record PersonVersion(UUID personId, long version) {
    }

    record StrengthRequest(List<UUID> personIds, LocalDate asOf, boolean includeItems) {
    }

    record StrengthResponse(LocalDate asOf, List<PersonStrength> people) {
    }

    record PersonStrength(UUID personId, List<CompetencyStrength> competencies) {
    }

    record CompetencyStrength(String competency, int confirmed, int verified, int stale, double weightedStrength,
                              LocalDate lastOccurredAt, List<Item> items) {
    }

    record Item(UUID id, String title, String kind, String status, LocalDate occurredAt, double verificationFactor,
                double recencyFactor, double weight, List<String> links, UUID verifiedBy) {
    }
}
