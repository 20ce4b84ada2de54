package dev.supervision.supervisor;

import dev.supervision.process.Pid;
import java.time.Instant;

/**
 * One child's observable state, published whole through one volatile field of its {@link Child}, so
 * a snapshot never shows a pid of one moment with a restart count of another.
 *
 * @param pid its process, or null when none runs
 * @param status running, restarting, stopped or gave up
 * @param restarts how many restarts of it the strategy has attempted
 * @param lastExit its last exit, or null
 * @param startedAt when its current process started, or null when none runs
 * @param restartAt when a delayed restart (a backoff) is due, or null when none is pending
 */
record ChildState(Pid pid, ChildStatus status, int restarts, LastExit lastExit, Instant startedAt, Instant restartAt) {

    /** A child whose first start has not happened yet. */
    static final ChildState NOT_STARTED = new ChildState(null, ChildStatus.STOPPED, 0, null, null, null);

    /** Its process {@code newPid} runs, since {@code at}. */
    ChildState running(Pid newPid, Instant at) {
        return new ChildState(newPid, ChildStatus.RUNNING, restarts, lastExit, at, null);
    }

    /** Its process exited. */
    ChildState exited(LastExit exit) {
        return new ChildState(null, ChildStatus.STOPPED, restarts, exit, null, null);
    }

    /** No process runs any more; a child that made its supervisor give up stays {@code GAVE_UP}. */
    ChildState stopped() {
        ChildStatus next = status == ChildStatus.GAVE_UP ? ChildStatus.GAVE_UP : ChildStatus.STOPPED;
        return new ChildState(null, next, restarts, lastExit, null, null);
    }

    /** Waiting for a restart (a backoff, or a retry after a failed start). */
    ChildState restarting() {
        return new ChildState(null, ChildStatus.RESTARTING, restarts, lastExit, null, null);
    }

    /** Waiting for a restart that a backoff delays until {@code at}. */
    ChildState restartingAt(Instant at) {
        return new ChildState(null, ChildStatus.RESTARTING, restarts, lastExit, null, at);
    }

    /** A restart attempt begins: it counts, whatever its outcome. */
    ChildState restartAttempt() {
        return new ChildState(null, ChildStatus.RESTARTING, restarts + 1, lastExit, null, null);
    }

    /** Its exit, or failed restart, made the supervisor reach its intensity. */
    ChildState gaveUp() {
        return new ChildState(null, ChildStatus.GAVE_UP, restarts, lastExit, null, null);
    }

    /** The same state with a later exit, learnt after the fact (the process of a failed start). */
    ChildState withLastExit(LastExit exit) {
        return new ChildState(pid, status, restarts, exit, startedAt, restartAt);
    }
}
