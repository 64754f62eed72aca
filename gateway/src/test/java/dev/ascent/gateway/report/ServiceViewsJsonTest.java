package dev.ascent.gateway.report;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streaming readers read the services' answers as object mapping of the views reads them, or as their compact layout says. */
class ServiceViewsJsonTest {

    private final ObjectMapper mapper = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void readsATeamAsObjectMappingDoes() throws Exception {
        String json = """
                {"managerId":"0b7e1c9a-2f7e-4c55-9d1b-2a6f3f1d7c01","allLevels":true,"people":[
                 {"id":"5f0c6f0e-8a5b-4d8e-a0d4-1f2b3c4d5e6f","name":"Ana \\"A\\" Ruiz","email":"ana@example.org",
                  "level":"PM","targetLevel":"SENIOR_PM","managerId":"0b7e1c9a-2f7e-4c55-9d1b-2a6f3f1d7c01","depth":1,
                  "extra":{"nested":[1,2,{"x":null}]}},
                 {"id":"6f0c6f0e-8a5b-4d8e-a0d4-1f2b3c4d5e6f","name":null,"email":null,"level":null,
                  "targetLevel":null,"managerId":null,"depth":3}]}
                """;
        same(json, ServiceViewsJson::team, ServiceViews.Team.class);
    }

    @Test
    void readsBulkReadinessInItsColumns() throws Exception {
        String json = """
                {"frameworkVersion":4,"evidenceAvailable":true,"codes":["delivery","vision","odd \\"code\\""],"people":[
                 ["5f0c6f0e-8a5b-4d8e-a0d4-1f2b3c4d5e6f","SENIOR_PM",64,"EMERGING","2026-11-30T10:15:30.123456Z",
                  [0,1],[0,3,2.5,1,2,null,2,1,1],[0,"OPINION_ONLY",2,"UNDER_RECOGNISED"]],
                 ["6f0c6f0e-8a5b-4d8e-a0d4-1f2b3c4d5e6f",null,null,null,null,[],null,[]]],
                 "competencyTotals":[{"competency":"delivery","rated":2,"ratingSum":5.5,"expectedOf":3,"expectedSum":7,
                                      "later":{"added":true}}],
                 "later":[1,2]}
                """;
        ServiceViews.BulkReadiness read = parse(json, ServiceViewsJson::readinessColumns);

        Map<String, TeamReport.Cell> cells = new LinkedHashMap<>();
        cells.put("delivery", new TeamReport.Cell(3, 2.5));
        cells.put("vision", new TeamReport.Cell(2, null));
        cells.put("odd \"code\"", new TeamReport.Cell(1, 1.0));
        assertThat(read.people()).usingRecursiveFieldByFieldElementComparator().containsExactly(
                new ServiceViews.Readiness(UUID.fromString("5f0c6f0e-8a5b-4d8e-a0d4-1f2b3c4d5e6f"), "SENIOR_PM", 64,
                        "EMERGING", List.of("delivery", "vision"), Instant.parse("2026-11-30T10:15:30.123456Z"), cells,
                        List.of(new TeamReport.Signal("delivery", "OPINION_ONLY"),
                                new TeamReport.Signal("odd \"code\"", "UNDER_RECOGNISED"))),
                new ServiceViews.Readiness(UUID.fromString("6f0c6f0e-8a5b-4d8e-a0d4-1f2b3c4d5e6f"), null, null, null,
                        List.of(), null, null, List.of()));
        assertThat(new ArrayList<>(read.people().get(0).competencies().keySet())).as("in the service's order")
                .containsExactly("delivery", "vision", "odd \"code\"");
        assertThat(read.competencyTotals()).containsExactly(new ServiceViews.CompetencyTotal("delivery", 2, 5.5, 3, 7.0));
    }

