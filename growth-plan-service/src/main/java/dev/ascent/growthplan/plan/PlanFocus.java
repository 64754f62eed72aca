package dev.ascent.growthplan.plan;

import java.util.List;

/** The competencies a plan works on (ranked) and the gapped ones the playbook could not serve. */
public record PlanFocus(List<Competency> competencies, List<String> uncovered) {

    public record Competency(String competency, double score, int rank) {
    }
}
