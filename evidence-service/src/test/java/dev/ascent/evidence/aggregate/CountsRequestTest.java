package dev.ascent.evidence.aggregate;

import dev.ascent.kit.problem.Problem;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.hibernate.validator.messageinterpolation.ParameterMessageInterpolator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** The windows are checked by hand, so the hand must find exactly what bean validation of their annotations finds. */
class CountsRequestTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.byDefaultProvider().configure()
                .messageInterpolator(new ParameterMessageInterpolator()).buildValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    @Test
    void findsWhatBeanValidationOfTheWindowsFinds() {
        UUID ada = UUID.randomUUID();
        LocalDate since = LocalDate.parse("2026-09-01");
        List<String> tooMany = IntStream.rangeClosed(0, CountsRequest.MAX_TAGS).mapToObj(i -> "tag-" + i).toList();
        List<CountsRequest.Window> windows = Arrays.asList(
                new CountsRequest.Window(ada, since),
                new CountsRequest.Window(null, since),
                new CountsRequest.Window(ada, null, List.of("spec-review", "Spec Review", "x")),
                new CountsRequest.Window(null, null, Arrays.asList("ok-tag", null)),
                null,
                new CountsRequest.Window(ada, since, tooMany),
                new CountsRequest.Window(ada, since, Collections.nCopies(CountsRequest.MAX_TAGS, "fine")),
                new CountsRequest.Window(ada, since, List.of("a1", "a".repeat(40), "a".repeat(41), "-dash", "9-lives")));

        List<Problem.Violation> expected = new ArrayList<>();
        for (int i = 0; i < windows.size(); i++) {
            if (windows.get(i) == null) {
                expected.add(new Problem.Violation("windows[" + i + "]", "must not be null"));
                continue;
            }
            for (ConstraintViolation<CountsRequest.Window> v : validator.validate(windows.get(i))) {
                String path = v.getPropertyPath().toString().replace(".<list element>", "");
                expected.add(new Problem.Violation("windows[" + i + "]." + path, v.getMessage()));
            }
        }

        List<Problem.Violation> found = new CountsRequest(windows).violations();

        assertThat(expected).as("the cases break every rule").extracting(Problem.Violation::field)
                .contains("windows[1].personId", "windows[2].since", "windows[2].tags[1]", "windows[2].tags[2]",
                        "windows[3].tags[1]", "windows[4]", "windows[5].tags", "windows[7].tags[2]", "windows[7].tags[3]");
        assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(new CountsRequest(List.of(new CountsRequest.Window(ada, since, List.of("okr")))).violations()).isEmpty();
    }

    @Test
    void aTagIsCheckedAsItsPatternChecksIt() {
        java.util.regex.Pattern pattern = java.util.regex.Pattern.compile(CountsRequest.TAG_PATTERN);
        String alphabet = "az09-_AZé ";
        java.util.Random random = new java.util.Random(18);
        List<String> tags = new ArrayList<>(List.of("", "a", "ab", "a-", "-a", "0-", "a".repeat(40), "a".repeat(41)));
        for (int i = 0; i < 20_000; i++) {
            StringBuilder tag = new StringBuilder();
            int length = random.nextInt(44);
            for (int j = 0; j < length; j++) {
                tag.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            tags.add(tag.toString());
        }
        long valid = tags.stream().filter(tag -> pattern.matcher(tag).matches()).count();
        assertThat(valid).as("both kinds are tried").isBetween(10L, tags.size() - 10L);
        for (String tag : tags) {
            assertThat(CountsRequest.isTag(tag)).as(tag).isEqualTo(pattern.matcher(tag).matches());
        }
    }
}
