package dev.ascent.assessment.people;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The reporting tree as of one directory version, for team answers: who reports to whom, with what a
 * team report and bulk readiness read of each person. Immutable; walking a 10,000-person team is a
 * matter of milliseconds where the same walk in SQL was two of a report's costliest statements.
 */
public final class OrgChart {

    /** A person as team answers read them; {@code founderLed} is their own setting (null: none). */
    public record Person(UUID id, String name, String email, String level, String targetLevel, UUID managerId,
                         Boolean founderLed, Instant createdAt) {
    }

    /**
     * Someone in a team: how far below its manager, and the founder-led setting they inherit (their own,
     * else their nearest manager's with one, the team's manager and those above included; null: none, so
     * the organisation's applies).
     */
    public record Member(Person person, int depth, Boolean inheritedFounderLed) {
    }

    /** Deepest reporting tree walked; a guard, far beyond any real organisation (as PersonRepository's). */
    public static final int MAX_DEPTH = 64;

    private static final Comparator<Member> CREATION_ORDER = Comparator
            .comparing((Member m) -> m.person().createdAt()).thenComparing(m -> m.person().id());

    private final long version;
    private final Map<UUID, Person> byId;
    private final Map<UUID, List<Person>> reportsOf;

    public OrgChart(long version, Collection<Person> people) {
        this.version = version;
        this.byId = new HashMap<>();
        this.reportsOf = new HashMap<>();
        for (Person p : people) {
            byId.put(p.id(), p);
            // Those without a manager go under the null key, which no walk asks for.
            reportsOf.computeIfAbsent(p.managerId(), k -> new ArrayList<>()).add(p);
        }
    }

    /** The directory version these people were read at. */
    public long version() {
        return version;
    }

    public boolean contains(UUID id) {
        return byId.containsKey(id);
    }

    /**
     * Everyone below {@code managerId} down to {@code maxDepth} levels (1: direct reports; at most
     * {@link #MAX_DEPTH}), in creation order (then id), as {@code PersonRepository.reports} lists them;
     * empty for someone unknown. Nobody is visited twice, so a cycle in the data cannot loop.
     */
    public List<Member> team(UUID managerId, int maxDepth) {
        List<Member> members = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        seen.add(managerId);
        List<Member> level = List.of(new Member(byId.get(managerId), 0, inheritedBy(managerId)));
        for (int depth = 1; depth <= Math.min(maxDepth, MAX_DEPTH); depth++) {
            List<Member> next = new ArrayList<>();
            for (Member above : level) {
                for (Person p : reportsOf.getOrDefault(above.person() == null ? managerId : above.person().id(), List.of())) {
                    if (seen.add(p.id())) {
                        next.add(new Member(p, depth, p.founderLed() != null ? p.founderLed() : above.inheritedFounderLed()));
                    }
                }
            }
            members.addAll(next);
            level = next;
        }
        members.sort(CREATION_ORDER);
        return members;
    }

    /**
     * The setting someone has or inherits: their own, else the nearest one above them, at most
     * {@link #MAX_DEPTH} links up (which also ends a cycle in the data); null when nobody's applies.
     */
    Boolean inheritedBy(UUID id) {
        Person p = byId.get(id);
        for (int links = 0; p != null && links <= MAX_DEPTH; links++) {
            if (p.founderLed() != null) {
                return p.founderLed();
            }
            p = byId.get(p.managerId()); // null for someone without a manager
        }
        return null;
    }
}
