package dev.ascent.evidence.mapping;

import dev.ascent.testsupport.ShippedContent;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installations take the shipped mapping rules by revision (an upgraded database skips a revision it
 * has applied), so their content may only change with a new revision: this test records what each
 * revision contained and fails when the file says otherwise, naming the revision and hash to record.
 * Revision 1 was the list V2__default_mapping_rules.sql inserted.
 */
class ShippedRulesRevisionTest {

    static final String RESOURCE = "mapping-rules/default-rules.yaml";

    /** SHA-256 of each shipped revision's content (test-support ShippedContent). */
    static final Map<Integer, String> CONTENT = Map.of(
            2, "c3a6af9ca5ac6bd915ab093ef356c69d75ce49e8805dadf866ce08d6b6494eb7");

    @Test
    void theShippedContentIsWhatItsRevisionRecorded() {
        int revision = ShippedMappingRules.read().revision();
        String content = ShippedContent.hash(RESOURCE);
        assertThat(revision).as("revisions only grow").isEqualTo(Collections.max(CONTENT.keySet()));
        assertThat(content).as("%s changed without a new revision: raise its revision to %d and record %d -> %s in %s.CONTENT",
                        RESOURCE, revision + 1, revision + 1, content, getClass().getSimpleName())
                .isEqualTo(CONTENT.get(revision));
    }
}
