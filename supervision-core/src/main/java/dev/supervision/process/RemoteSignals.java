package dev.supervision.process;

import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * The entry points a {@link Distribution} uses to act on the local processes of its runtime: what
 * arrives from other nodes (messages, exit signals, links, monitors, calls) and the news that a node
 * went down. Returned by {@link RuntimeInternals#installDistribution(java.util.function.Function)}. Targets given to
 * it are local: a {@link Pid} of node 0 or a {@link ProcessName}; anything else finds nobody.
 */
public final class RemoteSignals {

    private final ProcessTable table;

    RemoteSignals(ProcessTable table) {
        this.table = table;
    }

    /** Puts {@code message} in the mailbox of the local process {@code to} names; dropped when nobody is there. */
    public void deliver(ProcessRef to, Object message) {
        ProcessCell cell = table.resolve(Objects.requireNonNull(to, "to"));
        if (cell != null) {
            cell.deliver(Objects.requireNonNull(message, "message"));
        }
    }

    /** Whether {@code pid} is a live local process. */
    public boolean isAlive(Pid pid) {
        return table.contains(Objects.requireNonNull(pid, "pid"));
    }

    /** The remote process {@code from} sent the exit signal {@code reason} to {@code to} ({@code exit/2}). */
    public void exitSignal(Pid from, ProcessRef to, ExitReason reason) {
        ProcessCell cell = table.resolve(Objects.requireNonNull(to, "to"));
        if (cell != null) {
            cell.exitSignal(Objects.requireNonNull(from, "from"), Objects.requireNonNull(reason, "reason"), false);
        }
    }

    /**
     * The remote process {@code from}, linked to the local process {@code to}, ended with {@code reason}
     * (or its node was lost: {@code noconnection}; or it never lived: {@code noproc}). No effect when
     * the two are no longer linked.
     */
    public void linkExit(Pid from, Pid to, ExitReason reason) {
        ProcessCell cell = table.lookup(Objects.requireNonNull(to, "to"));
        if (cell != null) {
            LinkCascade.run(() -> cell.exitSignal(from, reason, true));
        }
    }

    /** Links the remote process {@code remote} to the local {@code local}; false when {@code local} is not alive. */
    public boolean link(Pid remote, Pid local) {
        ProcessCell cell = table.lookup(Objects.requireNonNull(local, "local"));
        return cell != null && cell.addLink(Objects.requireNonNull(remote, "remote"));
    }

    /** Removes the link between the remote {@code remote} and the local {@code local}, if any. */
    public void unlink(Pid remote, Pid local) {
        ProcessCell cell = table.lookup(Objects.requireNonNull(local, "local"));
        if (cell != null) {
            cell.removeLink(remote);
        }
    }

    /**
     * Watches the local process {@code target} names for a remote monitor: {@code onDeath} is told once,
     * with the pid and the reason, when it ends (after its name is free; it must be quick).
     *
     * @param key identifies the watch for {@link #unwatch}; unique per target
     * @return the watched pid, or null when nobody is there (the caller reports {@code noproc})
     */
    public Pid watch(ProcessRef target, Object key, BiConsumer<Pid, ExitReason> onDeath) {
        Objects.requireNonNull(onDeath, "onDeath");
        ProcessCell cell = table.resolve(Objects.requireNonNull(target, "target"));
        return cell != null && cell.addWatcher(Objects.requireNonNull(key, "key"), onDeath::accept) ? cell.pid : null;
    }

    /** Stops a watch set with {@link #watch}. */
    public void unwatch(Pid target, Object key) {
        ProcessCell cell = table.lookup(Objects.requireNonNull(target, "target"));
        if (cell != null) {
            cell.removeWatcher(key);
        }
    }

    /**
     * Delivers the DOWN of a remote monitor to its local owner, unless the monitor was removed meanwhile.
     *
     * @param pid the monitored process, or null when a remote name was monitored and nobody held it
     * @param name the monitored name, or null when a pid was monitored
     */
    public void down(Pid owner, MonitorRef ref, Pid pid, String name, ExitReason reason) {
        ProcessCell cell = table.lookup(Objects.requireNonNull(owner, "owner"));
        if (cell != null) {
            cell.deliverDown(new DownMessage(ref, pid, name, reason));
        }
    }

    /**
     * A call from the remote process {@code caller} to the local process {@code target} names: delivers
     * a {@link Call} whose reply, or the server's death, goes to {@code reply} once; a missing server
     * fails it at once with {@link NoProcessException}.
     */
    public void call(ProcessRef target, Object request, Pid caller, RemoteReply reply) {
        Objects.requireNonNull(reply, "reply");
        ProcessCell server = table.resolve(Objects.requireNonNull(target, "target"));
        ForwardedCall from = server == null ? null : new ForwardedCall(caller, target, reply, server);
        if (from == null || !server.addWatcher(from, from)) {
            reply.failed(new NoProcessException(target));
            return;
        }
        server.deliver(new Call(request, from));
    }

    /**
     * Node {@code node} (its local index, never 0) went down or cannot be reached: every link between a
     * local process and one of its processes fires {@code noconnection}. Monitors are the
     * distribution's to fire, through {@link #down}.
     */
    public void nodeDown(int node) {
        if (node == 0) {
            throw new IllegalArgumentException("node 0 is this node");
        }
        for (ProcessCell cell : table.cells()) {
            List<Pid> lost = cell.linksOn(node);
            for (Pid remote : lost) {
                LinkCascade.run(() -> cell.exitSignal(remote, ExitReason.NOCONNECTION, true));
            }
        }
    }
}
