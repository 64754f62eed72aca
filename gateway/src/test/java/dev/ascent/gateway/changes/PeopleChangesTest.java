package dev.ascent.gateway.changes;

import dev.ascent.gateway.access.TestTokens;
import dev.ascent.testsupport.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Against the real server: notifications as the services' triggers send them, heard on the gateway's own connection. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(TestTokens.class)
class PeopleChangesTest {

    @Inject
    AgroalDataSource database;

    @Inject
    PeopleChanges changes;

    @Inject
    KeptAnswers kept;

    @org.junit.jupiter.api.BeforeEach
    void listening() {
        Notify.listening(changes);
    }

    private static KeptAnswers.Answer answer(String body) {
        return new KeptAnswers.Answer("application/json", body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private static String body(java.util.Optional<KeptAnswers.Answer> answer) {
        return answer.map(a -> new String(a.body(), java.nio.charset.StandardCharsets.UTF_8)).orElse(null);
    }

    @Test
    void aChangeIsHeardForWhomItNamesAndNobodyElse() {
        assertThat(changes.listening()).isTrue();
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        UUID cem = UUID.randomUUID();
        PeopleChanges.Mark before = changes.mark();

        Notify.changed(database, changes, ann + "," + bob);

        assertThat(changes.unchangedSince(ann, before)).isFalse();
        assertThat(changes.unchangedSince(bob, before)).isFalse();
        assertThat(changes.unchangedSince(cem, before)).isTrue();
        assertThat(changes.unchangedSince(ann, changes.mark())).isTrue();
    }

    @Test
    void everyoneAndAnythingUnreadableMeanEveryone() {
        for (String payload : new String[] {"*", "", "not-an-id", UUID.randomUUID() + ",x"}) {
            PeopleChanges.Mark before = changes.mark();
            Notify.changed(database, changes, payload);
            assertThat(changes.unchangedSince(UUID.randomUUID(), before)).as(payload).isFalse();
        }
    }

    @Test
    void caughtUpMeansEveryChangeCommittedBeforeItHasBeenApplied() {
        // Sent and at once asked about, many times over: the answer never runs ahead of the notification.
        for (int i = 0; i < 50; i++) {
            UUID person = UUID.randomUUID();
            PeopleChanges.Mark before = changes.mark();
            Notify.send(database, person.toString());
            changes.caughtUp().await().atMost(Duration.ofSeconds(5));
            assertThat(changes.unchangedSince(person, before)).as("round " + i).isFalse();
        }
    }

    @Test
    void anAnswerIsKeptUntilItsPersonChanges() {
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        kept.keep(ann, "overview", answer("ann's"), changes.mark());
        kept.keep(bob, "overview", answer("bob's"), changes.mark());
        assertThat(body(kept.get(ann, "overview"))).isEqualTo("ann's");
        assertThat(kept.get(ann, "readiness")).isEmpty();

        Notify.changed(database, changes, ann.toString());

        assertThat(kept.get(ann, "overview")).isEmpty();
        assertThat(body(kept.get(bob, "overview"))).isEqualTo("bob's");
        Notify.changed(database, changes, "*");
        assertThat(kept.get(bob, "overview")).isEmpty();
    }

    @Test
    void anAnswerReadAcrossAChangeIsNotKept() {
        UUID ann = UUID.randomUUID();
        PeopleChanges.Mark readingBegan = changes.mark();
        Notify.changed(database, changes, ann.toString());
        kept.keep(ann, "overview", answer("read before the change"), readingBegan);
        assertThat(kept.get(ann, "overview")).isEmpty();

        PeopleChanges.Mark everyoneBefore = changes.mark();
        Notify.changed(database, changes, "*");
        kept.keep(ann, "overview", answer("read before everyone changed"), everyoneBefore);
        assertThat(kept.get(ann, "overview")).isEmpty();
    }

    @Test
    void aPersonHasAFewAnswersKeptAtMost() {
        UUID ann = UUID.randomUUID();
        for (int i = 0; i < KeptAnswers.PER_PERSON + 3; i++) {
            kept.keep(ann, "readiness?target=" + i, answer("answer " + i), changes.mark());
        }
        assertThat(body(kept.get(ann, "readiness?target=0"))).isEqualTo("answer 0");
        assertThat(body(kept.get(ann, "readiness?target=" + (KeptAnswers.PER_PERSON - 1)))).isNotNull();
        assertThat(kept.get(ann, "readiness?target=" + KeptAnswers.PER_PERSON)).isEmpty();
        // A question already kept is answered anew all the same.
        kept.keep(ann, "readiness?target=0", answer("again"), changes.mark());
        assertThat(body(kept.get(ann, "readiness?target=0"))).isEqualTo("again");
    }

    @Test
    void anAnswerIsKeptForTheDayItWasMadeOn() {
        MutableClock clock = new MutableClock(Instant.parse("2026-12-02T23:59:00Z"));
        KeptAnswers daily = new KeptAnswers(changes, 1 << 20, Duration.ofHours(1), clock);
        UUID ann = UUID.randomUUID();
        daily.keep(ann, "overview", answer("tuesday's"), changes.mark());
        assertThat(body(daily.get(ann, "overview"))).isEqualTo("tuesday's");
        clock.now = Instant.parse("2026-12-03T00:00:00Z");
        assertThat(daily.get(ann, "overview")).isEmpty();
    }

    @Test
    void whatIsKeptStaysWithinItsSize() {
        KeptAnswers small = new KeptAnswers(changes, 10_000, Duration.ofHours(1), Clock.systemUTC());
        for (int i = 0; i < 100; i++) {
            small.keep(UUID.randomUUID(), "overview", answer("x".repeat(1_000)), changes.mark());
        }
        small.cleanUp();
        assertThat(small.size()).isLessThanOrEqualTo(10);
    }

    static final class MutableClock extends Clock {
        volatile Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
