package dev.ascent.assessment.principles;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ascent.assessment.framework.DefaultFrameworkLoader;
import dev.ascent.assessment.framework.FrameworkDocument;
import dev.ascent.testsupport.SeedText;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The framework's text is ours: no sentence of it (its name, level and competency names,
 * descriptions, behaviours) shares a run of {@value SeedText#RUN} words with the career principles
 * the product models (shared/seed). Each text is checked on its own, so a run never spans two fields.
 */
class FrameworkOwnWordsTest {

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    /** Every text of {@code document} a person reads, by where it is. */
    static Map<String, String> texts(FrameworkDocument document) {
        Map<String, String> texts = new LinkedHashMap<>();
        texts.put("name", document.name());
        for (FrameworkDocument.Level level : document.levels()) {
            texts.put("levels." + level.code() + ".name", level.name());
        }
        for (FrameworkDocument.Competency c : document.competencies()) {
            texts.put("competencies." + c.code() + ".name", c.name());
            texts.put("competencies." + c.code() + ".description", c.description());
            c.behaviours().forEach((proficiency, behaviours) -> {
                for (int i = 0; i < behaviours.size(); i++) {
                    texts.put("competencies." + c.code() + ".behaviours." + proficiency + "[" + i + "]", behaviours.get(i));
                }
            });
        }
        return texts;
    }

    /** The places whose text shares a run with the seed, with the runs they share. */
    static List<String> copied(FrameworkDocument document, SeedText seed) {
        List<String> copied = new ArrayList<>();
        texts(document).forEach((place, text) -> {
            List<String> runs = seed.sharedRuns(text);
            if (!runs.isEmpty()) {
                copied.add(place + ": " + runs);
            }
        });
        return copied;
    }

    @Test
    @DisplayName("no text of the shipped framework shares seven words in a row with the seed")
    void theShippedFrameworkIsInOurOwnWords() {
        FrameworkDocument shipped = DefaultFrameworkLoader.readDefault();
        assertThat(texts(shipped)).hasSizeGreaterThan(16 * 7);
        assertThat(copied(shipped, SeedText.load())).isEmpty();
    }

    @Test
    @DisplayName("the check names the place of a copied sentence, whatever its case and punctuation")
    void theCheckCatchesACopiedBehaviour() {
        FrameworkDocument shipped = DefaultFrameworkLoader.readDefault();
        ObjectNode tree = JSON.valueToTree(shipped);
        ((ArrayNode) tree.at("/competencies/0/behaviours/3"))
                .set(0, "Ships on time. EXECUTION skills are table-stakes; the leap to leadership takes more.");
        FrameworkDocument doctored = JSON.convertValue(tree, FrameworkDocument.class);
        String code = shipped.competencies().getFirst().code();

        assertThat(copied(doctored, SeedText.load())).singleElement().asString()
                .startsWith("competencies." + code + ".behaviours.3[0]: ")
                .contains("execution skills are table stakes the leap", "are table stakes the leap to leadership");
        // six words in a row are allowed
        assertThat(SeedText.of("execution skills are table stakes the leap to leadership")
                .sharedRuns("skills are table stakes the leap")).isEmpty();
    }
}
