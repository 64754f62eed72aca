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
