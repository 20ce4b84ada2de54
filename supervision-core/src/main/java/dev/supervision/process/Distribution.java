package dev.supervision.process;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The service provider interface of distribution: where the runtime sends what targets a process of
 * another node. A runtime has none unless a module installs one with
 * {@link RuntimeInternals#installDistribution(java.util.function.Function)}; it is consulted only for a {@link Pid}
 * whose node is not 0 and for a {@link RemoteName}, so local operations never reach it; a
 * {@link GlobalName} is first resolved to a pid with {@link #whereisGlobal}.
 *
 * <p>Every method is called on the thread of the operation (the sending process, for instance), so an
 * implementation that hands what it is given to an ordered channel in the same call keeps Erlang's
 * order between one sender and one receiver. Methods must not block for long and must not throw for
 * a node that is down: what that means is theirs to report, through {@link RemoteSignals}.
 */
public interface Distribution {

    /**
     * {@code from} (the sending process, or {@link ProcessRuntime#external()}) sends {@code message}
     * to {@code to}, a remote pid or a {@link RemoteName}; a cast arrives here as a {@link Cast}.
     * Dropped silently when the target cannot be reached, as in Erlang.
     */
    void send(Pid from, ProcessRef to, Object message);

    /** {@code from} sends the exit signal {@code reason} to {@code to} (Erlang's {@code exit/2}). */
    void exit(Pid from, ProcessRef to, ExitReason reason);

    /**
     * The local process {@code local} has linked itself to {@code remote} (the link is already in its
     * own set). When the remote process is dead or its node cannot be reached, the implementation
     * reports it through {@link RemoteSignals#linkExit} with {@code noproc} or {@code noconnection}.
     */
    void link(Pid local, Pid remote);

    /** The local process {@code local} has removed its link to {@code remote}. */
    void unlink(Pid local, Pid remote);

    /** The local process {@code local}, linked to {@code remote}, ended with {@code reason}. */
    void linkExit(Pid local, Pid remote, ExitReason reason);

    /**
     * The local process {@code owner} monitors {@code target} (a remote pid or a {@link RemoteName});
     * the monitor {@code ref} is already held by the owner. The implementation delivers the one DOWN
     * through {@link RemoteSignals#down}, at once with {@code noconnection} for an unreachable node.
     */
    void monitor(Pid owner, MonitorRef ref, ProcessRef target);

    /**
     * The monitor {@code ref} held by {@code owner} was removed, or its owner ended; the implementation
     * forgets it. Called for every monitor whose target is not a local process; unknown refs are ignored.
     */
    void demonitor(Pid owner, MonitorRef ref);

    /**
     * A call to a remote {@code target}: a future completed with the reply, or exceptionally with a
     * {@link CallException} ({@link CallTimeoutException} once {@code timeout} has passed,
     * {@link NoProcessException}, {@link ServerExitException}, {@link NodeDownException},
     * {@link UnreadableMessageException}). Cancelling the future abandons the call.
     *
     * @param caller the calling process, or null for a plain thread
     */
    CompletableFuture<Object> call(Pid caller, ProcessRef target, Object request, Duration timeout);

    /**
     * The pid that holds the global name {@code name} now (local or remote), or null when nobody does.
     * The runtime calls it once per operation on a {@link GlobalName}, on the operation's thread, so it
     * must answer from memory. Without an implementation, global names resolve to nothing.
     */
    default Pid whereisGlobal(String name) {
        return null;
    }
}
