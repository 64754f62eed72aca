package dev.ascent.kit.framework;

import dev.ascent.kit.KitConfig;
import dev.ascent.kit.problem.ApiProblem;
import org.jboss.resteasy.reactive.RestResponse;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PublishedFrameworkTest {

    /** assessment-service as a sequence of answers: a framework version, or null for a failure. */
    static final class Answers implements PublishedFrameworkApi {
        final List<Integer> versions = new ArrayList<>();
        int calls;

        @Override
        public RestResponse<Document> current() {
            Integer version = versions.get(Math.min(calls++, versions.size() - 1));
            if (version == null) {
                throw new IllegalStateException("assessment-service is down");
            }
            List<Code> codes = new ArrayList<>(List.of(new Code("craft")));
            for (int v = 2; v <= version; v++) {
                codes.add(new Code("added-in-" + v));
            }
            return RestResponse.ResponseBuilder.ok(new Document(codes,
                            List.of(new FrameworkVocabulary.Level("M1", "MAKER"), new FrameworkVocabulary.Level("S1", "STEWARD")),
                            List.of(new FrameworkVocabulary.Tier("MAKER", "MARKET"), new FrameworkVocabulary.Tier("STEWARD", "STRATEGY"))))
                    .header(VERSION_HEADER, " " + version + " ").build();
        }
    }

    static final class Ticking extends Clock {
        Instant now = Instant.parse("2026-11-30T10:00:00Z");

        void pass(Duration d) {
            now = now.plus(d);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }

    static KitConfig.Framework config() {
        return new KitConfig.Framework() {
            @Override
            public Duration cacheTtl() {
                return Duration.ofSeconds(60);
            }

            @Override
            public Duration refreshOnUnknownAfter() {
                return Duration.ofSeconds(1);
            }

            @Override
            public Duration retryAfter() {
                return Duration.ofSeconds(30);
            }
        };
    }

    final Answers api = new Answers();
    final Ticking clock = new Ticking();
    final PublishedFramework framework = new PublishedFramework(api, config(), clock);

    @Test
    void readsTheVocabularyAndKeepsItForItsTimeToLive() {
        api.versions.addAll(List.of(1, 2));
        FrameworkVocabulary first = framework.current();
        assertThat(first.version()).isEqualTo(1);
        assertThat(first.competencies()).containsExactly("craft");
        assertThat(first.tierCodes()).containsExactly("MAKER", "STEWARD");
        assertThat(first.levelCodes()).containsExactly("M1", "S1");
        assertThat(first.focusOfTier("STEWARD")).contains("STRATEGY");
        assertThat(first.focusOfTier("NOBODY")).isEmpty();

        clock.pass(Duration.ofSeconds(59));
        assertThat(framework.current().version()).isEqualTo(1);
        assertThat(api.calls).isEqualTo(1);
        clock.pass(Duration.ofSeconds(1));
        assertThat(framework.current().version()).isEqualTo(2);
        assertThat(api.calls).isEqualTo(2);
    }

    @Test
    void anUnknownCodeFetchesAgainButNotMoreThanOncePerInterval() {
        api.versions.addAll(List.of(1, 2));
        framework.current();
        clock.pass(Duration.ofMillis(999));
        assertThat(framework.knowing(List.of("added-in-2")).version()).as("fetched a moment ago").isEqualTo(1);
        assertThat(framework.checkCompetencies("competencies", List.of("craft", "added-in-2")))
                .extracting(v -> v.field()).containsExactly("competencies[1]");
        assertThat(api.calls).isEqualTo(1);

        clock.pass(Duration.ofMillis(1));
        assertThat(framework.knowing(List.of("craft")).version()).as("known codes never fetch").isEqualTo(1);
        assertThat(framework.checkCompetencies("competencies", List.of("craft", "added-in-2"))).isEmpty();
        assertThat(api.calls).isEqualTo(2);
        framework.requireCompetency("competency", "added-in-2");
        assertThatThrownBy(() -> framework.requireCompetency("competency", "juggling"))
                .isInstanceOfSatisfying(ApiProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(400);
                    assertThat(p.violations()).singleElement().satisfies(v -> {
                        assertThat(v.field()).isEqualTo("competency");
                        assertThat(v.message()).contains("\"juggling\"", "version 2", "[craft, added-in-2]");
                    });
                });
    }

    @Test
    void aNewerVersionSeenElsewhereFetchesAgain() {
        api.versions.addAll(List.of(1, 3));
        framework.current();
        clock.pass(Duration.ofSeconds(2));
        assertThat(framework.atLeast(1).version()).isEqualTo(1);
        assertThat(api.calls).isEqualTo(1);
        assertThat(framework.atLeast(3).version()).isEqualTo(3);
        assertThat(framework.fresh().version()).as("fetched a moment ago").isEqualTo(3);
        assertThat(api.calls).isEqualTo(2);
    }

    @Test
    void whenAssessmentServiceFailsTheLastKnownServesAndWithNoneItIsUnavailable() {
        api.versions.add(null);
        assertThatThrownBy(framework::current).isInstanceOfSatisfying(ApiProblem.class, p -> {
            assertThat(p.status()).isEqualTo(503);
            assertThat(p.retryAfterSeconds()).isEqualTo(30L);
        });

        // a failure a moment ago is not asked again: callers do not queue behind fetches that time out
        assertThatThrownBy(framework::current).isInstanceOf(ApiProblem.class);
        assertThat(api.calls).isEqualTo(1);
        clock.pass(Duration.ofSeconds(1));
        assertThatThrownBy(framework::current).isInstanceOf(ApiProblem.class);
        assertThat(api.calls).isEqualTo(2);

        Answers flaky = new Answers();
        flaky.versions.addAll(java.util.Arrays.asList(4, null, null, 5));
        PublishedFramework held = new PublishedFramework(flaky, config(), clock);
        assertThat(held.current().version()).isEqualTo(4);
        clock.pass(Duration.ofMinutes(5));
        assertThat(held.current().version()).as("stale, but the best known").isEqualTo(4);
        assertThat(flaky.calls).isEqualTo(2);
        // the failure counts as a fetch: nobody asks again until the cache period has passed once more
        clock.pass(Duration.ofSeconds(59));
        assertThat(held.current().version()).isEqualTo(4);
        assertThat(flaky.calls).isEqualTo(2);
        clock.pass(Duration.ofSeconds(1));
        assertThat(held.current().version()).isEqualTo(4);
        assertThat(flaky.calls).isEqualTo(3);
        clock.pass(Duration.ofSeconds(60));
        assertThat(held.current().version()).as("back").isEqualTo(5);
    }
}
