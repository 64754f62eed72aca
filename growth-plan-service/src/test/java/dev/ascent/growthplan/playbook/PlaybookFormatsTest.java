package dev.ascent.growthplan.playbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.kit.problem.ApiProblem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PlaybookFormatsTest {

    final PlaybookFormats formats = new PlaybookFormats(new ObjectMapper().findAndRegisterModules());

    @Test
    void yamlAndJsonRoundTripTheDefaultPlaybook() {
        PlaybookDocument original = DefaultPlaybookTest.DEFAULT;

        assertThat(formats.read(formats.writeYaml(original), true)).usingRecursiveComparison().isEqualTo(original);
        assertThat(formats.read(formats.toJson(original), false)).usingRecursiveComparison().isEqualTo(original);
    }

    @Test
    void versionsStoredBeforeArtefactsLevelsAndTagsStillLoad() {
        String stored = """
                {"description": "an early version", "actions": [{"code": "old-one", "competency": "influence",
                 "category": "CREDIBILITY", "title": "t", "why": "w", "how": "h", "durationDays": 14, "tiers": ["IC"],
                 "evidence": [{"kind": "OTHER", "competency": "influence", "count": 1}]}]}
                """;

        PlaybookAction action = formats.fromJson(stored, PlaybookDocument.class).actions().getFirst();

        assertThat(action.artefact()).isNull();
        assertThat(action.levels()).isNull();
        assertThat(action.suits("IC", "APM")).isTrue();
        assertThat(action.evidence().getFirst().tag()).isNull();
    }

    @Test
    void theShippedPlaybookMustCarryARevision() {
        assertThatThrownBy(() -> formats.readShipped("playbook/without-revision.yaml"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("revision");
        assertThat(formats.readShipped("playbook/shipped-revision-99.yaml").revision()).isEqualTo(99);
    }

    @Test
    void syntaxErrorsAreMalformedDocumentsWithTheirLine() {
        assertThatThrownBy(() -> formats.read("actions:\n  - code: \"unclosed\n", true))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.slug()).isEqualTo("malformed-document");
                    assertThat(p.getMessage()).contains("YAML").contains("line");
                });
        assertThatThrownBy(() -> formats.read("{\"actions\": [}", false))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.slug()).isEqualTo("malformed-document"));
    }

    @Test
    void wrongShapesKeepTheirPath() {
        assertThatThrownBy(() -> formats.read("actions:\n  - code: x\n    durationDays: soon\n", true))
                .isInstanceOfSatisfying(java.io.UncheckedIOException.class, e ->
                        assertThat(((com.fasterxml.jackson.databind.JsonMappingException) e.getCause()).getPath()).extracting(r -> r.getFieldName() == null ? "[" + r.getIndex() + "]" : r.getFieldName())
                                .containsExactly("actions", "[0]", "durationDays"));
        assertThatThrownBy(() -> formats.read("- just\n- a list\n", true))
                .isInstanceOfSatisfying(ApiProblem.class, p -> assertThat(p.slug()).isEqualTo("malformed-document"));
    }
}
