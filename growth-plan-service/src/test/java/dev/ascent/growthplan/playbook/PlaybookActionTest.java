package dev.ascent.growthplan.playbook;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlaybookActionTest {

    static PlaybookAction action(List<String> levels) {
        return new PlaybookAction("a", "craft", ActionCategory.CREDIBILITY, "t", "w", "h", "an artefact", 10,
                List.of("IC"), levels, List.of(new ExpectedEvidence("OTHER", "craft", 1)));
    }

    @Test
    void levelsOfAnotherFrameworkRestrictNobodyAndTheTierDecides() {
        PlaybookAction forApms = action(List.of("APM"));
        assertThat(forApms.suits("IC", "DESIGNER")).isFalse();

        PlaybookAction read = forApms.forFramework(List.of("DESIGNER", "SENIOR_DESIGNER"));
        assertThat(read.levels()).isNull();
        assertThat(read.suits("IC", "DESIGNER")).isTrue();
        assertThat(read.suits("DIRECTOR", "DESIGNER")).isFalse();
        assertThat(read).usingRecursiveComparison().ignoringFields("levels").isEqualTo(forApms);
    }

    @Test
    void levelsTheFrameworkHasKeepRestricting() {
        PlaybookAction forApms = action(List.of("APM", "WIZARD"));
        assertThat(forApms.forFramework(List.of("APM", "PM"))).isSameAs(forApms);
        assertThat(forApms.forFramework(List.of("APM", "PM")).suits("IC", "PM")).isFalse();
        PlaybookAction anyLevel = action(null);
        assertThat(anyLevel.forFramework(List.of("DESIGNER"))).isSameAs(anyLevel);
        PlaybookAction noLevels = action(List.of());
        assertThat(noLevels.forFramework(List.of("DESIGNER"))).isSameAs(noLevels);
    }
}
