package dev.ascent.kit.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OperationContractTest {

    @Test
    void operationIdsComeFromMethodAndPathAndAreUniqueByConstruction() {
        assertThat(OperationContract.operationId("GET", "/api/v1/people")).isEqualTo("getPeople");
        assertThat(OperationContract.operationId("GET", "/api/v1/people/{id}/peer-ratings"))
                .isEqualTo("getPeopleByIdPeerRatings");
        assertThat(OperationContract.operationId("POST", "/api/v1/ingest/{sourceId}/events"))
                .isEqualTo("postIngestBySourceIdEvents");
        assertThat(OperationContract.operationId("PUT", "/api/v2/plans/{plan_id}/status.json"))
                .isEqualTo("putPlansByPlanIdStatusJson");
    }

    @Test
    void everyApiOperationGetsAnIdAndTheKitsProblemResponsesKeepingItsOwn() {
        Operation read = OASFactory.createOperation();
        Operation write = OASFactory.createOperation().operationId("createThing")
                .requestBody(OASFactory.createRequestBody())
                .responses(OASFactory.createAPIResponses().addAPIResponse("400",
                        OASFactory.createAPIResponse().description("its own")));
        Operation internal = OASFactory.createOperation();
        OpenAPI document = OASFactory.createOpenAPI().paths(OASFactory.createPaths()
                .addPathItem("/api/v1/things", OASFactory.createPathItem().GET(read).POST(write))
                .addPathItem("/q/other", OASFactory.createPathItem().GET(internal)));

        new OperationContract().filterOpenAPI(document);

        assertThat(read.getOperationId()).isEqualTo("getThings");
        assertThat(read.getResponses().getAPIResponses().keySet()).containsExactlyInAnyOrder("401", "503");
        assertThat(write.getOperationId()).isEqualTo("createThing");
        assertThat(write.getResponses().getAPIResponses().keySet()).containsExactlyInAnyOrder("400", "401", "413", "503");
        assertThat(write.getResponses().getAPIResponse("400").getDescription()).isEqualTo("its own");
        assertThat(write.getResponses().getAPIResponse("413").getContent().getMediaType("application/problem+json")
                .getSchema().getRef()).isEqualTo("#/components/schemas/Problem");
        assertThat(internal.getOperationId()).isNull();
        assertThat(internal.getResponses()).isNull();
        assertThat(document.getComponents().getSchemas().keySet()).containsExactlyInAnyOrder("Problem", "Violation");
        assertThat(document.getComponents().getSchemas().get("Problem").getRequired())
                .containsExactly("type", "title", "status");
    }

    @Test
    void parametersAloneMakeBadInputPossible() {
        Operation withQuery = OASFactory.createOperation()
                .addParameter(OASFactory.createParameter().name("limit").in(org.eclipse.microprofile.openapi.models.parameters.Parameter.In.QUERY));
        OperationContract.complete("GET", "/api/v1/things", withQuery);
        assertThat(withQuery.getResponses().getAPIResponses().keySet()).isEqualTo(Set.of("400", "401", "503"));
    }

    @Test
    void aDocumentWithoutPathsStillGetsTheProblemSchema() {
        OpenAPI empty = OASFactory.createOpenAPI();
        new OperationContract().filterOpenAPI(empty);
        assertThat(empty.getComponents().getSchemas()).containsKeys("Problem", "Violation");
        OpenAPI noItems = OASFactory.createOpenAPI().paths(OASFactory.createPaths())
                .components(OASFactory.createComponents());
        new OperationContract().filterOpenAPI(noItems);
        assertThat(noItems.getComponents().getSchemas()).containsKeys("Problem");
        PathItem unused = OASFactory.createPathItem();
        assertThat(unused.getOperations()).isEmpty();
    }
}
