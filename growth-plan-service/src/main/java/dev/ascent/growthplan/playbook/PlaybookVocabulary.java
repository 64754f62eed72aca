package dev.ascent.growthplan.playbook;

import dev.ascent.kit.framework.FrameworkVocabulary;

import java.util.List;
import java.util.Optional;

/**
 * The codes a playbook may name, each from the service that owns it: competencies, tiers and levels
 * (each level with its tier) from the published framework (assessment-service), evidence kinds from
 * evidence-service.
 */
public record PlaybookVocabulary(List<String> competencies, List<String> tiers, List<FrameworkVocabulary.Level> levels,
                                 List<String> evidenceKinds) {

    public PlaybookVocabulary {
        competencies = List.copyOf(competencies);
        tiers = List.copyOf(tiers);
        levels = List.copyOf(levels);
        evidenceKinds = List.copyOf(evidenceKinds);
    }

    public List<String> levelCodes() {
        return levels.stream().map(FrameworkVocabulary.Level::code).toList();
    }

    /** The tier a level belongs to; empty for a code the framework does not have. */
    public Optional<String> tierOf(String level) {
        return levels.stream().filter(l -> l.code().equals(level)).findFirst().map(FrameworkVocabulary.Level::tier);
    }
}
