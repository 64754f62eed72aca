package dev.ascent.growthplan.playbook;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.testsupport.ShippedContent;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped playbook is versioned data: installations adopt a revision once, so its content must
 * not change without a new revision (which they would then never see).
 */
class ShippedPlaybookRevisionTest {

    static final String RESOURCE = "playbook/default-playbook.yaml";

    /** SHA-256 of each shipped revision's content: the YAML's data with keys sorted, without comments or revision. */
    static final Map<Integer, String> CONTENT = Map.of(
            1, "43b7b99256fb8770864d0f1a5331fc34af9c38f0913c66c213965851f5a0f1b7",
            2, "46bddceeeb94f8e8040a8ac9ab3587147d7c3988bae1e3bf17adfcc8c94fa714");

    @Test
    void theShippedContentIsWhatItsRevisionRecorded() {
        int revision = new PlaybookFormats(new ObjectMapper().findAndRegisterModules()).readShipped(RESOURCE).revision();
        String content = contentHash(RESOURCE);
        assertThat(revision).as("revisions only grow").isEqualTo(Collections.max(CONTENT.keySet()));
        assertThat(content).as("%s changed without a new revision: raise its revision to %d and record %d -> %s in %s.CONTENT",
                        RESOURCE, revision + 1, revision + 1, content, getClass().getSimpleName())
                .isEqualTo(CONTENT.get(revision));
    }

    @Test
    void revisionOneIsThePlaybookShippedBefore() {
        assertThat(contentHash("playbook/default-playbook-revision-1.yaml")).isEqualTo(CONTENT.get(1));
    }

    static String contentHash(String resource) {
        return ShippedContent.hash(resource);
    }
}
