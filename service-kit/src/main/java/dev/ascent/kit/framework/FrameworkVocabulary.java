package dev.ascent.kit.framework;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The codes of the published competency framework that other services may name: its competencies,
 * levels (lowest first) and tiers (lowest first, each with the focus it adds). assessment-service owns
 * the framework; every other service reads it through {@link PublishedFramework}, so a custom
 * framework's codes work everywhere the moment it is published.
 */
public record FrameworkVocabulary(int version, List<String> competencies, List<Level> levels, List<Tier> tiers) {

    public record Level(String code, String tier) {
    }

    public record Tier(String code, String focus) {
    }

    public FrameworkVocabulary {
        competencies = List.copyOf(competencies);
        levels = List.copyOf(levels);
        tiers = List.copyOf(tiers);
    }

    public boolean hasCompetency(String code) {
        return competencies.contains(code);
    }

    /** The codes among {@code codes} this framework does not have. */
    public Set<String> unknownCompetencies(java.util.Collection<String> codes) {
        return codes.stream().filter(c -> !hasCompetency(c)).collect(Collectors.toCollection(java.util.LinkedHashSet::new));
    }

    public List<String> tierCodes() {
        return tiers.stream().map(Tier::code).toList();
    }

    public List<String> levelCodes() {
        return levels.stream().map(Level::code).toList();
    }

    /** The focus a tier adds to the pyramid. */
    public Optional<String> focusOfTier(String tier) {
        return tiers.stream().filter(t -> t.code().equals(tier)).findFirst().map(Tier::focus);
    }
}
