package dev.supervision.supervisor;

import dev.supervision.process.Pid;
import java.time.Duration;
import java.util.List;

/**
 * A read-only picture of one supervisor and its subtree. Taking it never calls user code and never
 * waits for a busy child or supervisor.
 *
 * @param pid the supervisor
 * @param name its registered name, or null
 * @param strategy {@code one_for_one}, {@code one_for_all}, {@code rest_for_one} or {@code dynamic}
 * @param intensity its restart intensity
 * @param period its restart period
 * @param gaveUp whether it reached its intensity and is shutting down
 * @param children its children, in start order
 */
public record SupervisorSnapshot(
        Pid pid, String name, String strategy, int intensity, Duration period, boolean gaveUp,
        List<ChildSnapshot> children) {

    /** Copies the children. */
    public SupervisorSnapshot {
        children = List.copyOf(children);
    }

    /** The child with {@code id}, if any. */
    public java.util.Optional<ChildSnapshot> child(String id) {
        return children.stream().filter(child -> id.equals(child.id())).findFirst();
    }
}
