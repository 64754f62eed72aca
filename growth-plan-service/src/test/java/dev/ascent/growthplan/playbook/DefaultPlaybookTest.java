package dev.ascent.growthplan.playbook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.kit.framework.FrameworkVocabulary;
import dev.ascent.testsupport.Contracts;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The playbook shipped with the service: valid, complete, and covering the career principles. Its codes
 * are checked against what their owners serve, as recorded in contracts/ (the default framework's
 * competencies and tiers from assessment-service, the evidence kinds from evidence-service): when an
 * owner drops or renames a code this playbook names, this consumer-side contract test fails.
 */
class DefaultPlaybookTest {

    static final PlaybookDocument DEFAULT = new PlaybookFormats(new ObjectMapper().findAndRegisterModules())
            .readResource("playbook/default-playbook.yaml");
    static final PlaybookVocabulary OWNERS = ownersVocabulary();
    static final List<String> COMPETENCIES = OWNERS.competencies();

    /** The vocabulary the providers' recorded answers give. */
    static PlaybookVocabulary ownersVocabulary() {
        JsonNode framework = Contracts.load("framework-vocabulary").body();
        JsonNode kinds = Contracts.load("evidence-kinds").body();
        List<String> competencies = new ArrayList<>();
        framework.path("competencies").forEach(c -> competencies.add(c.path("code").asText()));
        List<String> tiers = new ArrayList<>();
        framework.path("tiers").forEach(t -> tiers.add(t.path("code").asText()));
        List<FrameworkVocabulary.Level> levels = new ArrayList<>();
        framework.path("levels").forEach(l -> levels.add(
                new FrameworkVocabulary.Level(l.path("code").asText(), l.path("tier").asText())));
        List<String> kindCodes = new ArrayList<>();
        kinds.forEach(k -> kindCodes.add(k.path("code").asText()));
        assertThat(competencies).as("recorded competencies").isNotEmpty();
        assertThat(tiers).as("recorded tiers").isNotEmpty();
        assertThat(levels).as("recorded levels").isNotEmpty();
        assertThat(kindCodes).as("recorded evidence kinds").isNotEmpty();
        return new PlaybookVocabulary(competencies, tiers, levels, kindCodes);
    }

    /** The default framework's IC levels, lowest first (APM, PM, Senior PM, Principal PM when recorded). */
    static List<String> icLevels() {
        return OWNERS.levels().stream().filter(l -> l.tier().equals("IC")).map(FrameworkVocabulary.Level::code).toList();
    }

    /** Whether someone at {@code level} may take the action (its tier from the framework). */
    static boolean suitsLevel(PlaybookAction a, String level) {
        return a.suits(OWNERS.tierOf(level).orElseThrow(), level);
    }

    /** The default horizon of a plan (growth-plan.plans.default-horizon-days). */
    static final int DEFAULT_HORIZON_DAYS = 90;

    static boolean any(Predicate<PlaybookAction> p) {
        return DEFAULT.actions().stream().anyMatch(p);
    }

    static boolean expects(PlaybookAction a, String kind) {
        return a.evidence().stream().anyMatch(e -> e.kind().equals(kind));
    }

    static boolean mentions(PlaybookAction a, String word) {
        return (a.title() + " " + a.why() + " " + a.how()).toLowerCase().contains(word);
    }

    @Test
    void namesOnlyCodesTheirOwnersServe() {
        assertThat(PlaybookValidator.validate(DEFAULT, OWNERS)).isEmpty();
    }

    @Test
    void hasAtLeastThreeActionsForEveryCompetency() {
        Map<String, Long> perCompetency = DEFAULT.actions().stream()
                .collect(Collectors.groupingBy(PlaybookAction::competency, Collectors.counting()));

        assertThat(perCompetency.keySet()).containsExactlyInAnyOrderElementsOf(COMPETENCIES);
        assertThat(perCompetency.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(3));
    }

