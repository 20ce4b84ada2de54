package dev.supervision.process;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What behaviours built on a {@link ProcessRuntime} need and applications do not: spawning
 * mailbox-driven processes, the runtime's timer thread, unwinding a killed process, watching calls,
 * and per-runtime extensions (state that belongs to one runtime, such as the directory of its
 * supervisors). GenServers, supervisors and the Spring starter use it; application code should not.
 */
public final class RuntimeInternals {

    private final ProcessRuntime runtime;
    private final ConcurrentHashMap<Class<?>, Object> extensions = new ConcurrentHashMap<>();

    RuntimeInternals(ProcessRuntime runtime) {
        this.runtime = runtime;
    }

    /**
     * Spawns a mailbox-driven process: it borrows a virtual thread only while it has messages.
     *
     * @throws RegistrationException when {@code options} names a name that is taken; nothing is spawned
     */
    public Pid spawnHandler(MessageHandler handler, SpawnOptions options) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        return runtime.spawnHandler(handler, options);
    }

    /**
     * Runs {@code action} on the runtime's timer thread after {@code delay}: for GenServer timeouts and
     * supervisor backoff. The action must be quick (a send, usually).
     */
    public ScheduledFuture<?> schedule(Duration delay, Runnable action) {
        return runtime.timers.schedule(Timeouts.requireDelay(delay), Objects.requireNonNull(action, "action"));
    }

    /**
     * Waits until {@code pid} has ended and returns its exit reason ({@code noproc} when it was not
     * alive); empty when {@code timeout} passed first. Needs no mailbox: a supervisor uses it to stop
     * children. The wait ends early, empty, if the calling thread is interrupted.
     */
    public Optional<ExitReason> awaitExit(Pid pid, Duration timeout) {
        Objects.requireNonNull(pid, "pid");
        return runtime.calls.awaitExit(pid, Timeouts.nanos(timeout));
    }

    /**
     * Unwinds the calling code when the process it runs in has already ended (it was killed, or a
     * linked process's exit took it down) by throwing {@link ProcessExit} with its exit reason; does
     * nothing on a plain thread or in a live process. Behaviours call it after blocking waits.
     */
    public void ensureCurrentAlive() {
        ProcessCell self = runtime.currentCell();
        if (self != null && !self.isAlive()) {
            throw new ProcessExit(self.exitReason());
        }
    }

    /**
     * Removes from the current process's mailbox the {@link ExitMessage}s sent by {@code from}: what a
     * start that unlinks a server it gave up on does, so that no stale {@code EXIT} is left behind.
     */
    public void flushExit(Pid from) {
        Objects.requireNonNull(from, "from");
        ProcessCell self = runtime.currentCell();
        if (self != null) {
            self.removeIf(message -> message instanceof ExitMessage exit && exit.from().equals(from));
        }
    }

    /** How many timers of {@code sendAfter} are pending: for metrics, and for tests that check none leak. */
    public int pendingTimers() {
        return runtime.timers.pending();
    }

    /** Sets the one observer told about every call (null removes it); there is none by default. */
    public void observeCalls(CallObserver observer) {
        runtime.calls.observe(observer);
    }

    /**
     * Installs the distribution of this runtime (once): {@code factory} gets the entry points it uses
     * to act on local processes and returns the {@link Distribution}, which from then on receives
     * whatever targets a process of another node. Returns what the factory made.
     *
     * @throws IllegalStateException when one is already installed
     */
    public <D extends Distribution> D installDistribution(Function<RemoteSignals, D> factory) {
        Objects.requireNonNull(factory, "factory");
        D distribution = Objects.requireNonNull(factory.apply(new RemoteSignals(runtime.table)), "distribution");
        runtime.table.installDistribution(distribution);
        return distribution;
    }

    /**
     * The runtime's one instance of {@code type}, made by {@code factory} on first use. Extensions live
     * as long as the runtime, so two runtimes in one JVM never share one.
     */
    public <T> T extension(Class<T> type, Supplier<? extends T> factory) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(factory, "factory");
        return type.cast(extensions.computeIfAbsent(type, key -> factory.get()));
    }
}
