package dev.ascent.growthplan.evidence;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;

/** evidence-service's evidence kinds (contracts/evidence-kinds.json). Use {@link EvidenceKinds}. */
@RegisterClientHeaders // forwards the caller's gateway token (propagateHeaders)
@RegisterRestClient(configKey = "evidence-service")
@Path("/api/v1/evidence-kinds")
@Produces(MediaType.APPLICATION_JSON)
interface EvidenceKindsApi {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Kind(String code) {
    }

    @GET
    List<Kind> kinds();
}
