package dev.ascent.assessment.promotion;

import dev.ascent.assessment.promotion.CaseRules.Action;
import dev.ascent.assessment.promotion.CaseRules.Standing;
import dev.ascent.assessment.promotion.CaseRules.Status;
import dev.ascent.kit.problem.Problem;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class CaseRulesTest {

    private static int refusal(Action action, Set<Standing> standing, Status status) {
        return CaseRules.check(action, standing, status).map(CaseRules.Refusal::status).orElse(0);
    }

    @Test
    void strangersSeeNothingAndAnyStandingReads() {
        for (Action action : Action.values()) {
            assertThat(refusal(action, Set.of(), Status.DRAFT)).as(action.name()).isEqualTo(404);
        }
        assertThat(CaseRules.check(Action.READ, Set.of(), Status.DRAFT).orElseThrow().reason())
                .isEqualTo("no promotion case has this id");
        assertThat(CaseRules.visible(Set.of())).isFalse();
        for (Standing s : Standing.values()) {
            assertThat(CaseRules.visible(Set.of(s))).isTrue();
            for (Status status : Status.values()) {
                assertThat(refusal(Action.READ, Set.of(s), status)).isZero();
            }
        }
    }

    @Test
    void eachNarrativeHasItsOwnWriterWhileADraft() {
        assertThat(refusal(Action.WRITE_PERSON_NARRATIVE, Set.of(Standing.PERSON), Status.DRAFT)).isZero();
        assertThat(refusal(Action.WRITE_PERSON_NARRATIVE, Set.of(Standing.ABOVE, Standing.ADMIN, Standing.REVIEWER),
                Status.DRAFT)).isEqualTo(403);
        assertThat(refusal(Action.WRITE_MANAGER_NARRATIVE, Set.of(Standing.ABOVE), Status.DRAFT)).isZero();
        assertThat(refusal(Action.WRITE_MANAGER_NARRATIVE, Set.of(Standing.PERSON, Standing.ADMIN), Status.DRAFT))
                .isEqualTo(403);
        assertThat(CaseRules.check(Action.WRITE_MANAGER_NARRATIVE, Set.of(Standing.ADMIN), Status.DRAFT).orElseThrow()
                .reason()).isEqualTo("only a manager above the person writes the manager's narrative");
        assertThat(CaseRules.check(Action.WRITE_PERSON_NARRATIVE, Set.of(Standing.ABOVE), Status.DRAFT).orElseThrow()
                .reason()).isEqualTo("only the person writes their own narrative");
        for (Status status : List.of(Status.SUBMITTED, Status.IN_REVIEW, Status.DECIDED)) {
            assertThat(refusal(Action.WRITE_PERSON_NARRATIVE, Set.of(Standing.PERSON), status)).isEqualTo(409);
            assertThat(refusal(Action.WRITE_MANAGER_NARRATIVE, Set.of(Standing.ABOVE), status)).isEqualTo(409);
        }
    }

    @Test
    void thePersonOrAManagerAboveSubmitsAndRefreshesADraft() {
        for (Action action : List.of(Action.SUBMIT, Action.REFRESH_SNAPSHOT)) {
            assertThat(refusal(action, Set.of(Standing.PERSON), Status.DRAFT)).isZero();
            assertThat(refusal(action, Set.of(Standing.ABOVE), Status.DRAFT)).isZero();
            assertThat(refusal(action, Set.of(Standing.ADMIN), Status.DRAFT)).isEqualTo(403);
            assertThat(refusal(action, Set.of(Standing.REVIEWER), Status.DRAFT)).isEqualTo(403);
            assertThat(refusal(action, Set.of(Standing.PERSON), Status.SUBMITTED)).isEqualTo(409);
            assertThat(CaseRules.check(action, Set.of(Standing.REVIEWER), Status.DRAFT).orElseThrow().reason())
                    .isEqualTo("only the person or a manager above them may do this");
        }
        assertThat(CaseRules.check(Action.SUBMIT, Set.of(Standing.PERSON), Status.IN_REVIEW).orElseThrow().reason())
                .isEqualTo("not while the case is IN_REVIEW; only when it is [DRAFT]");
    }

    @Test
    void managersAboveAndAdminsInviteReviewersOnceSubmittedUntilDecided() {
        for (Standing s : List.of(Standing.ABOVE, Standing.ADMIN)) {
            assertThat(refusal(Action.INVITE_REVIEWER, Set.of(s), Status.SUBMITTED)).isZero();
            assertThat(refusal(Action.INVITE_REVIEWER, Set.of(s), Status.IN_REVIEW)).isZero();
            assertThat(refusal(Action.INVITE_REVIEWER, Set.of(s), Status.DRAFT)).isEqualTo(409);
            assertThat(refusal(Action.INVITE_REVIEWER, Set.of(s), Status.DECIDED)).isEqualTo(409);
        }
        assertThat(refusal(Action.INVITE_REVIEWER, Set.of(Standing.PERSON), Status.SUBMITTED)).isEqualTo(403);
        assertThat(refusal(Action.INVITE_REVIEWER, Set.of(Standing.REVIEWER), Status.SUBMITTED)).isEqualTo(403);
        assertThat(CaseRules.check(Action.INVITE_REVIEWER, Set.of(Standing.PERSON), Status.SUBMITTED).orElseThrow()
                .reason()).isEqualTo("only a manager above the person or an admin invites reviewers");
        assertThat(CaseRules.afterInvitation(Status.SUBMITTED)).isEqualTo(Status.IN_REVIEW);
        assertThat(CaseRules.afterInvitation(Status.IN_REVIEW)).isEqualTo(Status.IN_REVIEW);
    }

    @Test
    void reviewersAndAdminsCommentInReview() {
        assertThat(refusal(Action.COMMENT, Set.of(Standing.REVIEWER), Status.IN_REVIEW)).isZero();
        assertThat(refusal(Action.COMMENT, Set.of(Standing.ADMIN), Status.IN_REVIEW)).isZero();
        assertThat(refusal(Action.COMMENT, Set.of(Standing.ABOVE), Status.IN_REVIEW)).isEqualTo(403);
        assertThat(refusal(Action.COMMENT, Set.of(Standing.PERSON), Status.IN_REVIEW)).isEqualTo(403);
        assertThat(refusal(Action.COMMENT, Set.of(Standing.REVIEWER), Status.SUBMITTED)).isEqualTo(409);
        assertThat(CaseRules.check(Action.COMMENT, Set.of(Standing.PERSON), Status.IN_REVIEW).orElseThrow().reason())
                .isEqualTo("only invited reviewers and admins comment");
    }

    @Test
    void aManagerAboveOrAnAdminDecidesInReviewButNeverThePerson() {
        assertThat(refusal(Action.DECIDE, Set.of(Standing.ABOVE), Status.IN_REVIEW)).isZero();
        assertThat(refusal(Action.DECIDE, Set.of(Standing.ADMIN), Status.IN_REVIEW)).isZero();
        assertThat(refusal(Action.DECIDE, Set.of(Standing.REVIEWER), Status.IN_REVIEW)).isEqualTo(403);
        // an admin deciding their own case is still the person
        assertThat(CaseRules.check(Action.DECIDE, Set.of(Standing.PERSON, Standing.ADMIN), Status.IN_REVIEW)
                .orElseThrow()).isEqualTo(new CaseRules.Refusal(403, "nobody decides their own promotion"));
        assertThat(CaseRules.check(Action.DECIDE, Set.of(Standing.PERSON), Status.IN_REVIEW).orElseThrow().reason())
                .isEqualTo("only a manager above the person or an admin decides");
        assertThat(refusal(Action.DECIDE, Set.of(Standing.ABOVE), Status.SUBMITTED)).isEqualTo(409);
        assertThat(CaseRules.check(Action.DECIDE, Set.of(Standing.ABOVE), Status.DECIDED).orElseThrow().reason())
                .isEqualTo("the case is decided and cannot change");
    }

    @Test
    void aDecidedCaseAllowsNothingAndTheScreenIsOfferedExactlyWhatIsAllowed() {
        assertThat(CaseRules.allowed(EnumSet.allOf(Standing.class), Status.DECIDED)).isEmpty();
        assertThat(CaseRules.allowed(Set.of(Standing.PERSON), Status.DRAFT))
                .containsExactlyInAnyOrder(Action.WRITE_PERSON_NARRATIVE, Action.REFRESH_SNAPSHOT, Action.SUBMIT);
        assertThat(CaseRules.allowed(Set.of(Standing.ABOVE, Standing.REVIEWER), Status.IN_REVIEW))
                .containsExactlyInAnyOrder(Action.INVITE_REVIEWER, Action.COMMENT, Action.DECIDE);
        assertThat(CaseRules.allowed(Set.of(), Status.DRAFT)).isEmpty();
    }

    @Test
    void decisionsNameTheirGapsWithinWhatTheTargetExpects() {
        Set<String> expected = Set.of("influence", "product-strategy");
        assertThat(CaseRules.decisionProblems(new CaseDtos.Decision(CaseDtos.Outcome.PROMOTED, "Ready", null), expected))
                .isEmpty();
        assertThat(CaseRules.decisionProblems(new CaseDtos.Decision(CaseDtos.Outcome.PROMOTED, "Ready", List.of()), expected))
                .isEmpty();
        assertThat(CaseRules.decisionProblems(new CaseDtos.Decision(CaseDtos.Outcome.PROMOTED, "Ready",
                List.of(new CaseDtos.Gap("influence", null))), expected))
                .containsExactly(new Problem.Violation("gaps", "a PROMOTED decision leaves no gaps to close"));
        assertThat(CaseRules.decisionProblems(new CaseDtos.Decision(CaseDtos.Outcome.NOT_YET, "Not yet", null), expected))
                .containsExactly(new Problem.Violation("gaps", "a NOT_YET decision names the gaps to close"));
        assertThat(CaseRules.decisionProblems(new CaseDtos.Decision(CaseDtos.Outcome.NOT_YET, "Not yet",
                List.of(new CaseDtos.Gap("influence", "lead the pricing review"))), expected)).isEmpty();
        assertThat(CaseRules.decisionProblems(new CaseDtos.Decision(CaseDtos.Outcome.NOT_YET, "Not yet", List.of(
                new CaseDtos.Gap("influence", null), new CaseDtos.Gap("astrology", null),
                new CaseDtos.Gap("influence", null))), expected))
                .containsExactly(
                        new Problem.Violation("gaps[1].competency",
                                "not a competency the target level expects; expected one of [influence, product-strategy]"),
                        new Problem.Violation("gaps[2].competency", "named twice"));
    }
}
