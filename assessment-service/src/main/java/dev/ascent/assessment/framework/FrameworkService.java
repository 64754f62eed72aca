package dev.ascent.assessment.framework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Framework versions: import a draft, publish it, read any version. Published versions are
 * immutable, so their parsed form is cached forever.
 */
@ApplicationScoped
public class FrameworkService {

    private final FrameworkVersionRepository versions;
    private final ObjectMapper json;
    private final Map<Integer, Framework> published = new ConcurrentHashMap<>();

    public FrameworkService(FrameworkVersionRepository versions, ObjectMapper json) {
        this.versions = versions;
        this.json = json;
    }

    /** Stores a validated document as the draft, replacing any earlier draft. */
    @Transactional
    public FrameworkVersionSummary importDraft(FrameworkDocument document) {
        List<Problem.Violation> violations = FrameworkValidator.validate(document);
        if (!violations.isEmpty()) {
            throw new ApiProblem(400, "invalid-framework", "Invalid framework",
                    "The framework has " + violations.size() + " problem(s)", violations);
        }
        versions.lockPublishing(); // version numbers are handed out one at a time, start-up's shipped default included
        versions.draft().ifPresent(old -> {
            versions.delete(old);
            versions.flush();
        });
        FrameworkVersion draft = new FrameworkVersion();
        draft.version = versions.nextVersion();
        draft.status = FrameworkVersion.Status.DRAFT;
        draft.name = document.name().trim();
        draft.document = write(document);
        draft.createdAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        versions.persistAndFlush(draft);
        return FrameworkVersionSummary.of(draft);
    }

    @Transactional
    public FrameworkVersionSummary publish(int version) {
        versions.lockPublishing();
        FrameworkVersion v = versions.findByIdOptional(version)
                .orElseThrow(() -> ApiProblem.notFound("Framework version", version));
        if (v.status == FrameworkVersion.Status.PUBLISHED) {
            throw new ApiProblem(409, "already-published", "Conflict",
                    "Framework version " + version + " is already published; published versions never change",
                    List.of());
        }
        v.status = FrameworkVersion.Status.PUBLISHED;
        v.publishedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        return FrameworkVersionSummary.of(v);
    }

    /**
     * Publishes the framework that ships with Ascent as the next version when {@link ShippedDefaultRule}
     * says so, recording its revision. One instance at a time decides; the others then find it published.
     *
     * @return the decision, and the version published (null when nothing was)
     */
    @Transactional
    public ShippedDefaultResult publishShippedDefault(int revision, FrameworkDocument document) {
        versions.lockPublishing();
        Optional<FrameworkVersion> current = versions.latestPublished();
        ShippedDefaultRule.Decision decision = ShippedDefaultRule.decide(revision, new ShippedDefaultRule.State(
                versions.count() > 0, versions.newestShippedRevision().orElse(null),
                current.map(v -> v.version).orElse(null), current.map(v -> v.defaultRevision).orElse(null),
                versions.draft().isPresent()));
        if (!decision.publishes()) {
            return new ShippedDefaultResult(decision, null);
        }
        List<Problem.Violation> violations = FrameworkValidator.validate(document);
        if (!violations.isEmpty()) {
            throw new IllegalStateException("the shipped framework (revision " + revision + ") is invalid: " + violations);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        FrameworkVersion version = new FrameworkVersion();
        version.version = versions.nextVersion();
        version.status = FrameworkVersion.Status.PUBLISHED;
        version.name = document.name().trim();
        version.document = write(document);
        version.createdAt = now;
        version.publishedAt = now;
        version.defaultRevision = revision;
        versions.persistAndFlush(version);
        return new ShippedDefaultResult(decision, version.version);
    }

    /** @param publishedVersion the version the shipped default became; null when the decision published nothing */
    public record ShippedDefaultResult(ShippedDefaultRule.Decision decision, Integer publishedVersion) {
    }

    public List<FrameworkVersionSummary> list() {
        return versions.newestFirst().stream().map(FrameworkVersionSummary::of).toList();
    }

    public Optional<FrameworkDocument> document(int version) {
        return versions.findByIdOptional(version).map(v -> read(v.document));
    }

    /** The newest published version, which new assessments and readiness use. */
    public Framework current() {
        int latest = versions.latestPublishedVersion()
                .orElseThrow(() -> new ApiProblem(503, "no-framework", "No framework",
                        "No framework version is published yet", List.of()));
        return published(latest);
    }

    /** A published version by number, for assessments made against it. */
    public Framework published(int version) {
        Framework cached = published.get(version);
        if (cached != null) {
            return cached;
        }
        FrameworkVersion v = versions.findByIdOptional(version)
                .filter(x -> x.status == FrameworkVersion.Status.PUBLISHED)
                .orElseThrow(() -> ApiProblem.notFound("Published framework version", version));
        return published.computeIfAbsent(version, n -> new Framework(n, read(v.document)));
    }

    private String write(FrameworkDocument document) {
        try {
            return json.writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private FrameworkDocument read(String document) {
        try {
            return json.readValue(document, FrameworkDocument.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
