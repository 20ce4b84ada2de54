package dev.supervision.supervisor;

import dev.supervision.process.Pid;

/**
 * One entry of {@link Supervisor#whichChildren}.
 *
 * @param id the child's id (null for the children of a dynamic supervisor)
 * @param pid its process, or null when it is restarting or stopped
 * @param status running, restarting or stopped
 * @param type worker or supervisor
 */
public record ChildInfo(String id, Pid pid, ChildStatus status, ChildType type) {
}