    @Test
    void everyTierHasActionsForMostCompetencies() {
        for (String tier : OWNERS.tiers()) {
            long served = COMPETENCIES.stream()
                    .filter(c -> any(a -> a.competency().equals(c) && a.suits(tier))).count();
            assertThat(served).as("competencies served for " + tier).isGreaterThanOrEqualTo(tier.equals("CPO") ? 7 : 12);
        }
        assertThat(COMPETENCIES).allSatisfy(c -> assertThat(any(a -> a.competency().equals(c) && a.suits("IC")))
                .as("IC action for " + c).isTrue());
    }

    @Test
    void isShippedWithARevision() {
        PlaybookFormats.Shipped shipped = new PlaybookFormats(new ObjectMapper().findAndRegisterModules())
                .readShipped("playbook/default-playbook.yaml");
        assertThat(shipped.revision()).isGreaterThanOrEqualTo(2);
        assertThat(shipped.document()).usingRecursiveComparison().isEqualTo(DEFAULT);
    }

    @Test
    void everyActionNamesTheArtefactItLeaves() {
        assertThat(DEFAULT.actions()).allSatisfy(a -> assertThat(a.artefact()).as(a.code()).isNotBlank()
                .hasSizeGreaterThan(20));
        assertThat(DEFAULT.actions().stream().map(PlaybookAction::artefact).distinct().count())
                .as("each artefact its own").isEqualTo(DEFAULT.actions().size());
    }

    @Test
    void eachIcLevelGetsStepsOfItsOwn() {
        List<String> levels = icLevels();
        assertThat(levels).as("IC levels of the default framework").hasSizeGreaterThanOrEqualTo(4);
        assertThat(DEFAULT.actions().stream().filter(a -> a.suits("IC"))).as("IC actions name their levels")
                .allSatisfy(a -> assertThat(a.levels()).as(a.code()).isNotEmpty());
        Map<String, List<String>> byLevel = new java.util.LinkedHashMap<>();
        for (String level : levels) {
            byLevel.put(level, DEFAULT.actions().stream().filter(a -> suitsLevel(a, level)).map(PlaybookAction::code).toList());
            long served = COMPETENCIES.stream().filter(c -> any(a -> a.competency().equals(c) && suitsLevel(a, level))).count();
            assertThat(served).as("competencies served at " + level).isGreaterThanOrEqualTo(13);
        }
        // every IC level has an action no other IC level has, so no two levels share one set of actions
        for (String level : levels) {
            assertThat(byLevel.get(level)).as("actions only " + level + " gets").anySatisfy(code ->
                    assertThat(levels.stream().filter(l -> !l.equals(level)).noneMatch(l -> byLevel.get(l).contains(code)))
                            .isTrue());
        }
        assertThat(new java.util.HashSet<>(byLevel.values())).hasSize(levels.size());
    }

    @Test
    void everyActionFitsTheDefaultHorizonAndShortPlansStillHaveChoices() {
        assertThat(DEFAULT.actions()).allSatisfy(a -> assertThat(a.durationDays()).as(a.code())
                .isLessThanOrEqualTo(DEFAULT_HORIZON_DAYS));
        // a 45-day plan can still serve most competencies at every level
        for (FrameworkVocabulary.Level level : OWNERS.levels()) {
            long served = COMPETENCIES.stream().filter(c -> any(a -> a.competency().equals(c)
                    && a.suits(level.tier(), level.code()) && a.durationDays() <= 45)).count();
            assertThat(served).as("competencies a 45-day plan serves at " + level.code())
                    .isGreaterThanOrEqualTo(level.tier().equals("CPO") ? 7 : 11);
        }
    }

    static boolean asksFor(PlaybookAction a, String kind, String tag) {
        return a.evidence().stream().anyMatch(e -> e.kind().equals(kind) && tag.equals(e.tag()));
    }

