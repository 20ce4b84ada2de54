package dev.supervision.supervisor;

import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import java.time.Instant;
import java.util.List;

/**
 * One child as its supervisor keeps it. Written only by the supervisor's process; the fields a
 * snapshot reads are volatile, so snapshots are taken from any thread without asking the supervisor.
 */
final class Child {

    final long order;
    final ChildSpec spec;
    final List<Object> args;
    volatile Pid pid;
    volatile ChildStatus status = ChildStatus.STOPPED;
    volatile int restarts;
    volatile LastExit lastExit;
    volatile Instant startedAt;
    /** Consecutive restarts for the backoff, and when the current process started. */
    int backoffAttempts;
    long startedNanos;
    /** A pending delayed restart, or null. */
    SupervisorClock.Cancellable pendingRestart;
    /** Tells a stale retry from the current one. */
    long retryGeneration;

    Child(long order, ChildSpec spec, List<Object> args) {
        this.order = order;
        this.spec = spec;
        this.args = args;
    }

    /** The id, or null for the children of a dynamic supervisor. */
    String id(boolean dynamic) {
        return dynamic ? null : spec.id();
    }

    void started(Pid newPid, long nanoTime) {
        pid = newPid;
        status = ChildStatus.RUNNING;
        startedAt = Instant.now();
        startedNanos = nanoTime;
    }

    void exited(ExitReason reason) {
        pid = null;
        status = ChildStatus.STOPPED;
        lastExit = new LastExit(reason, Instant.now());
    }

    void cancelPendingRestart() {
        retryGeneration++;
        if (pendingRestart != null) {
            pendingRestart.cancel();
            pendingRestart = null;
        }
    }
}
