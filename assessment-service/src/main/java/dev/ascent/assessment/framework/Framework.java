package dev.ascent.assessment.framework;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A published, immutable framework version with the look-ups scoring needs. */
public final class Framework {

    private final int version;
    private final FrameworkDocument document;
    private final Map<String, FrameworkDocument.Level> levels;
    private final Map<String, FrameworkDocument.Competency> competencies;

    public Framework(int version, FrameworkDocument document) {
        this.version = version;
        this.document = document;
        this.levels = document.levels().stream()
                .collect(Collectors.toMap(FrameworkDocument.Level::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
        this.competencies = document.competencies().stream()
                .collect(Collectors.toMap(FrameworkDocument.Competency::code, Function.identity(), (a, b) -> a, LinkedHashMap::new));
    }

    public int version() {
        return version;
    }

    public FrameworkDocument document() {
        return document;
    }

    public boolean hasLevel(String code) {
        return levels.containsKey(code);
    }

    public boolean hasCompetency(String code) {
        return competencies.containsKey(code);
    }

    /** The focus the tier of {@code levelCode} adds to the pyramid; empty for an unknown level. */
    public Optional<FrameworkDocument.Focus> focusOfLevel(String levelCode) {
        return level(levelCode).flatMap(l -> document.tiers().stream()
                .filter(t -> t.code().equals(l.tier())).findFirst()).map(FrameworkDocument.Tier::focus);
    }

    public Optional<FrameworkDocument.Level> level(String code) {
        return Optional.ofNullable(levels.get(code));
    }

    public FrameworkDocument.Competency competency(String code) {
        return competencies.get(code);
    }

    /** The competencies' codes in the document's order. */
    public List<String> competencyCodes() {
        return List.copyOf(competencies.keySet());
    }

    public List<String> levelCodes() {
        return List.copyOf(levels.keySet());
    }

    /** The level above {@code code}, or empty at the top of the ladder. */
    public Optional<String> nextLevel(String code) {
        List<String> codes = levelCodes();
        int i = codes.indexOf(code);
        return i < 0 || i + 1 >= codes.size() ? Optional.empty() : Optional.of(codes.get(i + 1));
    }

    /** What {@code levelCode} expects, in the framework's competency order; only expected competencies. */
    public Map<String, FrameworkDocument.Expectation> expectations(String levelCode) {
        Map<String, FrameworkDocument.Expectation> raw = document.expectations().getOrDefault(levelCode, Map.of());
        Map<String, FrameworkDocument.Expectation> ordered = new LinkedHashMap<>();
        for (String competency : competencies.keySet()) {
            FrameworkDocument.Expectation e = raw.get(competency);
            if (e != null && e.proficiency() > 0) {
                ordered.put(competency, e);
            }
        }
        return ordered;
    }

    public List<String> leadershipCompetencies() {
        return document.leadershipCompetencies() == null ? List.of() : document.leadershipCompetencies();
    }

    public List<String> credibilityCompetencies() {
        return document.credibilityCompetencies() == null ? List.of() : document.credibilityCompetencies();
    }

    public List<String> strategyCompetencies() {
        return document.strategyCompetencies() == null ? List.of() : document.strategyCompetencies();
    }

    /** Strategy-heavy levels expect proficiency 3 or more in a strategy competency. */
    public boolean strategyHeavy(String levelCode) {
        Map<String, FrameworkDocument.Expectation> expected = expectations(levelCode);
        return strategyCompetencies().stream()
                .map(expected::get)
                .anyMatch(e -> e != null && e.proficiency() >= 3);
    }
}
