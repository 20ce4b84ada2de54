package dev.supervision.supervisor;

import dev.supervision.process.ExitReason;

/**
 * The detail of a supervisor's exit reason {@code {shutdown, {failed_to_start_child, Id, Reason}}}
 * when a child failed to start while the supervisor started.
 *
 * @param id the child that failed
 * @param reason why it failed
 */
public record FailedToStartChild(String id, ExitReason reason) {
    @Override
    public String toString() {
        return "{failed_to_start_child," + id + "," + reason + "}";
    }
}
