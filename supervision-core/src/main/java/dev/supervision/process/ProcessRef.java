package dev.supervision.process;

import java.util.Objects;

/**
 * Where a message, a call or a signal goes: a {@link Pid}, a {@link ProcessName name} registered
 * on this node, a {@link RemoteName name} registered on another node, or a {@link GlobalName name}
 * registered cluster-wide. Every operation of {@link ProcessRuntime} that targets a process takes one,
 * so a call site reads the same whatever the target is.
 *
 * <p>A pid names one process for ever; a name names whoever holds it when the message is sent (it is
 * resolved once per operation). The set of reference kinds is closed so that the runtime can resolve
 * each one; new kinds (a name on another node, a cluster-wide name) join it here, not at call sites.
 */
public sealed interface ProcessRef permits Pid, ProcessName, RemoteName, GlobalName {

    /** The process registered as {@code name} on this node, whoever holds it at the time of use. */
    static ProcessName named(String name) {
        return new ProcessName(Objects.requireNonNull(name, "name"));
    }

    /** The process registered as {@code name} on {@code node} ({@code name@host}), Erlang's {@code {Name, Node}}. */
    static RemoteName named(String name, String node) {
        return new RemoteName(Objects.requireNonNull(name, "name"), Objects.requireNonNull(node, "node"));
    }

    /**
     * The process registered cluster-wide as {@code name}, Erlang's {@code {global, Name}}: resolved once
     * per operation, through the installed {@link Distribution}.
     */
    static GlobalName global(String name) {
        return new GlobalName(Objects.requireNonNull(name, "name"));
    }

    /** Whether this reference names a process of another node: a pid whose node is not 0, or a {@link RemoteName}. */
    default boolean isRemote() {
        return this instanceof RemoteName || (this instanceof Pid pid && pid.node() != 0);
    }
}
