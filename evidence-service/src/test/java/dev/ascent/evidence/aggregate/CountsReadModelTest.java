package dev.ascent.evidence.aggregate;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class CountsReadModelTest {

    private final UUID ada = UUID.randomUUID();
    private final LocalDate since = LocalDate.of(2026, 9, 1);
    private final List<CountsResponse.Count> counted = List.of(
            new CountsResponse.Count(ada, "DELIVERY", "execution-delivery", null, 3),
            new CountsResponse.Count(ada, "DELIVERY", "execution-delivery", "spec-review", 1));

    private CountsReadModel.Window window(UUID person, LocalDate from, List<String> tags) {
        return CountsReadModel.Window.of(new CountsRequest.Window(person, from, tags));
    }

    @Test
    void answersOnlyAtTheVersionItWasCountedAt() {
        CountsReadModel model = new CountsReadModel(10);
        CountsReadModel.Window window = window(ada, since, List.of("spec-review"));
        assertThat(model.current(window, 7)).as("never counted").isNull();

        model.remember(window, 7, counted);
        assertThat(model.current(window, 7)).isEqualTo(counted);
        assertThat(model.current(window, 8)).as("the person's evidence moved on").isNull();
        assertThat(model.current(window, 6)).isNull();

        model.remember(window, 8, List.of());
        assertThat(model.current(window, 8)).isEmpty();
        assertThat(model.current(window, 7)).as("replaced, not kept beside").isNull();
    }

    @Test
    void aWindowIsThePersonItsFirstDayAndItsTagsInAnyOrder() {
        CountsReadModel model = new CountsReadModel(10);
        model.remember(window(ada, since, List.of("spec-review", "launch-note")), 1, counted);

        assertThat(model.current(window(ada, since, List.of("launch-note", "spec-review", "launch-note")), 1))
                .isEqualTo(counted);
        assertThat(model.current(window(ada, since, List.of("spec-review")), 1)).isNull();
        assertThat(model.current(window(ada, since, null), 1)).isNull();
        assertThat(model.current(window(ada, since.plusDays(1), List.of("spec-review", "launch-note")), 1)).isNull();
        assertThat(model.current(window(UUID.randomUUID(), since, List.of("spec-review", "launch-note")), 1)).isNull();
    }

    @Test
    void keepsACopyOfWhatItWasGiven() {
        CountsReadModel model = new CountsReadModel(10);
        List<CountsResponse.Count> given = new ArrayList<>(counted);
        CountsReadModel.Window window = window(ada, since, List.of());
        model.remember(window, 1, given);
        given.clear();

        assertThat(model.current(window, 1)).isEqualTo(counted);
    }
}
