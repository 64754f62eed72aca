package dev.ascent.assessment.people;

import dev.ascent.assessment.framework.Framework;
import dev.ascent.assessment.framework.FrameworkService;
import dev.ascent.assessment.organisation.FounderLed;
import dev.ascent.assessment.organisation.OrganisationService;
import dev.ascent.kit.paging.KeysetCursor;
import dev.ascent.kit.paging.Page;
import dev.ascent.kit.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class PeopleService {

    private final PersonRepository people;
    private final FrameworkService frameworks;
    private final OrganisationService organisation;
    private final dev.ascent.assessment.AssessmentConfig config;
    private final OrgChartReadModel charts;

    public PeopleService(PersonRepository people, FrameworkService frameworks, OrganisationService organisation,
                         dev.ascent.assessment.AssessmentConfig config, OrgChartReadModel charts) {
        this.charts = charts;
        this.people = people;
        this.frameworks = frameworks;
        this.organisation = organisation;
        this.config = config;
    }

    @Transactional
    public PersonResponse create(PersonRequest request) {
        String email = request.email().trim().toLowerCase(Locale.ROOT);
        checkLevels(request.level(), request.targetLevel());
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
        person.founderLed = request.founderLed();
        // Microsecond precision: what PostgreSQL keeps, so cursors built from responses match rows.
        person.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        person.updatedAt = person.createdAt;
        people.persistAndFlush(person);
        return respond(person);
    }

    @Transactional
    public PersonResponse update(UUID id, PersonUpdate update) {
        Person person = people.findByIdOptional(id).orElseThrow(() -> ApiProblem.notFound("Person", id));
        checkLevels(update.level(), update.targetLevel());
        if (update.managerId() != null && !update.managerId().equals(person.managerId)) {
            if (update.managerId().equals(id)) {
                throw ApiProblem.invalidField("managerId", "a person cannot manage themselves");
            }
            if (people.findById(update.managerId()) == null) {
                throw ApiProblem.invalidField("managerId", "no person has this id");
            }
            // The new manager must not report to this person, directly or not: that would close a loop.
            if (people.isAbove(id, update.managerId())) {
                throw new ApiProblem(409, "reporting-cycle", "Reporting cycle",
                        "The new manager reports to this person; reporting lines cannot loop",
                        List.of(new dev.ascent.kit.problem.Problem.Violation("managerId",
                                "reports to this person, directly or indirectly")));
            }
        }
        person.name = update.name().trim();
        person.level = update.level();
        person.targetLevel = update.targetLevel();
        person.managerId = update.managerId();
        person.founderLed = update.founderLed();
        person.updatedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        people.flush();
        return respond(person);
    }

    public Optional<PersonResponse> findByEmail(String email) {
        return people.find("email", email.trim().toLowerCase(Locale.ROOT)).firstResultOptional().map(this::respond);
    }

    /** Who has each email, in one statement; emails nobody has are left out. */
    public List<DirectoryByEmail.Match> byEmails(List<String> emails) {
        List<String> normalised = emails.stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).distinct().toList();
        return people.find("email in ?1", normalised).stream()
                .map(p -> new DirectoryByEmail.Match(p.email, p.id)).toList();
    }

    public ManagementLine line(UUID id) {
        if (people.findById(id) == null) {
            throw ApiProblem.notFound("Person", id);
        }
        return new ManagementLine(id, people.managersOf(id));
    }

    public Optional<PersonResponse> find(UUID id) {
        return people.findByIdOptional(id).map(this::respond);
    }

    public Page<PersonResponse> list(String cursor, int limit) {
        KeysetCursor after = cursor == null || cursor.isBlank() ? null : KeysetCursor.decode(cursor);
        // Read one extra row to learn whether another page follows, without a count query.
        List<Person> rows = people.page(after, limit + 1);
        boolean more = rows.size() > limit;
        List<Person> page = more ? rows.subList(0, limit) : rows;
        String next = more ? KeysetCursor.after(page.getLast().createdAt, page.getLast().id).encode() : null;
        Map<UUID, Boolean> founderLed = people.inheritedFounderLed(page.stream().map(p -> p.id).toList());
        boolean organisationFounderLed = organisation.founderLed();
        return new Page<>(page.stream().map(p -> PersonResponse.of(p,
                founderLed.getOrDefault(p.id, organisationFounderLed))).toList(), next);
    }

    public Page<ReportResponse> reports(UUID managerId, boolean allLevels, String cursor, int limit) {
        if (people.findById(managerId) == null) {
            throw ApiProblem.notFound("Person", managerId);
        }
        KeysetCursor after = cursor == null || cursor.isBlank() ? null : KeysetCursor.decode(cursor);
        List<PersonRepository.ReportRow> rows = people.reports(managerId, allLevels ? Integer.MAX_VALUE : 1,
                after, limit + 1);
        boolean more = rows.size() > limit;
        List<PersonRepository.ReportRow> page = more ? rows.subList(0, limit) : rows;
        String next = more ? KeysetCursor.after(page.getLast().createdAt(), page.getLast().report().id()).encode() : null;
        return new Page<>(page.stream().map(PersonRepository.ReportRow::report).toList(), next);
    }

    /** The whole team, walked on the in-memory {@link OrgChart}; refused beyond the configured size rather than truncated. */
    public TeamResponse team(UUID managerId, boolean allLevels) {
        List<OrgChart.Member> members = team(charts.current(), managerId, allLevels);
        return new TeamResponse(managerId, allLevels, members.stream().map(m -> new ReportResponse(m.person().id(),
                m.person().name(), m.person().email(), m.person().level(), m.person().targetLevel(),
                m.person().managerId(), m.depth())).toList());
    }

    /**
     * The people of {@link #team} with what bulk readiness reads of them: their standings (their
     * readiness input versions in one statement) and the founder-led setting each inherits; the same
     * 404 and 422 as {@link #team}.
     */
    public PersonRepository.TeamStandings teamStandings(UUID managerId, boolean allLevels) {
        List<OrgChart.Member> members = team(charts.current(), managerId, allLevels);
        List<UUID> ids = members.stream().map(m -> m.person().id()).toList();
        Map<UUID, Long> versions = people.inputVersions(ids);
        Map<UUID, PersonRepository.Standing> standings = new java.util.HashMap<>();
        Map<UUID, Boolean> inherited = new java.util.HashMap<>();
        for (OrgChart.Member m : members) {
            UUID id = m.person().id();
            standings.put(id, new PersonRepository.Standing(id, m.person().level(), m.person().targetLevel(),
                    versions.getOrDefault(id, 0L)));
            if (m.inheritedFounderLed() != null) {
                inherited.put(id, m.inheritedFounderLed());
            }
        }
        return new PersonRepository.TeamStandings(ids, new PersonRepository.StandingsWithFounderLed(standings, inherited));
    }

    /** A manager's team from the chart: 404 for someone unknown, 422 over the size limit. */
    private List<OrgChart.Member> team(OrgChart chart, UUID managerId, boolean allLevels) {
        if (!chart.contains(managerId)) {
            throw ApiProblem.notFound("Person", managerId);
        }
        List<OrgChart.Member> members = chart.team(managerId, allLevels ? OrgChart.MAX_DEPTH : 1);
        int max = config.team().maxSize();
        if (members.size() > max) {
            throw new ApiProblem(422, "team-too-large", "Team too large",
                    "This team has more than " + max + " people; ask for direct reports or a sub-team", List.of());
        }
        return members;
    }

    /** Founder-led as it applies to each person (own, nearest manager's, else the organisation's). */
    public Map<UUID, Boolean> effectiveFounderLed(Collection<UUID> ids) {
        Map<UUID, Boolean> result = new java.util.HashMap<>();
        founderLedSettings(ids).forEach((id, setting) -> result.put(id, setting.value()));
        return result;
    }

    /** The founder-led setting that applies to each person and whose it is (team or organisation). */
    public Map<UUID, FounderLed> founderLedSettings(Collection<UUID> ids) {
        return founderLedSettings(ids, people.inheritedFounderLed(ids));
    }

    /** As {@link #founderLedSettings(Collection)}, from what {@link PersonRepository#inheritedFounderLed} found. */
    public Map<UUID, FounderLed> founderLedSettings(Collection<UUID> ids, Map<UUID, Boolean> inherited) {
        FounderLed organisationSetting = FounderLed.ofOrganisation(organisation.founderLed());
        Map<UUID, FounderLed> result = new java.util.HashMap<>();
        ids.forEach(id -> result.put(id, inherited.containsKey(id) ? FounderLed.ofTeam(inherited.get(id))
                : organisationSetting));
        return result;
    }

    private PersonResponse respond(Person person) {
        return PersonResponse.of(person, effectiveFounderLed(List.of(person.id)).get(person.id));
    }

    private void checkLevels(String level, String targetLevel) {
        Framework framework = frameworks.current();
        if (!framework.hasLevel(level)) {
            throw ApiProblem.invalidField("level", "unknown level; expected one of " + framework.levelCodes());
        }
        if (targetLevel != null && !framework.hasLevel(targetLevel)) {
            throw ApiProblem.invalidField("targetLevel", "unknown level; expected one of " + framework.levelCodes());
        }
    }
}
