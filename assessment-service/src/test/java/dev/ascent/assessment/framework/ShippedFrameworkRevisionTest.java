package dev.ascent.assessment.framework;

import dev.ascent.testsupport.ShippedContent;
import org.junit.jupiter.api.Test;

import java.util.Collections;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Installations adopt the shipped framework by its revision, so its content may only change with a
 * new revision: this test records what each revision contained and fails when the file says
 * otherwise, naming the revision and hash to record.
 */
class ShippedFrameworkRevisionTest {

    /** SHA-256 of each shipped revision's content: the YAML's data with keys sorted, without comments or revision. */
    static final Map<Integer, String> CONTENT = Map.of(
            1, "8d320b94631b9226aa95561a384207bae56aad8b4b5a51665c0159f1e9189af5",
            2, "c3ddcca5fac44a1c1514725b4c28d211f02a28e228b6d28e41ffd5f392baafe3");

    @Test
    void theShippedContentIsWhatItsRevisionRecorded() {
        int revision = DefaultFrameworkLoader.readShipped().revision();
        String content = contentHash(DefaultFrameworkLoader.RESOURCE);
        assertThat(revision).as("revisions only grow").isEqualTo(Collections.max(CONTENT.keySet()));
        assertThat(content).as("frameworks/default-pm.yaml changed without a new revision: raise its revision to %d and "
                        + "record %d -> %s in %s.CONTENT", revision + 1, revision + 1, content, getClass().getSimpleName())
                .isEqualTo(CONTENT.get(revision));
    }

    @Test
    void revisionOneIsTheFrameworkShippedBefore() {
        assertThat(contentHash("frameworks/default-pm-revision-1.yaml")).isEqualTo(CONTENT.get(1));
    }

    static String contentHash(String resource) {
        return ShippedContent.hash(resource);
    }
}
