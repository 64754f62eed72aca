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
    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile(TAG_PATTERN);

    /** What bean validation would find wrong in the windows, named as it names fields, in order. */
    public List<Problem.Violation> violations() {
        List<Problem.Violation> violations = new ArrayList<>(0);
        for (int i = 0; i < windows.size(); i++) {
            Window window = windows.get(i);
            String at = "windows[" + i + "]";
            if (window == null) {
                violations.add(new Problem.Violation(at, "must not be null"));
                continue;
            }
            if (window.personId() == null) {
                violations.add(new Problem.Violation(at + ".personId", "must not be null"));
            }
            if (window.since() == null) {
                violations.add(new Problem.Violation(at + ".since", "must not be null"));
            }
            List<String> tags = window.tags();
            if (tags == null) {
                continue;
            }
            if (tags.size() > MAX_TAGS) {
                violations.add(new Problem.Violation(at + ".tags", "size must be between 0 and " + MAX_TAGS));
            }
            for (int j = 0; j < tags.size(); j++) {
                String tag = tags.get(j);
                if (tag == null) {
                    violations.add(new Problem.Violation(at + ".tags[" + j + "]", "must not be null"));
                } else if (!TAG.matcher(tag).matches()) {
                    violations.add(new Problem.Violation(at + ".tags[" + j + "]", TAG_MESSAGE));
                }
            }
        }
        return violations;
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