    @Test
    void hasTheActionsAReviewerOfTheIssueMissed() {
        // write a spec and get it reviewed
        assertThat(any(a -> a.competency().equals("product-craft") && asksFor(a, "OTHER", "spec-review") && a.suits("IC")))
                .isTrue();
        // define and instrument a success metric; run an experiment
        assertThat(any(a -> a.competency().equals("data-experimentation") && asksFor(a, "LAUNCH_OUTCOME", "success-metric")))
                .isTrue();
        assertThat(any(a -> a.competency().equals("data-experimentation") && asksFor(a, "LAUNCH_OUTCOME", "experiment-readout")))
                .isTrue();
        // cut the roadmap with explicit criteria, or retire a feature
        assertThat(any(a -> asksFor(a, "DECISION_CLARIFIED", "roadmap-cut"))).isTrue();
        assertThat(any(a -> asksFor(a, "DECISION_CLARIFIED", "feature-retired") && asksFor(a, "DELIVERY", "feature-retired")))
                .isTrue();
        // a quarter-long lateral move into sales, marketing or operations
        assertThat(any(a -> a.competency().equals("cross-functional-breadth") && a.durationDays() >= 84
                && asksFor(a, "CROSS_FUNCTIONAL_ROTATION", "lateral-move")
                && List.of("sales", "marketing", "operations").stream().allMatch(f -> mentions(a, f)))).isTrue();
        // in a founder-led company: the founder's thesis, signed off, before proposing strategy (a credibility action)
        assertThat(any(a -> a.competency().equals("product-strategy") && a.category() == ActionCategory.CREDIBILITY
                && asksFor(a, "DECISION_CLARIFIED", "founder-thesis") && mentions(a, "founder"))).isTrue();
    }

    @Test
    void genericEvidenceIsMatchedByTheActionsOwnTag() {
        // OTHER and DELIVERY come from any work: an action asking for them names the tag that tells its own apart
        assertThat(DEFAULT.actions()).allSatisfy(a -> assertThat(a.evidence())
                .filteredOn(e -> e.kind().equals("OTHER") || e.kind().equals("DELIVERY"))
                .as(a.code()).allSatisfy(e -> assertThat(e.tag()).isNotBlank()));
    }

    @Test
    void rewordsThePhrasesTheReviewFoundTooClose() {
        String text = DEFAULT.actions().stream().map(a -> a.title() + " " + a.why() + " " + a.how() + " " + a.artefact())
                .collect(Collectors.joining(" ")).toLowerCase();
        assertThat(text).doesNotContain("commercial engine", "how the parts connect", "table stakes",
                "what we should do next and why", "framing updates as recommendations");
    }

    @Test
    void coversTheCareerPrinciples() {
        // stretching into customer discovery and business context early (IC tier)
        assertThat(any(a -> a.suits("IC") && expects(a, "CUSTOMER_DISCOVERY_SESSION"))).isTrue();
        assertThat(any(a -> a.suits("IC") && a.competency().equals("business-acumen"))).isTrue();
        // owning unowned, systemic problems
        assertThat(any(a -> a.competency().equals("agency-ownership") && expects(a, "UNOWNED_PROBLEM"))).isTrue();
        // lateral experience in operations, marketing and sales
        for (String function : List.of("operations", "marketing", "sales")) {
            assertThat(any(a -> expects(a, "CROSS_FUNCTIONAL_ROTATION") && mentions(a, function)))
                    .as("rotation through " + function).isTrue();
        }
        // customer-facing work: sales conversations and roadmap talks
        assertThat(any(a -> expects(a, "CUSTOMER_FACING_SESSION") && mentions(a, "sales"))).isTrue();
        assertThat(any(a -> expects(a, "CUSTOMER_FACING_SESSION") && mentions(a, "roadmap"))).isTrue();
        // deliberately building cross-team relationships
        assertThat(any(a -> a.competency().equals("cross-team-relationships") && expects(a, "RELATIONSHIP_BUILT"))).isTrue();
        // framing updates as recommendations
        assertThat(any(a -> a.competency().equals("strategic-communication") && mentions(a, "recommendation")
                && expects(a, "STRATEGIC_RECOMMENDATION"))).isTrue();
        // clarity amid conflicting incentives
        assertThat(any(a -> a.competency().equals("clarity-amid-chaos") && mentions(a, "incentives")
                && expects(a, "DECISION_CLARIFIED"))).isTrue();
        // credibility before strategy: both categories, credibility across product, customers and business
        assertThat(List.of("platform-mastery", "customer-discovery", "business-acumen")).allSatisfy(c ->
                assertThat(any(a -> a.competency().equals(c) && a.category() == ActionCategory.CREDIBILITY)).isTrue());
        assertThat(any(a -> a.category() == ActionCategory.STRATEGY)).isTrue();
    }
}
