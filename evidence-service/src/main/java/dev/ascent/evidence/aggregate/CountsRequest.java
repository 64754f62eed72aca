package dev.ascent.evidence.aggregate;

import dev.ascent.kit.problem.Problem;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Windows of evidence to count. Only the list itself is checked by bean validation: each window's
 * constraints are checked by {@link #violations()}, because cascading the validator over a team
 * report's 10,000 windows took a third of this service's time per report. The annotations on
 * {@link Window} stay as its documented contract, and {@code violations} checks exactly them.
 */
public record CountsRequest(@NotEmpty List<Window> windows) {

    static final String TAG_PATTERN = "[a-z0-9][a-z0-9-]{1,39}";
    static final String TAG_MESSAGE = "use 2-40 lower-case letters, digits and dashes";
    static final int MAX_TAGS = 200;
    /** What bean validation would find wrong in the windows, named as it names fields, in order. */
    public List<Problem.Violation> violations() {
        List<Problem.Violation> violations = new ArrayList<>(0);
        for (int i = 0; i < windows.size(); i++) {
            Window window = windows.get(i);
            if (window == null) {
                violations.add(new Problem.Violation(at(i, ""), "must not be null"));
                continue;
            }
            if (window.personId() == null) {
                violations.add(new Problem.Violation(at(i, ".personId"), "must not be null"));
            }
            if (window.since() == null) {
                violations.add(new Problem.Violation(at(i, ".since"), "must not be null"));
            }
            List<String> tags = window.tags();
            if (tags == null) {
                continue;
            }
            if (tags.size() > MAX_TAGS) {
                violations.add(new Problem.Violation(at(i, ".tags"), "size must be between 0 and " + MAX_TAGS));
            }
            for (int j = 0; j < tags.size(); j++) {
                String tag = tags.get(j);
                if (tag == null) {
                    violations.add(new Problem.Violation(at(i, ".tags[" + j + "]"), "must not be null"));
                } else if (!isTag(tag)) {
                    violations.add(new Problem.Violation(at(i, ".tags[" + j + "]"), TAG_MESSAGE));
                }
            }
        }
        return violations;
    }

    private static String at(int window, String field) {
        return "windows[" + window + "]" + field;
    }

    /**
     * {@link #TAG_PATTERN} by hand: a plan's status asks about 30,000 tags, and matching each with the
     * regular expression was most of this check's time.
     */
    static boolean isTag(String tag) {
        int length = tag.length();
        if (length < 2 || length > 40 || !lowerLetterOrDigit(tag.charAt(0))) {
            return false;
        }
        for (int i = 1; i < length; i++) {
            char c = tag.charAt(i);
            if (!lowerLetterOrDigit(c) && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean lowerLetterOrDigit(char c) {
        return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    }

    /**
     * Evidence of this person dated on or after {@code since}. For each of {@code tags} (optional, at
     * most 200) the answer also counts the items that carry the tag as a whole word, case-insensitive,
     * in their title, summary or links.
     */
    public record Window(@NotNull UUID personId, @NotNull LocalDate since,
                         @Size(max = MAX_TAGS) List<@NotNull @Pattern(regexp = TAG_PATTERN, message = TAG_MESSAGE)
                                 String> tags) {

        public Window(UUID personId, LocalDate since) {
            this(personId, since, null);
        }

        public List<String> tagsOrNone() {
            return tags == null ? List.of() : tags;
        }
    }
}
