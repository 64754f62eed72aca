package dev.ascent.gateway.routing;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CircuitBreakerTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private CircuitBreaker breaker;

    @BeforeEach
    void closed() {
        breaker = new CircuitBreaker(4, 0.5, Duration.ofSeconds(5), 2, now::get);
    }

    @Test
    void opensWhenAsManyCallsAsTheRatioSaysFailedAmongTheLastVolume() {
        breaker.failed();
        breaker.succeeded();
        breaker.failed();
        assertThat(breaker.allows()).as("three calls are not yet a volume of four").isTrue();
        breaker.succeeded();
        // Four remembered, two failed; a success never opens it, only a failure that reaches the ratio does.
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.failed();
        assertThat(breaker.state()).as("the last four are S F S F: two of four").isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.allows()).isFalse();
    }

    @Test
    void exactlyTheRatioOpensIt() {
        breaker.succeeded();
        breaker.succeeded();
        breaker.failed();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.failed();
        assertThat(breaker.state()).as("two of four is the ratio 0.5").isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void belowTheRatioItStaysClosedAndOldCallsAreForgotten() {
        breaker.failed();
        breaker.succeeded();
        breaker.succeeded();
        breaker.succeeded();
        breaker.failed();
        // The last four are S S S F (the first failure rolled out): one of four.
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.succeeded();
        breaker.failed();
        // The last four are S F S F: two of four.
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void aFailureThatRollsOutIsNoLongerCounted() {
        breaker = new CircuitBreaker(4, 0.75, Duration.ofSeconds(5), 2, now::get);
        breaker.failed();
        breaker.failed();
        breaker.succeeded();
        breaker.succeeded();
        assertThat(breaker.state()).as("F F S S: two of four, under 0.75").isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.failed();
        assertThat(breaker.state()).as("F S S F: still two").isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.failed();
        assertThat(breaker.state()).as("S S F F: still two").isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.failed();
        assertThat(breaker.state()).as("S F F F: three of four").isEqualTo(CircuitBreaker.State.OPEN);
    }

    @Test
    void staysOpenForTheDelayThenLetsCallsThroughAndClosesAfterEnoughSuccesses() {
        open();
        now.addAndGet(Duration.ofSeconds(5).toNanos() - 1);
        assertThat(breaker.allows()).isFalse();
        now.addAndGet(1);
        assertThat(breaker.allows()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        breaker.succeeded();
        assertThat(breaker.state()).as("one success of two").isEqualTo(CircuitBreaker.State.HALF_OPEN);
        breaker.succeeded();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        // Closed with a clean record: three failures are not yet a volume.
        breaker.failed();
        breaker.failed();
        breaker.failed();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aFailedTrialOpensItForAnotherDelay() {
        open();
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(breaker.allows()).isTrue();
        breaker.succeeded();
        breaker.failed();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        now.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(breaker.allows()).isFalse();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(breaker.allows()).isTrue();
        // A new trial starts with no successes: one is not enough.
        breaker.succeeded();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
    }

    @Test
    void callsEndingWhileOpenChangeNothing() {
        open();
        breaker.succeeded();
        breaker.succeeded();
        breaker.failed();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        now.addAndGet(Duration.ofSeconds(5).toNanos());
        assertThat(breaker.allows()).isTrue();
    }

    @Test
    void refusesSettingsThatCouldNeverWork() {
        assertThatThrownBy(() -> new CircuitBreaker(0, 0.5, Duration.ofSeconds(1), 1, now::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CircuitBreaker(1, 0, Duration.ofSeconds(1), 1, now::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CircuitBreaker(1, 1.5, Duration.ofSeconds(1), 1, now::get))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CircuitBreaker(1, 0.5, Duration.ofSeconds(1), 0, now::get))
                .isInstanceOf(IllegalArgumentException.class);
        // The edges that do work.
        CircuitBreaker smallest = new CircuitBreaker(1, 1, Duration.ofSeconds(1), 1, now::get);
        smallest.failed();
        assertThat(smallest.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }

    private void open() {
        for (int i = 0; i < 4; i++) {
            breaker.failed();
        }
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
    }
}
