package dev.supervision.supervisor;

import dev.supervision.process.Pid;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * One child as its supervisor keeps it: what never changes (order, id, spec, arguments), its
 * observable state as one published record, and the supervisor's own bookkeeping for backoff and
 * retries, which only the supervisor's process touches and snapshots never read.
 */
final class Child {

    final long order;
    /** The id, or null for the children of a dynamic supervisor. */
    final String id;
    final ChildSpec spec;
    final List<Object> args;
    private volatile ChildState state = ChildState.NOT_STARTED;

    /** Consecutive restarts for the backoff, and when the current process started. */
    private int backoffAttempts;
    private long startedNanos;
    /** A pending delayed restart, or null. */
    private SupervisorClock.Cancellable pendingRestart;
    /** Tells a stale retry from the current one. */
    private long retryGeneration;

    Child(long order, String id, ChildSpec spec, List<Object> args) {
        this.order = order;
        this.id = id;
        this.spec = spec;
        this.args = args;
    }

    ChildState state() {
        return state;
    }

    void publish(ChildState next) {
        state = next;
    }

    /** Its process {@code pid} runs, started at {@code nanoTime} on the supervisor's clock. */
    void running(Pid pid, long nanoTime) {
        startedNanos = nanoTime;
        publish(state.running(pid, Instant.now()));
    }

    /**
     * The delay before its next restart: zero without a backoff (its own, else {@code fallback}); one
     * step longer than the last, or the first again once its process ran for {@code resetAfter}.
     */
    Duration nextBackoff(Backoff fallback, long nanoTime, RandomGenerator random) {
        Backoff backoff = spec.backoff() != null ? spec.backoff() : fallback;
        if (backoff == null) {
            return Duration.ZERO;
        }
        boolean ranLongEnough = startedNanos != 0 && nanoTime - startedNanos >= backoff.resetAfter().toNanos();
        if (ranLongEnough && state.status() != ChildStatus.RESTARTING) {
            backoffAttempts = 0;
        }
        backoffAttempts++;
        return backoff.delay(backoffAttempts, random);
    }

    /** A retry of its restart that supersedes any earlier one, which is cancelled. */
    RetryRestart nextRetry() {
        cancelPendingRestart();
        return new RetryRestart(this, retryGeneration);
    }

    /** The scheduled send of its latest retry. */
    void retryPending(SupervisorClock.Cancellable pending) {
        pendingRestart = pending;
    }

    /** Whether {@code retry} is its latest, neither superseded nor cancelled. */
    boolean awaits(RetryRestart retry) {
        return retry.generation() == retryGeneration;
    }

    void cancelPendingRestart() {
        retryGeneration++;
        if (pendingRestart != null) {
            pendingRestart.cancel();
            pendingRestart = null;
        }
    }
}
