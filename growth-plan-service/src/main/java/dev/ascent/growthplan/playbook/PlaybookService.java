package dev.ascent.growthplan.playbook;

import dev.ascent.growthplan.evidence.EvidenceKinds;
import dev.ascent.kit.framework.FrameworkVocabulary;
import dev.ascent.kit.framework.PublishedFramework;
import dev.ascent.kit.paging.KeysetCursor;
import dev.ascent.kit.paging.Page;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes and reads playbook versions. A version is immutable once published, so parsed
 * documents are cached by version number.
 */
@ApplicationScoped
public class PlaybookService {

    private final PlaybookRepository versions;
    private final PlaybookFormats formats;
    private final Map<Integer, PlaybookDocument> parsed = new ConcurrentHashMap<>();

    private final PublishedFramework publishedFramework;
    private final EvidenceKinds evidenceKinds;

    public PlaybookService(PlaybookRepository versions, PlaybookFormats formats, PublishedFramework publishedFramework,
                           EvidenceKinds evidenceKinds) {
        this.publishedFramework = publishedFramework;
        this.evidenceKinds = evidenceKinds;
        this.versions = versions;
        this.formats = formats;
    }

    /** The newest version, which new plans use. */
    public Optional<PublishedPlaybook> current() {
        return versions.latest().map(this::published);
    }

    public Optional<PublishedPlaybook> version(int version) {
        PlaybookDocument cached = parsed.get(version);
        if (cached != null) {
            return Optional.of(new PublishedPlaybook(version, cached));
        }
        return versions.byVersion(version).map(this::published);
    }

    /** Validates a document and publishes it as the next version. */
    @Transactional
    public PlaybookVersionResponse publish(PlaybookDocument document) {
        List<Problem.Violation> violations = PlaybookValidator.validate(document, vocabulary());
        if (!violations.isEmpty()) {
            throw new ApiProblem(400, "invalid-playbook", "Invalid playbook",
                    "The playbook has " + violations.size() + " problem(s); nothing was published", violations);
        }
        lockPublishing();
        return summary(insert(versions.highestVersion() + 1, "IMPORT", null, document));
    }

    /** What start-up did with the shipped playbook; {@code publishedVersion} is null when it published nothing. */
    public record ShippedResult(int revision, ShippedPlaybookRule.Decision decision, Integer publishedVersion) {
    }

    /**
     * Publishes the playbook shipped with the service as the next version when {@link ShippedPlaybookRule}
     * says so (an empty database, or a newer revision while the current version is itself a shipped one),
     * recording its revision. Product data, not a migration: an admin's own versions are never replaced,
     * and earlier versions stay as they were. One instance at a time decides.
     */
    @Transactional
    public ShippedResult publishShippedDefault(String resource) {
        PlaybookFormats.Shipped shipped = formats.readShipped(resource);
        lockPublishing();
        Optional<PlaybookVersion> latest = versions.latest();
        ShippedPlaybookRule.Decision decision = ShippedPlaybookRule.decide(shipped.revision(), new ShippedPlaybookRule.State(
                latest.map(v -> v.version).orElse(null), latest.map(v -> v.defaultRevision).orElse(null),
                versions.newestShippedRevision()));
        if (!decision.outcome().publishes()) {
            return new ShippedResult(shipped.revision(), decision, null);
        }
        List<Problem.Violation> violations = PlaybookValidator.validateShape(shipped.document());
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the shipped playbook (revision " + shipped.revision() + ") is invalid: "
                    + violations);
        }
        int number = versions.highestVersion() + 1;
        insert(number, "DEFAULT", shipped.revision(), shipped.document());
        return new ShippedResult(shipped.revision(), decision, number);
    }

    /** What a playbook may name now: the published framework's competencies and tiers, evidence-service's kinds. */
    private PlaybookVocabulary vocabulary() {
        FrameworkVocabulary framework = publishedFramework.fresh();
        return new PlaybookVocabulary(framework.competencies(), framework.tierCodes(), framework.levels(),
                evidenceKinds.codes());
    }

    public Page<PlaybookVersionResponse> list(String cursor, int limit) {
        KeysetCursor after = KeysetCursor.decode(cursor);
        List<PlaybookVersion> rows = versions.page(after, limit + 1);
        boolean more = rows.size() > limit;
        List<PlaybookVersion> page = more ? rows.subList(0, limit) : rows;
        String next = more ? KeysetCursor.after(page.getLast().createdAt, page.getLast().id).encode() : null;
        return new Page<>(page.stream().map(this::summary).toList(), next);
    }

    /** Serialises publishing so version numbers are handed out one at a time across instances. */
    private void lockPublishing() {
        versions.getEntityManager()
                .createNativeQuery("SELECT pg_advisory_xact_lock(hashtext('growth_plan.playbook_version'))")
                .getSingleResult();
    }

    private PlaybookVersion insert(int number, String source, Integer defaultRevision, PlaybookDocument document) {
        PlaybookVersion row = new PlaybookVersion();
        row.id = UUID.randomUUID();
        row.version = number;
        row.source = source;
        row.defaultRevision = defaultRevision;
        row.actionCount = document.actions().size();
        row.document = formats.toJson(document);
        row.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        versions.persistAndFlush(row);
        parsed.put(number, document);
        return row;
    }

    private PublishedPlaybook published(PlaybookVersion row) {
        return new PublishedPlaybook(row.version,
                parsed.computeIfAbsent(row.version, v -> formats.fromJson(row.document, PlaybookDocument.class)));
    }

    private PlaybookVersionResponse summary(PlaybookVersion row) {
        return new PlaybookVersionResponse(row.version, row.source, row.actionCount,
                published(row).document().description(), row.createdAt);
    }
}