    @Test
    void aPersonsCellsBehaveAsTheMapTheyStandFor() throws Exception {
        String json = """
                {"codes":["delivery","vision","craft"],"people":[
                 ["5f0c6f0e-8a5b-4d8e-a0d4-1f2b3c4d5e6f","SENIOR_PM",64,"EMERGING",null,[],
                  [1,2,null,0,3,2.5,1,4,3.0],[]]]}
                """;
        Map<String, TeamReport.Cell> cells = parse(json, ServiceViewsJson::readinessColumns).people().get(0).competencies();

        Map<String, TeamReport.Cell> expected = new LinkedHashMap<>();
        expected.put("vision", new TeamReport.Cell(4, 3.0)); // named twice: the last cell stands, in the first place
        expected.put("delivery", new TeamReport.Cell(3, 2.5));
        assertThat(cells).isEqualTo(expected).hasSameHashCodeAs(expected).hasSize(2);
        assertThat(new ArrayList<>(cells.keySet())).containsExactly("vision", "delivery");
        assertThat(cells.get("delivery")).isEqualTo(new TeamReport.Cell(3, 2.5));
        assertThat(cells.get("craft")).isNull();
        assertThat(cells.containsKey("vision")).isTrue();
        assertThat(cells.containsKey("craft")).isFalse();
        assertThatThrownBy(() -> cells.put("craft", new TeamReport.Cell(1, null)))
                .isInstanceOf(UnsupportedOperationException.class);
        var entries = cells.entrySet().iterator();
        entries.next();
        entries.next();
        assertThat(entries.hasNext()).isFalse();
        assertThatThrownBy(entries::next).isInstanceOf(java.util.NoSuchElementException.class);

        String many = "[" + String.join(",", java.util.stream.IntStream.range(0, 20)
                .mapToObj(i -> i + "," + (i % 5) + "," + (i % 2 == 0 ? "null" : i + ".5")).toList()) + "]";
        String codes = String.join(",", java.util.stream.IntStream.range(0, 20).mapToObj(i -> "\"c" + i + "\"").toList());
        Map<String, TeamReport.Cell> grown = parse("{\"codes\":[" + codes + "],\"people\":[[\"5f0c6f0e-8a5b-4d8e-a0d4-"
                + "1f2b3c4d5e6f\",null,null,null,null,[]," + many + ",[]]]}", ServiceViewsJson::readinessColumns)
                .people().get(0).competencies();
        assertThat(grown).as("more cells than the builder first holds").hasSize(20)
                .containsEntry("c0", new TeamReport.Cell(0, null)).containsEntry("c19", new TeamReport.Cell(4, 19.5));
    }

    @Test
    void readsCountsAndPlansAsObjectMappingDoes() throws Exception {
        same("""
                {"counts":[{"personId":"5f0c6f0e-8a5b-4d8e-a0d4-1f2b3c4d5e6f","kind":"DELIVERY","competency":"delivery",
                 "count":12},{"personId":"5f0c6f0e-8a5b-4d8e-a0d4-1f2b3c4d5e6f","kind":"LAUNCH","competency":"vision",
                 "tag":"okr","count":1}]}
                """, ServiceViewsJson::counts, ServiceViews.Counts.class);
        same("""
                {"progressStale":false,"people":[{"personId":"5f0c6f0e-8a5b-4d8e-a0d4-1f2b3c4d5e6f",
                 "planId":"6f0c6f0e-8a5b-4d8e-a0d4-1f2b3c4d5e6f","status":"ACTIVE","progressPercent":40,
                 "actionsDone":2,"actionsTotal":5},{"personId":"7f0c6f0e-8a5b-4d8e-a0d4-1f2b3c4d5e6f","planId":null,
                 "status":null,"progressPercent":null,"actionsDone":null,"actionsTotal":null}]}
                """, ServiceViewsJson::plans, ServiceViews.BulkPlans.class);
    }

    @Test
    void refusesAnswersOfTheWrongShape() {
        assertThatThrownBy(() -> parse("[]", ServiceViewsJson::team)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("{\"people\":{}}", ServiceViewsJson::team)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("{\"people\":[{\"id\":\"not-a-uuid\"}]}", ServiceViewsJson::team))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("{\"people\":[{\"depth\":\"deep\"}]}", ServiceViewsJson::team))
                .isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("{\"counts\":[{\"count\":1.5}]}", ServiceViewsJson::counts))
                .isInstanceOf(IOException.class);
        String person = "[\"5f0c6f0e-8a5b-4d8e-a0d4-1f2b3c4d5e6f\",null,null,null,null,%s,%s,%s%s]";
        for (String wrong : List.of(person.formatted("[0]", "null", "[]", ""), // a gap beyond the codes
                person.formatted("[]", "[0,\"high\",1]", "[]", ""), person.formatted("[]", "null", "[]", ",1"),
                person.formatted("[]", "{}", "[]", ""), person.formatted("[]", "null", "[-1,\"OPINION_ONLY\"]", ""),
                "[\"5f0c6f0e-8a5b-4d8e-a0d4-1f2b3c4d5e6f\",null,null,null,\"yesterday\",[],null,[]]", "{}")) {
            assertThatThrownBy(() -> parse("{\"codes\":[],\"people\":[" + wrong + "]}", ServiceViewsJson::readinessColumns))
                    .as(wrong).isInstanceOf(IOException.class);
        }
        assertThatThrownBy(() -> parse("{\"people\":[]} {}", ServiceViewsJson::plans)).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> parse("{\"people\":[", ServiceViewsJson::plans)).isInstanceOf(IOException.class);
    }

    private <T> void same(String json, ServiceViewsJson.Reader<T> reader, Class<T> view) throws IOException {
        T streamed = parse(json, reader);
        assertThat(streamed).usingRecursiveComparison().isEqualTo(mapper.readValue(json, view));
    }

    private <T> T parse(String json, ServiceViewsJson.Reader<T> reader) throws IOException {
        try (JsonParser parser = mapper.getFactory().createParser(json)) {
            return ServiceViewsJson.read(parser, reader);
        }
    }
}
