package dev.ascent.assessment.promotion;

import dev.ascent.kit.problem.Problem;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Who may do what to a promotion case, and when: the one policy every case operation asks.
 *
 * <p>A caller's standing in a case is a set of {@link Standing}s: the person it is about, someone
 * above them in the reporting line, an invited reviewer, an admin. Nobody else sees the case at all
 * (the service answers 404, so a case's existence is not disclosed). Then:
 * <ul>
 *   <li>the person writes the person's narrative; a manager above writes the manager's (whoever wrote
 *       it first owns it: nobody edits another's narrative), both while the case is a draft;</li>
 *   <li>the person or a manager above refreshes the snapshot and submits, while it is a draft;</li>
 *   <li>a manager above or an admin invites reviewers once it is submitted, until it is decided;</li>
 *   <li>invited reviewers and admins comment while it is in review; a comment is its author's alone;</li>
 *   <li>a manager above or an admin, never the person, decides a case in review;</li>
 *   <li>a decided case changes no more.</li>
 * </ul>
 * Pure: no I/O; mutation-tested.
 */
public final class CaseRules {

    public enum Standing { PERSON, ABOVE, REVIEWER, ADMIN }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PromotionCaseStatus")
    public enum Status { DRAFT, SUBMITTED, IN_REVIEW, DECIDED }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PromotionCaseAction")
    public enum Action {
        READ, WRITE_PERSON_NARRATIVE, WRITE_MANAGER_NARRATIVE, REFRESH_SNAPSHOT, SUBMIT, INVITE_REVIEWER, COMMENT,
        DECIDE
    }

    /** Why an action is refused: {@code status} 404 (the case is not the caller's to see), 403 or 409. */
    public record Refusal(int status, String reason) {
    }

    private CaseRules() {
    }

    public static boolean visible(Set<Standing> standing) {
        return !standing.isEmpty();
    }

    /** Empty when the caller may do it now; otherwise why not. */
    public static Optional<Refusal> check(Action action, Set<Standing> standing, Status status) {
        if (!visible(standing)) {
            return Optional.of(new Refusal(404, "no promotion case has this id"));
        }
        if (action == Action.READ) {
            return Optional.empty();
        }
        if (!who(action).stream().anyMatch(standing::contains)) {
            return Optional.of(new Refusal(403, whoText(action)));
        }
        if (action == Action.DECIDE && standing.contains(Standing.PERSON)) {
            return Optional.of(new Refusal(403, "nobody decides their own promotion"));
        }
        if (!when(action).contains(status)) {
            return Optional.of(new Refusal(409, status == Status.DECIDED ? "the case is decided and cannot change"
                    : "not while the case is " + status + "; only when it is " + when(action)));
        }
        return Optional.empty();
    }

    /** The standings that may take the action. */
    static Set<Standing> who(Action action) {
        return switch (action) {
            case READ -> EnumSet.allOf(Standing.class);
            case WRITE_PERSON_NARRATIVE -> EnumSet.of(Standing.PERSON);
            case WRITE_MANAGER_NARRATIVE -> EnumSet.of(Standing.ABOVE);
            case REFRESH_SNAPSHOT, SUBMIT -> EnumSet.of(Standing.PERSON, Standing.ABOVE);
            case INVITE_REVIEWER, DECIDE -> EnumSet.of(Standing.ABOVE, Standing.ADMIN);
            case COMMENT -> EnumSet.of(Standing.REVIEWER, Standing.ADMIN);
        };
    }

    /** The statuses in which the action may be taken. */
    static Set<Status> when(Action action) {
        return switch (action) {
            case READ -> EnumSet.allOf(Status.class);
            case WRITE_PERSON_NARRATIVE, WRITE_MANAGER_NARRATIVE, REFRESH_SNAPSHOT, SUBMIT -> EnumSet.of(Status.DRAFT);
            case INVITE_REVIEWER -> EnumSet.of(Status.SUBMITTED, Status.IN_REVIEW);
            case COMMENT, DECIDE -> EnumSet.of(Status.IN_REVIEW);
        };
    }

    private static String whoText(Action action) {
        return switch (action) {
            case READ -> "";
            case WRITE_PERSON_NARRATIVE -> "only the person writes their own narrative";
            case WRITE_MANAGER_NARRATIVE -> "only a manager above the person writes the manager's narrative";
            case REFRESH_SNAPSHOT, SUBMIT -> "only the person or a manager above them may do this";
            case INVITE_REVIEWER -> "only a manager above the person or an admin invites reviewers";
            case COMMENT -> "only invited reviewers and admins comment";
            case DECIDE -> "only a manager above the person or an admin decides";
        };
    }

    /** The actions the caller may take now, for the screen to offer (READ left out: it is implied). */
    public static Set<Action> allowed(Set<Standing> standing, Status status) {
        Set<Action> allowed = EnumSet.noneOf(Action.class);
        for (Action action : Action.values()) {
            if (action != Action.READ && check(action, standing, status).isEmpty()) {
                allowed.add(action);
            }
        }
        return allowed;
    }

    /**
     * What is wrong with a decision, field by field: NOT_YET names at least one gap, PROMOTED none, and
     * every gap is a competency the snapshot expects, named once.
     */
    public static List<Problem.Violation> decisionProblems(CaseDtos.Decision decision, Set<String> expected) {
        List<Problem.Violation> problems = new ArrayList<>();
        List<CaseDtos.Gap> gaps = decision.gaps() == null ? List.of() : decision.gaps();
        if (decision.outcome() == CaseDtos.Outcome.NOT_YET && gaps.isEmpty()) {
            problems.add(new Problem.Violation("gaps", "a NOT_YET decision names the gaps to close"));
        }
        if (decision.outcome() == CaseDtos.Outcome.PROMOTED && !gaps.isEmpty()) {
            problems.add(new Problem.Violation("gaps", "a PROMOTED decision leaves no gaps to close"));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < gaps.size(); i++) {
            String code = gaps.get(i).competency();
            if (!expected.contains(code)) {
                problems.add(new Problem.Violation("gaps[" + i + "].competency",
                        "not a competency the target level expects; expected one of " + new TreeSet<>(expected)));
            } else if (!seen.add(code)) {
                problems.add(new Problem.Violation("gaps[" + i + "].competency", "named twice"));
            }
        }
        return problems;
    }

    /** Where a submitted case goes when its first reviewer is invited. */
    public static Status afterInvitation(Status status) {
        return status == Status.SUBMITTED ? Status.IN_REVIEW : status;
    }
}
