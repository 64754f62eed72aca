package dev.ascent.gateway.routing;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Pauses calls to a service that keeps failing. Closed, it remembers whether each of the last
 * {@code volume} calls failed; once that many are remembered and at least {@code failureRatio} of them
 * failed, it opens and refuses calls for {@code delay}. Then it lets calls through again (half-open):
 * {@code successThreshold} successes in a row close it with a clean record, and a failure opens it for
 * another {@code delay}. A failure is a call that got no answer (no connection, a reset, a timeout); an
 * answer of any status is a success, since the service is there to give it.
 *
 * <p>The proxy's own rather than a fault-tolerance library's: that library's guard cost about a seventh of
 * the gateway's CPU per forwarded call (its futures, its metrics and a hop back to the event loop), for
 * the few comparisons here.
 */
final class CircuitBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int volume;
    private final double failureRatio;
    private final long delayNanos;
    private final int successThreshold;
    private final LongSupplier nanoTime;

    /** The closed state's record: whether each of the last calls failed, oldest overwritten first. */
    private final boolean[] failedCalls;
    private int recorded;
    private int next;
    private int failures;
    private State state = State.CLOSED;
    private long openedAt;
    private int trialSuccesses;

    CircuitBreaker(int volume, double failureRatio, Duration delay, int successThreshold, LongSupplier nanoTime) {
        if (volume < 1 || failureRatio <= 0 || failureRatio > 1 || successThreshold < 1) {
            throw new IllegalArgumentException("a breaker needs a volume and a success threshold of at least 1 and a "
                    + "failure ratio in (0, 1]");
        }
        this.volume = volume;
        this.failureRatio = failureRatio;
        this.delayNanos = delay.toNanos();
        this.successThreshold = successThreshold;
        this.nanoTime = nanoTime;
        this.failedCalls = new boolean[volume];
    }

    /** Whether a call may be made now; an open breaker whose delay has passed lets calls through again. */
    synchronized boolean allows() {
        if (state == State.OPEN && nanoTime.getAsLong() - openedAt >= delayNanos) {
            state = State.HALF_OPEN;
            trialSuccesses = 0;
        }
        return state != State.OPEN;
    }

    synchronized void succeeded() {
        if (state == State.HALF_OPEN) {
            if (++trialSuccesses >= successThreshold) {
                state = State.CLOSED;
                forget();
            }
        } else if (state == State.CLOSED) {
            record(false);
        }
    }

    synchronized void failed() {
        if (state == State.HALF_OPEN) {
            open();
        } else if (state == State.CLOSED) {
            record(true);
            if (recorded == volume && failures >= failureRatio * volume) {
                open();
            }
        }
    }

    synchronized State state() {
        return state;
    }

    private void record(boolean failed) {
        if (recorded == volume) {
            if (failedCalls[next]) {
                failures--;
            }
        } else {
            recorded++;
        }
        failedCalls[next] = failed;
        if (failed) {
            failures++;
        }
        next = (next + 1) % volume;
    }

    private void open() {
        state = State.OPEN;
        openedAt = nanoTime.getAsLong();
    }

    /** A clean record: the slots' old values are overwritten before {@link #record} reads any. */
    private void forget() {
        recorded = 0;
        next = 0;
        failures = 0;
    }
}
