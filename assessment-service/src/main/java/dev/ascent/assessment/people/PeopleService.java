package dev.ascent.assessment.people;

import dev.ascent.assessment.paging.KeysetCursor;
import dev.ascent.assessment.paging.Page;
import dev.ascent.assessment.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PeopleService {

    private final PersonRepository people;

    public PeopleService(PersonRepository people) {
        this.people = people;
    }

    @Transactional
    public PersonResponse create(PersonRequest request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        if (!CareerLevels.known(request.level())) {
            throw ApiProblem.invalidField("level", "unknown level; expected one of " + CareerLevels.DEFAULT_LADDER);
        }
        if (request.targetLevel() != null && !CareerLevels.known(request.targetLevel())) {
            throw ApiProblem.invalidField("targetLevel", "unknown level; expected one of " + CareerLevels.DEFAULT_LADDER);
        }
        if (request.managerId() != null && people.findById(request.managerId()) == null) {
            throw ApiProblem.invalidField("managerId", "no person has this id");
        }
        if (people.emailTaken(email)) {
            throw ApiProblem.conflict("email-taken", "A person with this email already exists", "email");
        }
        Person person = new Person();
        person.id = UUID.randomUUID();
        person.name = request.name().trim();
        person.email = email;
        person.level = request.level();
        person.targetLevel = request.targetLevel();
        person.managerId = request.managerId();
        // Microsecond precision: what PostgreSQL keeps, so cursors built from responses match rows.
        person.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        person.updatedAt = person.createdAt;
        people.persistAndFlush(person);
        return PersonResponse.of(person);
    }

    public Optional<PersonResponse> find(UUID id) {
        return people.findByIdOptional(id).map(PersonResponse::of);
    }

    public Page<PersonResponse> list(String cursor, int limit) {
        KeysetCursor after = cursor == null || cursor.isBlank() ? null : KeysetCursor.decode(cursor);
        // Read one extra row to learn whether another page follows, without a count query.
        List<Person> rows = people.page(after, limit + 1);
        boolean more = rows.size() > limit;
        List<Person> page = more ? rows.subList(0, limit) : rows;
        String next = more ? new KeysetCursor(page.getLast().createdAt, page.getLast().id).encode() : null;
        return new Page<>(page.stream().map(PersonResponse::of).toList(), next);
    }
}
