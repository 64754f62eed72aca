package dev.ascent.evidence.directory;

import dev.ascent.evidence.EvidenceConfig;
import dev.ascent.kit.caller.Caller;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Who in the directory (assessment-service's people) has each email, so an event whose actor
 * email is a person's becomes their evidence without a hand-made identity link. Explicit links are
 * looked up first by ingestion and always win. One call per batch for the emails not cached;
 * answers, "nobody" included, are kept for {@code ascent.evidence.directory.cache-ttl}, so a burst
 * of events costs one call, and a person added to the directory is found within that time.
 *
 * <p>The call needs a gateway token to pass on: the generic batch API has the integration's;
 * webhooks carry only their tool's signature, so their events match by explicit links alone.
 */
@ApplicationScoped
public class PeopleDirectory {

    private record Entry(Optional<UUID> person, Instant expires) {
    }

    private final DirectoryLookup lookup;
    private final Caller caller;
    private final EvidenceConfig.Directory config;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Entry> cache = new ConcurrentHashMap<>();

    public PeopleDirectory(DirectoryLookup lookup, Caller caller, EvidenceConfig config) {
        this.lookup = lookup;
        this.caller = caller;
        this.config = config.directory();
    }

    /**
     * Whether the caller may log evidence for {@code personId}: it is theirs, the caller is an admin, or
     * someone above them in the reporting line (assessment-service's, asked each time: a suggestion is
     * rare and a line must not be stale). A 503 when the line cannot be read: nothing is logged on a guess.
     */
    public boolean mayLogFor(UUID actor, UUID personId) {
        if (actor.equals(personId) || caller.hasRole("admin")) {
            return true;
        }
        return lookup.managersOf(personId)
                .orElseThrow(() -> dev.ascent.kit.problem.ApiProblem.unavailable("assessment-service",
                        java.time.Duration.ofSeconds(10)))
                .contains(actor);
    }

    static String normalise(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** email (normalised) → person, for those the directory knows; unknown or unreachable ones are absent. */
    public Map<String, UUID> byEmail(Collection<String> emails) {
        Map<String, UUID> found = new HashMap<>();
        if (!config.enabled()) {
            return found;
        }
        Instant now = Instant.now(clock);
        Set<String> wanted = new LinkedHashSet<>();
        for (String email : emails) {
            if (email == null || email.isBlank()) {
                continue;
            }
            String normalised = normalise(email);
            Entry cached = cache.get(normalised);
            if (cached != null && cached.expires().isAfter(now)) {
                cached.person().ifPresent(p -> found.put(normalised, p));
            } else {
                wanted.add(normalised);
            }
        }
        if (wanted.isEmpty() || caller.identity().isEmpty()) {
            return found;
        }
        List<String> asked = new ArrayList<>(wanted);
        lookup.byEmail(asked).ifPresent(answer -> {
            if (cache.size() + asked.size() > config.cacheSize()) {
                cache.clear(); // bounded memory; the next batches refill it
            }
            Instant expires = now.plus(config.cacheTtl());
            for (String email : asked) {
                UUID person = answer.get(email);
                cache.put(email, new Entry(Optional.ofNullable(person), expires));
                if (person != null) {
                    found.put(email, person);
                }
            }
        });
        return found;
    }
}
