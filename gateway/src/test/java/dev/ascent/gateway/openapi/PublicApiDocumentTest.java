package dev.ascent.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PublicApiDocumentTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode doc(String json) throws Exception {
        return JSON.readTree(json.replace('\'', '"'));
    }

    @Test
    void mergesPathsAndKeepsClashingSchemasApart() throws Exception {
        JsonNode gateway = doc("{'openapi':'3.1.0','paths':{'/api/v1/teams/{id}/report':{'get':{}},'/q/health':{'get':{}}},"
                + "'components':{'schemas':{'Problem':{'type':'object','properties':{'type':{'type':'string'}}}}}}");
        JsonNode assessment = doc("{'paths':{'/api/v1/people':{'post':{'requestBody':{'content':{'application/json':"
                + "{'schema':{'$ref':'#/components/schemas/Page'}}}}}}},'components':{'schemas':{"
                + "'Problem':{'type':'object','properties':{'type':{'type':'string'}}},"
                + "'Page':{'type':'object','properties':{'items':{'type':'array'}}}}}}");
        JsonNode evidence = doc("{'paths':{'/api/v1/evidence':{'get':{'responses':{'200':{'content':{'application/json':"
                + "{'schema':{'$ref':'#/components/schemas/Page'}}}}}}}},'components':{'schemas':{"
                + "'Page':{'type':'object','properties':{'rows':{'type':'array'}}}}}}");
        Map<String, JsonNode> services = new LinkedHashMap<>();
        services.put("assessment-service", assessment);
        services.put("evidence-service", evidence);

        JsonNode merged = PublicApiDocument.merge(gateway, services, List.of("growth-plan-service"), "1.0",
                "https://ascent.example.org");

        assertThat(merged.at("/servers/0/url").asText()).isEqualTo("https://ascent.example.org");
        assertThat(merged.at("/info/license/identifier").asText()).isEqualTo("Apache-2.0");

        assertThat(merged.path("paths").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("/api/v1/teams/{id}/report", "/api/v1/people", "/api/v1/evidence");
        assertThat(merged.path("components").path("schemas").fieldNames()).toIterable()
                .containsExactlyInAnyOrder("Problem", "Page", "EvidencePage");
        assertThat(merged.at("/paths/~1api~1v1~1evidence/get/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/EvidencePage");
        assertThat(merged.at("/paths/~1api~1v1~1people/post/requestBody/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Page");
        assertThat(merged.path("components").path("securitySchemes").path("bearer").path("scheme").asText()).isEqualTo("bearer");
        assertThat(merged.path("x-unavailable-services").get(0).asText()).isEqualTo("growth-plan-service");
    }
}
