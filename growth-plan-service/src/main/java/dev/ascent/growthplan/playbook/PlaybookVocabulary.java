package dev.ascent.growthplan.playbook;

import java.util.List;

/**
 * The codes a playbook may name, each from the service that owns it: competencies and tiers from the
 * published framework (assessment-service), evidence kinds from evidence-service.
 */
public record PlaybookVocabulary(List<String> competencies, List<String> tiers, List<String> evidenceKinds) {

    public PlaybookVocabulary {
        competencies = List.copyOf(competencies);
        tiers = List.copyOf(tiers);
        evidenceKinds = List.copyOf(evidenceKinds);
    }
}
