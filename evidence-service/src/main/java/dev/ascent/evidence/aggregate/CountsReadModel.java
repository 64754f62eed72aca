package dev.ascent.evidence.aggregate;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Evidence counts as a read model: each window's last answer, kept with the version of the person's
 * counted evidence it was computed at (V8, V9: database triggers move it whenever a counted item
 * appears, goes or changes anything a count reads). A window has no end date, so an answer stays
 * true until that version moves. Readers take the versions before they count, so a write racing a
 * count only makes the next read count again. Team reports ask for the same windows over and over
 * (the last 90 days; each plan since its start, with its tags), and only the people whose evidence
 * changed are counted again.
 */
final class CountsReadModel {

    /** A window as asked, tags in a canonical order so that equal questions share an answer. */
    record Window(UUID personId, LocalDate since, List<String> tags) {

        static Window of(CountsRequest.Window asked) {
            return new Window(asked.personId(), asked.since(), asked.tagsOrNone().stream().distinct().sorted().toList());
        }
    }

    private record Answer(long version, List<CountsResponse.Count> counts) {
    }

    private final Cache<Window, Answer> answers;

    CountsReadModel(long maximumWindows) {
        this.answers = Caffeine.newBuilder().maximumSize(maximumWindows).build();
    }

    /** The window's counts if they were counted at this version of the person's evidence; else null. */
    List<CountsResponse.Count> current(Window window, long version) {
        Answer known = answers.getIfPresent(window);
        return known != null && known.version() == version ? known.counts() : null;
    }

    void remember(Window window, long version, List<CountsResponse.Count> counts) {
        answers.put(window, new Answer(version, List.copyOf(counts)));
    }
}
