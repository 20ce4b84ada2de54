package dev.supervision.process;

import dev.supervision.event.EventBus;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A node: the processes of one runtime, their registry, timers and lifecycle events, and the
 * primitives of Erlang's {@code erlang} and {@code gen} modules.
 *
 * <p>Every operation that targets a process takes a {@link ProcessRef}: a {@link Pid}, or a name
 * ({@code ProcessRef.named("dbconnector")}). Operations that act "as the current process"
 * ({@link #self()}, {@link #link}, {@link #monitor}, {@link #trapExit}, {@link #receive}) must run
 * inside a process of this runtime and throw {@link IllegalStateException} elsewhere. {@link #call},
 * {@link #cast}, {@link #send} and {@link #exit} work from any thread; from a plain thread the sender
 * is {@link #external()}.
 *
 * <p>Java cannot stop a thread by force. A process that is killed is dead at once for everybody
 * else (its name is free, its links and monitors fire, its waiting callers get an error, and whatever
 * it sends or replies afterwards is dropped) and its thread is interrupted. User code that may run for
 * long or block must respond to interruption; the blocking operations of this runtime
 * ({@link #receive}, {@link #call}) throw {@link ProcessExit} in a killed process so it unwinds.
 *
 * <p>What only behaviours built on the runtime need (spawning mailbox-driven processes, scheduling,
 * per-runtime extensions) is behind {@link #internals()}.
 */
public final class ProcessRuntime implements AutoCloseable {

    /** A timeout that never passes. */
    public static final Duration INFINITY = ChronoUnit.FOREVER.getDuration();

    /** The default timeout of {@link #call(ProcessRef, Request)}: 5 seconds, as in OTP. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

    /** Hands out creations, so that pids of two runtimes of one JVM never collide; nothing else is shared. */
    private static final AtomicInteger CREATIONS = new AtomicInteger();

    final ProcessTable table = new ProcessTable(CREATIONS.getAndIncrement());
    private final Pid external = new Pid(0, 0, table.creation());
    private final EventBus events = new EventBus();
    final Timers timers = new Timers("supervision-timers-" + table.creation());
    final HandOffs handOffs = new HandOffs("supervision-hand-offs-" + table.creation());
    final CallEngine calls = new CallEngine(this, table);
    private final Delivery delivery = new Delivery(table, external);
    private final LinksAndMonitors ties = new LinksAndMonitors(table, external);
    private final Spawner spawner = new Spawner(this);
    private final RuntimeInternals internals = new RuntimeInternals(this);
    private final ThreadFactory threads = Thread.ofVirtual().factory();

    private ProcessRuntime() {
    }

    /** Starts a new runtime (a node) with no processes. */
    public static ProcessRuntime create() {
        return new ProcessRuntime();
    }

    /** The runtime of the calling process; {@link IllegalStateException} when the caller is not a process. */
    public static ProcessRuntime current() {
        return ProcessCell.requireAnyCurrent().runtime;
    }

    /** The pseudo-pid that stands for plain threads, which are not processes: {@code <0.0.N>}. */
    public Pid external() {
        return external;
    }

    /** Where lifecycle events of this runtime are published. */
    public EventBus events() {
        return events;
    }

    /** The door for behaviours built on this runtime (GenServers, supervisors, the Spring starter). */
    public RuntimeInternals internals() {
        return internals;
    }

    /** Spawns a process that owns a virtual thread for its whole life and runs {@code body}. */
    public Pid spawn(ProcessBody body) {
        return spawner.launch(threadProcess(body), SpawnOptions.DEFAULT);
    }

    /** Spawns and links atomically (Erlang's {@code spawn_link}); the caller must be a process. */
    public Pid spawnLink(ProcessBody body) {
        return spawner.launch(threadProcess(body), SpawnOptions.DEFAULT.linked());
    }

    /** Spawns and monitors atomically (Erlang's {@code spawn_monitor}); the caller must be a process. */
    public PidAndMonitor spawnMonitor(ProcessBody body) {
        ProcessCell owner = requireCurrentCell("spawnMonitor");
        ThreadProcess cell = threadProcess(body);
        MonitorRef ref = ties.monitorUnborn(owner, cell);
        spawner.launch(cell, SpawnOptions.DEFAULT);
        return new PidAndMonitor(cell.pid, ref);
    }

    private ThreadProcess threadProcess(ProcessBody body) {
        return new ThreadProcess(table.nextPid(), this, Objects.requireNonNull(body, "body"));
    }

    Pid spawnHandler(MessageHandler handler, SpawnOptions options) {
        return spawner.launch(new HandlerProcess(table.nextPid(), this, handler), options);
    }

    /**
     * Sends a message (Erlang's {@code Dest ! Msg}). A message to a dead pid is dropped silently.
     *
     * @throws NoProcessException when {@code to} is a name that nobody holds (Erlang raises {@code badarg})
     */
    public void send(ProcessRef to, Object message) {
        delivery.send(Objects.requireNonNull(to, "to"),
                Objects.requireNonNull(message, "message (messages must not be null)"));
    }

    /** Waits for any message, forever; only in a process started with {@link #spawn(ProcessBody)}. */
    public Object receive() {
        return requireThreadProcess().receive(null, -1);
    }

    /** Waits up to {@code timeout} for any message; empty when none came ({@code after} in Erlang). */
    public Optional<Object> receive(Duration timeout) {
        return Optional.ofNullable(requireThreadProcess().receive(null, Timeouts.nanos(timeout)));
    }

    /** Selective receive: the oldest message that {@code matches}, leaving the others in order, within {@code timeout}. */
    public Optional<Object> receive(Predicate<Object> matches, Duration timeout) {
        Objects.requireNonNull(matches, "matches");
        return Optional.ofNullable(requireThreadProcess().receive(matches, Timeouts.nanos(timeout)));
    }

    /** Selective receive of the oldest message of {@code type} that satisfies {@code matches}. */
    public <T> Optional<T> receive(Class<T> type, Predicate<? super T> matches, Duration timeout) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(matches, "matches");
        Object message = requireThreadProcess()
                .receive(m -> type.isInstance(m) && matches.test(type.cast(m)), Timeouts.nanos(timeout));
        return Optional.ofNullable(type.cast(message));
    }

    /** {@link #call(ProcessRef, Request, Duration)} with the default 5 s timeout. */
    public <R> R call(ProcessRef server, Request<R> request) {
        return call(server, request, DEFAULT_CALL_TIMEOUT);
    }

    /**
     * Sends {@code request} as a {@link Call} and waits for the reply, typed as the request says
     * (Erlang's {@code gen_server:call}). Works from any thread. The server is watched while the caller
     * waits, so its death ends the wait at once.
     *
     * @param timeout non-negative; {@link #INFINITY} waits forever
     * @throws CallTimeoutException no answer in time; a later one is dropped
     * @throws NoProcessException the server is not alive
     * @throws ServerExitException the server ended before it answered
     * @throws CallingSelfException a process called itself
     */
    @SuppressWarnings("unchecked")
    public <R> R call(ProcessRef server, Request<R> request, Duration timeout) {
        return (R) calls.call(server, request, timeout);
    }

    /**
     * A typed call with options: its timeout and whether it carries its deadline, so that a server does
     * not start handling it once the caller has given up ({@link CallOptions#withDeadline}).
     */
    @SuppressWarnings("unchecked")
    public <R> R call(ProcessRef server, Request<R> request, CallOptions options) {
        return (R) calls.call(server, request, Objects.requireNonNull(options, "options"));
    }

    /** {@link #call(ProcessRef, Object, Duration)} with the default 5 s timeout. */
    public Object call(ProcessRef server, Object request) {
        return calls.call(server, request, DEFAULT_CALL_TIMEOUT);
    }

    /** A call whose request is not a {@link Request}: the reply is untyped. As {@link #call(ProcessRef, Request, Duration)}. */
    public Object call(ProcessRef server, Object request, Duration timeout) {
        return calls.call(server, request, timeout);
    }

    /**
     * Sends {@code request} and returns at once with a future of the reply (Erlang's
     * {@code gen_server:send_request} and {@code receive_response}). The server is watched until the
     * future completes: with the reply, or exceptionally with the same {@link CallException}s as
     * {@link #call(ProcessRef, Request, Duration)}, within {@code timeout}. A reply that arrives after
     * that is dropped; cancelling the future stops the watch. Dependent stages attached without an
     * executor may run on the thread that completes the future (the server's, or the runtime's timer
     * thread): keep them quick, or use the {@code *Async} forms.
     *
     * @param timeout non-negative; {@link #INFINITY} waits forever
     */
    @SuppressWarnings("unchecked")
    public <R> CompletableFuture<R> callAsync(ProcessRef server, Request<R> request, Duration timeout) {
        return (CompletableFuture<R>) (CompletableFuture<?>) calls.callAsync(server, request, CallOptions.of(timeout));
    }

    /** Casts {@code message} (Erlang's {@code gen_server:cast}); never throws, whether or not the server lives. */
    public void cast(ProcessRef server, Object message) {
        delivery.cast(Objects.requireNonNull(server, "server"), message);
    }

    /**
     * Sends an exit signal (Erlang's {@code exit(Pid, Reason)}): {@code kill} kills untrappably (reason
     * {@code killed}); otherwise the rules of trap exit apply. Nothing happens when the target is dead.
     *
     * @throws NoProcessException when {@code target} is a name that nobody holds
     */
    public void exit(ProcessRef target, ExitReason reason) {
        ties.exit(currentCell(), Objects.requireNonNull(target, "target"), Objects.requireNonNull(reason, "reason"));
    }

    /**
     * Links the current process to {@code other}. Linking to a dead process raises
     * {@link NoProcessException}, or delivers {@code {'EXIT', Other, noproc}} when the caller traps exits.
     */
    public void link(Pid other) {
        ties.link(requireCurrentCell("link"), Objects.requireNonNull(other, "other"));
    }

    /** Removes the link between the current process and {@code other}, if any; it has no effect afterwards. */
    public void unlink(Pid other) {
        ties.unlink(requireCurrentCell("unlink"), Objects.requireNonNull(other, "other"));
    }

    /**
     * Monitors {@code target}: one {@link DownMessage} when it ends, at once with {@code noproc} if it
     * is dead or nobody holds the name. A name is resolved once, when the monitor is set.
     */
    public MonitorRef monitor(ProcessRef target) {
        return ties.monitor(requireCurrentCell("monitor"), Objects.requireNonNull(target, "target"));
    }

    /** Removes a monitor; after it returns no DOWN for it will arrive. Returns whether it was active. */
    public boolean demonitor(MonitorRef ref) {
        return demonitor(ref, false);
    }

    /**
     * Removes a monitor; with {@code flush}, also removes its DOWN message if one is already queued
     * (Erlang's {@code demonitor(Ref, [flush])}).
     */
    public boolean demonitor(MonitorRef ref, boolean flush) {
        return ties.demonitor(requireCurrentCell("demonitor"), Objects.requireNonNull(ref, "ref"), flush);
    }

    /**
     * Makes the current process own {@code resource}: it is closed when the process exits, for any
     * reason, a kill included, as the Erlang VM closes the ports of a dead process. Closing happens on a
     * virtual thread of its own, in the order the resources were taken, shortly after the exit. Use it
     * for connections and files a GenServer opens in {@code init}.
     *
     * @return the resource, for chaining
     */
    public <T extends AutoCloseable> T closeOnExit(T resource) {
        Objects.requireNonNull(resource, "resource");
        ResourceCloser.own(this, requireCurrentCell("closeOnExit"), resource);
        return resource;
    }

    /** Sets whether the current process traps exits; returns the previous value. */
    public boolean trapExit(boolean trap) {
        return requireCurrentCell("trapExit").setTrapExit(trap);
    }

    /** The current process; {@link IllegalStateException} on a plain thread. */
    public Pid self() {
        return requireCurrentCell("self").pid;
    }

    /** The current process, or empty on a plain thread. */
    public Optional<Pid> currentPid() {
        ProcessCell cell = currentCell();
        return cell == null ? Optional.empty() : Optional.of(cell.pid);
    }

    /**
     * Registers {@code name} for {@code pid}.
     *
     * @throws RegistrationException when the name is taken (with its holder), the process already has
     *     a name, the process is not alive, or the name is blank
     */
    public void register(String name, Pid pid) {
        Objects.requireNonNull(pid, "pid");
        ProcessCell cell = table.lookup(pid);
        if (cell == null) {
            throw new RegistrationException("process " + pid + " is not alive", null);
        }
        table.register(name, cell);
    }

    /** Removes a name; returns whether it was registered. */
    public boolean unregister(String name) {
        return table.unregister(Objects.requireNonNull(name, "name"));
    }

    /** The process registered as {@code name}. */
    public Optional<Pid> whereis(String name) {
        ProcessCell cell = table.whereis(Objects.requireNonNull(name, "name"));
        return cell == null ? Optional.empty() : Optional.of(cell.pid);
    }

    /** Every registered name, sorted. */
    public Set<String> registered() {
        return table.names();
    }

    /** Whether {@code pid} is a live process of this runtime. */
    public boolean isAlive(Pid pid) {
        return table.contains(Objects.requireNonNull(pid, "pid"));
    }

    /** A snapshot of a live process, or empty. */
    public Optional<ProcessInfo> info(Pid pid) {
        ProcessCell cell = table.lookup(Objects.requireNonNull(pid, "pid"));
        return cell == null ? Optional.empty() : Optional.of(cell.info());
    }

    /** The live processes, in pid order. */
    public List<Pid> processes() {
        return table.pids();
    }

    /** How many processes are alive. */
    public int processCount() {
        return table.size();
    }

    /**
     * Sends {@code message} to {@code to} after {@code delay} (Erlang's {@code erlang:send_after}). A
     * timer aimed at a pid is cancelled when that process exits; one aimed at a name sends to whoever
     * holds the name when it fires, and is dropped when nobody does.
     *
     * @throws IllegalArgumentException for a {@link GlobalName}: look the holder up first
     */
    public TimerRef sendAfter(Duration delay, ProcessRef to, Object message) {
        Objects.requireNonNull(to, "to");
        if (to instanceof GlobalName global) {
            throw new IllegalArgumentException("sendAfter takes a pid or a name of this node, not the global name "
                    + global + ": look its holder up first (ClusterNode.globalNames().whereis)");
        }
        Objects.requireNonNull(message, "message");
        return timers.sendAfter(table, Timeouts.requireDelay(delay), to, message);
    }

    /** Cancels a timer; returns the time it had left, or empty when it had already fired. */
    public Optional<Duration> cancelTimer(TimerRef ref) {
        return timers.cancel(Objects.requireNonNull(ref, "ref"));
    }

    /**
     * Ends every process at once with reason {@code shutdown}, without running their shutdown code,
     * and stops the timers; from then on nothing can be spawned. Stop supervision trees properly
     * first; this is the node going away.
     */
    @Override
    public void close() {
        spawner.close();
        while (!table.isEmpty()) {
            for (ProcessCell cell : table.cells()) {
                cell.terminate(ExitReason.SHUTDOWN);
            }
        }
        timers.close();
        handOffs.close();
    }

    Thread newThread(Runnable task) {
        return threads.newThread(task);
    }

    ProcessCell currentCell() {
        ProcessCell cell = ProcessCell.current();
        return cell != null && cell.runtime == this ? cell : null;
    }

    private ProcessCell requireCurrentCell(String operation) {
        return ProcessCell.requireCurrent(this, operation);
    }

    private ThreadProcess requireThreadProcess() {
        return ThreadProcess.requireCurrent(this);
    }

    /** Whether {@code timeout} is {@link #INFINITY} or so long that it never passes in practice (over 292 years). */
    public static boolean isInfinite(Duration timeout) {
        return Timeouts.isInfinite(timeout);
    }

    @Override
    public String toString() {
        return "ProcessRuntime[creation=" + table.creation() + ", processes=" + table.size() + "]";
    }
}
