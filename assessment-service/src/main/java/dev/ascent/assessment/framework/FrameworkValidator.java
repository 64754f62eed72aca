package dev.ascent.assessment.framework;

import dev.ascent.kit.problem.Problem.Violation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks an imported framework and names the place of every problem, so an admin can fix a
 * 300-line YAML file in one pass: {@code levels[2].code}, {@code expectations.PM.influence.proficiency}.
 */
public final class FrameworkValidator {

    private static final Pattern LEVEL_CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Pattern COMPETENCY_CODE = Pattern.compile("[a-z][a-z0-9-]{0,59}");

    private FrameworkValidator() {
    }

    public static List<Violation> validate(FrameworkDocument doc) {
        List<Violation> v = new ArrayList<>();
        if (doc == null) {
            v.add(new Violation("", "a framework document is required"));
            return v;
        }
        if (blank(doc.name())) {
            v.add(new Violation("name", "must not be blank"));
        }
        List<String> tiers = new ArrayList<>();
        if (doc.tiers().isEmpty()) {
            v.add(new Violation("tiers", "at least one tier is required"));
        }
        for (int i = 0; i < doc.tiers().size(); i++) {
            FrameworkDocument.Tier tier = doc.tiers().get(i);
            String at = "tiers[" + i + "]";
            if (tier == null || tier.code() == null || !LEVEL_CODE.matcher(tier.code()).matches()) {
                v.add(new Violation(at + ".code", "must be upper case letters, digits or _ (e.g. DIRECTOR)"));
                continue;
            }
            if (tiers.contains(tier.code())) {
                v.add(new Violation(at + ".code", "duplicate tier " + tier.code()));
            }
            tiers.add(tier.code());
            if (blank(tier.name())) {
                v.add(new Violation(at + ".name", "must not be blank"));
            }
            if (tier.focus() == null) {
                v.add(new Violation(at + ".focus", "must be one of MARKET, PEOPLE, STRATEGY, BUSINESS_VISION"));
            }
        }
        Set<String> levels = new HashSet<>();
        int previousTier = -1;
        if (doc.levels() == null || doc.levels().isEmpty()) {
            v.add(new Violation("levels", "at least one level is required"));
        } else {
            for (int i = 0; i < doc.levels().size(); i++) {
                FrameworkDocument.Level level = doc.levels().get(i);
                String at = "levels[" + i + "]";
                if (level == null || level.code() == null || !LEVEL_CODE.matcher(level.code()).matches()) {
                    v.add(new Violation(at + ".code", "must be upper case letters, digits or _ (e.g. SENIOR_PM)"));
                    continue;
                }
                if (!levels.add(level.code())) {
                    v.add(new Violation(at + ".code", "duplicate level " + level.code()));
                }
                if (blank(level.name())) {
                    v.add(new Violation(at + ".name", "must not be blank"));
                }
                int tier = tiers.indexOf(level.tier());
                if (tier < 0) {
                    v.add(new Violation(at + ".tier", "must be one of the document's tiers " + tiers));
                } else if (tier < previousTier) {
                    v.add(new Violation(at + ".tier", "levels are listed lowest first: " + level.tier()
                            + " comes before " + tiers.get(previousTier) + " in the tiers"));
                } else {
                    previousTier = tier;
                }
            }
        }
        Set<String> competencies = new HashSet<>();
        if (doc.competencies() == null || doc.competencies().isEmpty()) {
            v.add(new Violation("competencies", "at least one competency is required"));
        } else {
            for (int i = 0; i < doc.competencies().size(); i++) {
                FrameworkDocument.Competency c = doc.competencies().get(i);
                String at = "competencies[" + i + "]";
                if (c == null || c.code() == null || !COMPETENCY_CODE.matcher(c.code()).matches()) {
                    v.add(new Violation(at + ".code", "must be lower case letters, digits or - (e.g. customer-discovery)"));
                    continue;
                }
                if (!competencies.add(c.code())) {
                    v.add(new Violation(at + ".code", "duplicate competency " + c.code()));
                }
                if (blank(c.name())) {
                    v.add(new Violation(at + ".name", "must not be blank"));
                }
                if (blank(c.description())) {
                    v.add(new Violation(at + ".description", "must not be blank"));
                }
                if (c.focus() == null) {
                    v.add(new Violation(at + ".focus", "must be one of MARKET, PEOPLE, STRATEGY, BUSINESS_VISION"));
                }
                for (int p = 1; p <= 5; p++) {
                    List<String> behaviours = c.behaviours() == null ? null : c.behaviours().get(p);
                    if (behaviours == null || behaviours.isEmpty() || behaviours.stream().anyMatch(FrameworkValidator::blank)) {
                        v.add(new Violation(at + ".behaviours." + p, "observable behaviours are required for proficiency " + p));
                    }
                }
                if (c.behaviours() != null) {
                    c.behaviours().keySet().stream().filter(p -> p == null || p < 1 || p > 5).forEach(p ->
                            v.add(new Violation(at + ".behaviours." + p, "proficiency must be between 1 and 5")));
                }
            }
        }
        if (doc.expectations() == null || doc.expectations().isEmpty()) {
            v.add(new Violation("expectations", "expectations are required for every level"));
        } else {
            for (Map.Entry<String, Map<String, FrameworkDocument.Expectation>> level : doc.expectations().entrySet()) {
                String at = "expectations." + level.getKey();
                if (!levels.contains(level.getKey())) {
                    v.add(new Violation(at, "unknown level " + level.getKey()));
                    continue;
                }
                if (level.getValue() == null) {
                    continue;
                }
                for (Map.Entry<String, FrameworkDocument.Expectation> e : level.getValue().entrySet()) {
                    String place = at + "." + e.getKey();
                    if (!competencies.contains(e.getKey())) {
                        v.add(new Violation(place, "unknown competency " + e.getKey()));
                        continue;
                    }
                    FrameworkDocument.Expectation x = e.getValue();
                    if (x == null) {
                        v.add(new Violation(place, "must give proficiency and evidence"));
                        continue;
                    }
                    if (x.proficiency() < 0 || x.proficiency() > 5) {
                        v.add(new Violation(place + ".proficiency", "must be between 0 and 5"));
                    }
                    if (x.evidence() < 0 || x.evidence() > 50) {
                        v.add(new Violation(place + ".evidence", "must be between 0 and 50"));
                    }
                }
            }
            for (String level : levels) {
                if (!doc.expectations().containsKey(level)) {
                    v.add(new Violation("expectations." + level, "expectations are missing for this level"));
                }
            }
        }
        checkCompetencyList(v, "leadershipCompetencies", doc.leadershipCompetencies(), competencies);
        checkCompetencyList(v, "credibilityCompetencies", doc.credibilityCompetencies(), competencies);
        checkCompetencyList(v, "strategyCompetencies", doc.strategyCompetencies(), competencies);
        return v;
    }

    private static void checkCompetencyList(List<Violation> v, String field, List<String> codes, Set<String> known) {
        if (codes == null) {
            return;
        }
        for (int i = 0; i < codes.size(); i++) {
            if (!known.contains(codes.get(i))) {
                v.add(new Violation(field + "[" + i + "]", "unknown competency " + codes.get(i)));
            }
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
