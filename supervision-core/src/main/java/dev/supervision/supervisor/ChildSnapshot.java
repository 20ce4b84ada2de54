package dev.supervision.supervisor;

import dev.supervision.process.Pid;
import java.time.Instant;

/**
 * One child of a supervision tree as a snapshot shows it; a child supervisor carries its own subtree.
 * Its pid, status, restarts, last exit and start time were published together, in one moment.
 *
 * @param id the child's id (null for the children of a dynamic supervisor)
 * @param pid its process, or null when none runs
 * @param name its registered name, or null
 * @param type worker or supervisor
 * @param status running, restarting, stopped or gave up
 * @param restart its restart type
 * @param restarts how many restarts of it its supervisor's strategy attempted since the supervisor
 *     started, a failed attempt included (the process of a restart killed during its init counts)
 * @param lastExit its last exit, or null
 * @param startedAt when its current process started, or null
 * @param mailbox messages waiting in its mailbox
 * @param supervisor the subtree, for a running child supervisor; null otherwise
 * @param restartAt when its delayed restart (a backoff) is due, or null when none is pending: what a
 *     {@code Retry-After} can be computed from
 */
public record ChildSnapshot(
        String id, Pid pid, String name, ChildType type, ChildStatus status, Restart restart, int restarts,
        LastExit lastExit, Instant startedAt, int mailbox, SupervisorSnapshot supervisor, Instant restartAt) {
}
