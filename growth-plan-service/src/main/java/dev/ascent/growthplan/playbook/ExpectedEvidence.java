package dev.ascent.growthplan.playbook;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Evidence an action should produce: {@code count} items of {@code kind} supporting {@code competency}.
 * When {@code tag} is given (for example {@code spec-review}), only evidence whose title, summary or
 * links carry that tag as a whole word counts: closing any ticket does not complete "get a spec
 * reviewed". Without a tag, any evidence of the kind and competency counts.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExpectedEvidence(String kind, String competency, Integer count, String tag) {

    /** Evidence without a tag: any item of the kind and competency matches. */
    public ExpectedEvidence(String kind, String competency, Integer count) {
        this(kind, competency, count, null);
    }
}
