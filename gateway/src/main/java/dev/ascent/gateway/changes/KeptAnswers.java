package dev.ascent.gateway.changes;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ascent.gateway.GatewayConfig;
import jakarta.inject.Singleton;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Answers about one person (their overview, their readiness) kept until something of theirs changes, as
 * {@link PeopleChanges} hears it, or the day ends (readiness weighs evidence by its age in days). An answer
 * is kept only when no change to its person was heard between the start of its reading and its storing,
 * and only while changes are heard at all; so what is served is what the services would answer now.
 */
@Singleton
public class KeptAnswers implements PeopleChanges.Listener {

    /** The most answers kept per person: query spellings beyond it are computed every time, never pile up. */
    static final int PER_PERSON = 8;

    /** What is sent back: the body and its media type. */
    public record Answer(String mediaType, byte[] body) {
    }

    private record Kept(LocalDate day, Answer answer) {
    }

    private final PeopleChanges changes;
    private final Cache<UUID, Map<String, Kept>> kept;
    private final Clock clock;

    @Inject
    public KeptAnswers(PeopleChanges changes, GatewayConfig config) {
        this(changes, config.keptAnswers().maxSize().asLongValue(), config.keptAnswers().maxAge(), Clock.systemUTC());
    }

    KeptAnswers(PeopleChanges changes, long maxBytes, java.time.Duration maxAge, Clock clock) {
        this.changes = changes;
        this.clock = clock;
        this.kept = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((UUID person, Map<String, Kept> answers) -> answers.values().stream()
                        .mapToInt(k -> 64 + k.answer().body().length).sum())
                .expireAfterWrite(maxAge)
                .build();
        changes.addListener(this);
    }

    /** {@code person}'s answer to {@code question} if one is kept and still true today. */
    public Optional<Answer> get(UUID person, String question) {
        if (!changes.listening()) {
            return Optional.empty();
        }
        Map<String, Kept> answers = kept.getIfPresent(person);
        Kept found = answers == null ? null : answers.get(question);
        return found != null && found.day().equals(LocalDate.now(clock)) ? Optional.of(found.answer()) : Optional.empty();
    }

    /**
     * Keeps {@code answer}, read since {@code mark}, unless a change to {@code person} was heard since; checked
     * again once stored, since a change heard in between may have dropped the person's answers before this
     * one went in.
     */
    public void keep(UUID person, String question, Answer answer, PeopleChanges.Mark mark) {
        if (!changes.unchangedSince(person, mark)) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        kept.asMap().compute(person, (id, answers) -> {
            if (answers != null && !answers.containsKey(question) && answers.size() >= PER_PERSON) {
                return answers;
            }
            Map<String, Kept> next = answers == null ? new HashMap<>() : new HashMap<>(answers);
            next.put(question, new Kept(today, answer));
            return Map.copyOf(next);
        });
        if (!changes.unchangedSince(person, mark)) {
            kept.invalidate(person);
        }
    }

    /** How many people have answers kept (after {@link #cleanUp()}, exactly). */
    long size() {
        return kept.estimatedSize();
    }

    /** Evicts what the size and age bounds say must go now rather than on the next use. */
    void cleanUp() {
        kept.cleanUp();
    }

    @Override
    public void changed(UUID person) {
        kept.invalidate(person);
    }

    @Override
    public void everyoneChanged() {
        kept.invalidateAll();
    }
}
