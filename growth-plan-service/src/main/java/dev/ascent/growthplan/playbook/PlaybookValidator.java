package dev.ascent.growthplan.playbook;

import dev.ascent.kit.problem.Problem.Violation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a playbook document before it becomes a version. Every problem is reported with its
 * place in the document ({@code actions[4].evidence[0].kind}) so an admin can fix the file.
 */
public final class PlaybookValidator {

    static final int MAX_ACTIONS = 2_000;
    static final int MAX_TEXT = 4_000;
    static final int MAX_EVIDENCE = 5;
    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,79}");
    private static final Pattern TAG = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    private PlaybookValidator() {
    }

    /**
     * The document's shape only: codes are not checked against any vocabulary. For the playbook that
     * ships with the service, which is loaded before the other services may be up (a test holds it to
     * the default framework and the evidence kinds).
     */
    public static List<Violation> validateShape(PlaybookDocument document) {
        return validate(document, null);
    }

    /** The document's shape, and every code it names against the owners' vocabulary. */
    public static List<Violation> validate(PlaybookDocument document, PlaybookVocabulary vocabulary) {
        List<Violation> violations = new ArrayList<>();
        if (document == null || document.actions() == null || document.actions().isEmpty()) {
            violations.add(new Violation("actions", "a playbook needs at least one action"));
            return violations;
        }
        if (document.actions().size() > MAX_ACTIONS) {
            violations.add(new Violation("actions", "at most " + MAX_ACTIONS + " actions"));
            return violations;
        }
        Set<String> codes = new HashSet<>();
        Set<String> covered = new HashSet<>();
        for (int i = 0; i < document.actions().size(); i++) {
            String at = "actions[" + i + "]";
            PlaybookAction action = document.actions().get(i);
            if (action == null) {
                violations.add(new Violation(at, "must not be empty"));
                continue;
            }
            if (blank(action.code())) {
                violations.add(new Violation(at + ".code", "must not be blank"));
            } else if (!CODE.matcher(action.code()).matches()) {
                violations.add(new Violation(at + ".code", "use 2-80 lower-case letters, digits and dashes"));
            } else if (!codes.add(action.code())) {
                violations.add(new Violation(at + ".code", "duplicate action code " + action.code()));
            }
            if (blank(action.competency())) {
                violations.add(new Violation(at + ".competency", "must not be blank"));
            } else if (vocabulary != null && !vocabulary.competencies().contains(action.competency())) {
                violations.add(new Violation(at + ".competency", unknown("competency", action.competency(), vocabulary.competencies())));
            } else {
                covered.add(action.competency());
            }
            if (action.category() == null) {
                violations.add(new Violation(at + ".category", "must be CREDIBILITY or STRATEGY"));
            }
            text(violations, at + ".title", action.title(), 200);
            text(violations, at + ".why", action.why(), MAX_TEXT);
            text(violations, at + ".how", action.how(), MAX_TEXT);
            text(violations, at + ".artefact", action.artefact(), 300);
            if (action.durationDays() == null || action.durationDays() < 1 || action.durationDays() > 365) {
                violations.add(new Violation(at + ".durationDays", "must be between 1 and 365"));
            }
            if (action.tiers() == null || action.tiers().isEmpty()) {
                violations.add(new Violation(at + ".tiers", "name at least one tier"
                        + (vocabulary == null ? "" : " of " + vocabulary.tiers())));
            } else {
                for (int t = 0; t < action.tiers().size(); t++) {
                    String tier = action.tiers().get(t);
                    if (blank(tier)) {
                        violations.add(new Violation(at + ".tiers[" + t + "]", "must not be blank"));
                    } else if (vocabulary != null && !vocabulary.tiers().contains(tier)) {
                        violations.add(new Violation(at + ".tiers[" + t + "]", unknown("tier", tier, vocabulary.tiers())));
                    }
                }
            }
            levels(violations, at, action, vocabulary);
            if (action.evidence() == null || action.evidence().isEmpty()) {
                violations.add(new Violation(at + ".evidence", "name the evidence this action should produce"));
            } else if (action.evidence().size() > MAX_EVIDENCE) {
                // a plan's tags are counted in one call to evidence-service, which takes a bounded number
                violations.add(new Violation(at + ".evidence", "at most " + MAX_EVIDENCE + " kinds of evidence per action"));
            } else {
                for (int e = 0; e < action.evidence().size(); e++) {
                    String ev = at + ".evidence[" + e + "]";
                    ExpectedEvidence expected = action.evidence().get(e);
                    if (expected == null) {
                        violations.add(new Violation(ev, "must not be empty"));
                        continue;
                    }
                    if (blank(expected.kind())) {
                        violations.add(new Violation(ev + ".kind", "must not be blank"));
                    } else if (vocabulary != null && !vocabulary.evidenceKinds().contains(expected.kind())) {
                        violations.add(new Violation(ev + ".kind", unknown("evidence kind", expected.kind(), vocabulary.evidenceKinds())));
                    }
                    if (blank(expected.competency())) {
                        violations.add(new Violation(ev + ".competency", "must not be blank"));
                    } else if (vocabulary != null && !vocabulary.competencies().contains(expected.competency())) {
                        violations.add(new Violation(ev + ".competency", unknown("competency", expected.competency(), vocabulary.competencies())));
                    }
                    if (expected.count() == null || expected.count() < 1 || expected.count() > 100) {
                        violations.add(new Violation(ev + ".count", "must be between 1 and 100"));
                    }
                    if (expected.tag() != null && !TAG.matcher(expected.tag()).matches()) {
                        violations.add(new Violation(ev + ".tag", "use 2-40 lower-case letters, digits and dashes"));
                    }
                }
            }
        }
        Set<String> missing = new LinkedHashSet<>(vocabulary == null ? List.of() : vocabulary.competencies());
        missing.removeAll(covered);
        if (violations.isEmpty() && !missing.isEmpty()) {
            violations.add(new Violation("actions", "every competency needs at least one action; none for " + missing));
        }
        return violations;
    }

    /**
     * Levels are optional; each named one must be a level of the framework whose tier the action
     * names (a Director-tier level on an IC-only action could never be served), and when levels are
     * named, every tier of the action needs one of them (else the tier could never be served).
     */
    private static void levels(List<Violation> violations, String at, PlaybookAction action,
                               PlaybookVocabulary vocabulary) {
        if (action.levels() == null) {
            return;
        }
        for (int l = 0; l < action.levels().size(); l++) {
            String level = action.levels().get(l);
            String field = at + ".levels[" + l + "]";
            if (blank(level)) {
                violations.add(new Violation(field, "must not be blank"));
            } else if (vocabulary != null) {
                var tier = vocabulary.tierOf(level);
                if (tier.isEmpty()) {
                    violations.add(new Violation(field, unknown("level", level, vocabulary.levelCodes())));
                } else if (!action.suits(tier.get())) {
                    violations.add(new Violation(field, "level " + level + " belongs to tier " + tier.get()
                            + ", which this action's tiers " + action.tiers() + " do not name"));
                }
            }
        }
        if (vocabulary != null && !action.levels().isEmpty() && action.tiers() != null) {
            for (String tier : action.tiers()) {
                if (tier != null && vocabulary.tiers().contains(tier)
                        && action.levels().stream().noneMatch(l -> vocabulary.tierOf(l).filter(tier::equals).isPresent())) {
                    violations.add(new Violation(at + ".levels", "names no level of tier " + tier
                            + ", so nobody in that tier could take the action; add one or leave the tier out"));
                }
            }
        }
    }

    private static void text(List<Violation> violations, String field, String value, int max) {
        if (blank(value)) {
            violations.add(new Violation(field, "must not be blank"));
        } else if (value.length() > max) {
            violations.add(new Violation(field, "at most " + max + " characters"));
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String unknown(String what, String value, List<String> known) {
        return (value == null ? "missing " + what : "unknown " + what + " \"" + value + "\"") + "; expected one of " + known;
    }
}
