package dev.ascent.kit.framework;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterClientHeaders;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;

/**
 * assessment-service's current framework (docs/service-contracts.md, contracts/framework-vocabulary.json):
 * only the fields other services read. Use {@link PublishedFramework}.
 */
@RegisterClientHeaders // forwards the caller's gateway token (propagateHeaders)
@RegisterRestClient(configKey = "assessment-service")
@Path("/api/v1/frameworks")
public interface PublishedFrameworkApi {

    /** The header naming the published version. */
    String VERSION_HEADER = "X-Framework-Version";

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Document(List<Code> competencies, List<FrameworkVocabulary.Level> levels, List<FrameworkVocabulary.Tier> tiers) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Code(String code) {
    }

    @GET
    @Path("current")
    @Produces(MediaType.APPLICATION_JSON)
    RestResponse<Document> current();
}
