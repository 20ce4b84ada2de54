package dev.supervision.process;

import java.util.Objects;

/**
 * Where a message, a call or a signal goes: a {@link Pid}, or a {@link ProcessName name} registered
 * on this node. Every operation of {@link ProcessRuntime} that targets a process takes one, so a
 * call site reads the same whatever the target is.
 *
 * <p>A pid names one process for ever; a name names whoever holds it when the message is sent (it is
 * resolved once per operation). The set of reference kinds is closed so that the runtime can resolve
 * each one; new kinds (a name on another node, a cluster-wide name) join it here, not at call sites.
 */
public sealed interface ProcessRef permits Pid, ProcessName {

    /** The process registered as {@code name} on this node, whoever holds it at the time of use. */
    static ProcessName named(String name) {
        return new ProcessName(Objects.requireNonNull(name, "name"));
    }
}
