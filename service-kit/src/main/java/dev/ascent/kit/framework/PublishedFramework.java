package dev.ascent.kit.framework;

import dev.ascent.kit.KitConfig;
import dev.ascent.kit.problem.ApiProblem;
import dev.ascent.kit.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.RestResponse;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The published framework's vocabulary as this service knows it: fetched from assessment-service and
 * kept for {@code ascent.kit.framework.cache-ttl}. It is fetched again sooner when a caller names a
 * competency it does not know (a framework published a moment ago) or a newer version than it holds,
 * at most once per {@code refresh-on-unknown-after}, so nonsense codes cannot turn into a stream of
 * calls. When assessment-service cannot answer, the last known vocabulary serves; with none, 503.
 */
@ApplicationScoped
public class PublishedFramework {

    private static final Logger LOG = Logger.getLogger(PublishedFramework.class);

    private record Held(FrameworkVocabulary vocabulary, Instant fetchedAt) {
    }

    private final PublishedFrameworkApi api;
    private final KitConfig.Framework config;
    private final Clock clock;
    private volatile Held held;
    /** When the last fetch failed; null after a success. */
    private Instant lastFailure;

    @Inject
    public PublishedFramework(@RestClient PublishedFrameworkApi api, KitConfig config) {
        this(api, config.framework(), Clock.systemUTC());
    }

    PublishedFramework(PublishedFrameworkApi api, KitConfig.Framework config, Clock clock) {
        this.api = api;
        this.config = config;
        this.clock = clock;
    }

    /** The vocabulary, fetched when none is held or it is older than the cache's time to live. */
    public FrameworkVocabulary current() {
        Held now = held;
        if (now != null && age(now).compareTo(config.cacheTtl()) < 0) {
            return now.vocabulary();
        }
        return refresh(now);
    }

    /**
     * The vocabulary when one can be had (held or fetched), else empty: for work that must go on while
     * assessment-service is away, such as taking in webhooks, and can do without the check.
     */
    public java.util.Optional<FrameworkVocabulary> ifAvailable() {
        try {
            return java.util.Optional.of(current());
        } catch (ApiProblem unavailable) {
            return java.util.Optional.empty();
        }
    }

    /**
     * The vocabulary to check {@code competencies} against: when one is unknown to the vocabulary held,
     * it is fetched again first (unless it was fetched a moment ago).
     */
    public FrameworkVocabulary knowing(Collection<String> competencies) {
        FrameworkVocabulary vocabulary = current();
        if (vocabulary.unknownCompetencies(competencies).isEmpty()) {
            return vocabulary;
        }
        return refreshUnlessRecent();
    }

    /**
     * One violation per code of {@code codes} the published framework does not have, named
     * {@code field[i]}; none when all are known.
     */
    public List<Problem.Violation> checkCompetencies(String field, List<String> codes) {
        FrameworkVocabulary vocabulary = knowing(codes);
        List<Problem.Violation> violations = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (!vocabulary.hasCompetency(codes.get(i))) {
                violations.add(new Problem.Violation(field + "[" + i + "]", unknown(vocabulary, codes.get(i))));
            }
        }
        return violations;
    }

    /** 400 naming {@code field} when the published framework has no competency {@code code}. */
    public void requireCompetency(String field, String code) {
        FrameworkVocabulary vocabulary = knowing(List.of(code));
        if (!vocabulary.hasCompetency(code)) {
            throw ApiProblem.invalidField(field, unknown(vocabulary, code));
        }
    }

    private static String unknown(FrameworkVocabulary vocabulary, String code) {
        return "unknown competency \"" + code + "\"; framework version " + vocabulary.version() + " has "
                + vocabulary.competencies();
    }

    /** The vocabulary of {@code version} or later: a caller saw a newer version than the one held. */
    public FrameworkVocabulary atLeast(int version) {
        FrameworkVocabulary vocabulary = current();
        return vocabulary.version() >= version ? vocabulary : refreshUnlessRecent();
    }

    /** The vocabulary as assessment-service gives it now (unless fetched a moment ago): for rare writes such as publishing a playbook. */
    public FrameworkVocabulary fresh() {
        return refreshUnlessRecent();
    }

    private FrameworkVocabulary refreshUnlessRecent() {
        Held now = held;
        if (now != null && age(now).compareTo(config.refreshOnUnknownAfter()) < 0) {
            return now.vocabulary();
        }
        return refresh(now);
    }

    private synchronized FrameworkVocabulary refresh(Held seen) {
        if (held != seen) {
            return held.vocabulary(); // another caller fetched it while this one waited
        }
        Instant now = clock.instant();
        if (seen == null && lastFailure != null
                && Duration.between(lastFailure, now).compareTo(config.refreshOnUnknownAfter()) < 0) {
            // it failed a moment ago: callers are not queued behind another fetch that would wait out its timeout
            throw ApiProblem.unavailable("assessment-service", config.retryAfter());
        }
        try {
            held = new Held(fetch(), clock.instant());
            lastFailure = null;
            return held.vocabulary();
        } catch (RuntimeException e) {
            lastFailure = now;
            if (seen != null) {
                LOG.warnf("assessment-service did not give the framework (%s); using version %d fetched at %s",
                        e.toString(), seen.vocabulary().version(), seen.fetchedAt());
                // kept as if just fetched, so the next attempt waits a cache period instead of every caller retrying
                held = new Held(seen.vocabulary(), now);
                return seen.vocabulary();
            }
            LOG.warnf("assessment-service did not give the framework: %s", e.toString());
            throw ApiProblem.unavailable("assessment-service", config.retryAfter());
        }
    }

    private FrameworkVocabulary fetch() {
        RestResponse<PublishedFrameworkApi.Document> response = api.current();
        PublishedFrameworkApi.Document document = Objects.requireNonNull(response.getEntity(), "no framework");
        String version = response.getHeaderString(PublishedFrameworkApi.VERSION_HEADER);
        List<String> competencies = document.competencies().stream().map(PublishedFrameworkApi.Code::code).toList();
        return new FrameworkVocabulary(version == null ? 0 : Integer.parseInt(version.strip()), competencies,
                document.levels(), document.tiers());
    }

    private Duration age(Held h) {
        return Duration.between(h.fetchedAt(), clock.instant());
    }
}
