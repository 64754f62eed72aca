package dev.ascent.gateway.report;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.ascent.gateway.access.TestTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
@WithTestResource(ReportBackends.class)
class DailyReadinessTest {

    private static final String A = "00000000-0000-4000-8000-00000000000a";
    private static final String B = "00000000-0000-4000-8000-00000000000b";
    private static final String C = "00000000-0000-4000-8000-00000000000c";

    @ReportBackends.Inject
    WireMockServer services;

    @Inject
    DailyReadiness daily;

    @BeforeEach
    void directoryOfTwoPages() {
        services.resetAll();
        services.stubFor(get("/api/v1/people?limit=200").willReturn(json("""
                {"items":[{"id":"%s","name":"A"},{"id":"%s","name":"B"}],"nextCursor":"page 2"}""".formatted(A, B))));
        services.stubFor(get("/api/v1/people?limit=200&cursor=page+2").willReturn(json("""
                {"items":[{"id":"%s","name":"C"}],"nextCursor":null}""".formatted(C))));
        services.stubFor(post("/api/v1/readiness/bulk").willReturn(json("{\"people\":[]}")));
    }

    @Test
    void computesEveryonesReadinessOnePageAtATime() {
        assertThat(daily.run()).isEqualTo(3);

        services.verify(2, getRequestedFor(urlPathEqualTo("/api/v1/people"))
                .withHeader("Authorization", matching("Bearer .+")));
        services.verify(2, postRequestedFor(urlEqualTo("/api/v1/readiness/bulk")));
        services.verify(1, postRequestedFor(urlEqualTo("/api/v1/readiness/bulk")).withRequestBody(equalToJson("""
                {"personIds":["%s","%s"],"includeCompetencies":false}""".formatted(A, B))));
        services.verify(1, postRequestedFor(urlEqualTo("/api/v1/readiness/bulk")).withRequestBody(equalToJson("""
                {"personIds":["%s"],"includeCompetencies":false}""".formatted(C))));
    }

    @Test
    void stopsWhenAssessmentServiceFails() {
        services.stubFor(post("/api/v1/readiness/bulk").willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(daily::run).isInstanceOf(ServiceReads.ServiceError.class);
        services.verify(1, postRequestedFor(urlEqualTo("/api/v1/readiness/bulk")));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withHeader("Content-Type", "application/json").withBody(body);
    }
}
