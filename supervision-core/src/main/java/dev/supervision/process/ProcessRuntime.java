package dev.supervision.process;

import dev.supervision.event.EventBus;
import dev.supervision.event.SupervisionEvent;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * A node: the processes of one runtime, their registry, timers and lifecycle events, and the
 * primitives of Erlang's {@code erlang} and {@code gen} modules.
 *
 * <p>Operations that act "as the current process" ({@link #self()}, {@link #link}, {@link #monitor},
 * {@link #trapExit}, {@link #receive}) must run inside a process of this runtime and throw
 * {@link IllegalStateException} elsewhere. {@link #call}, {@link #cast}, {@link #send} and
 * {@link #exit} work from any thread; from a plain thread the sender is {@link #EXTERNAL}.
 *
 * <p>Java cannot stop a thread by force. A process that is killed is dead at once for everybody
 * else (its name is free, its links and monitors fire, its waiting callers get an error, and whatever
 * it sends or replies afterwards is dropped) and its thread is interrupted. User code that may run for
 * long or block must respond to interruption; the blocking operations of this runtime
 * ({@link #receive}, {@link #call}) throw {@link ProcessExit} in a killed process so it unwinds.
 */
public final class ProcessRuntime implements AutoCloseable {

    /** A timeout that never passes. */
    public static final Duration INFINITY = ChronoUnit.FOREVER.getDuration();

    /** The default timeout of {@link #call(Pid, Object)}: 5 seconds, as in OTP. */
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(5);

    private static final AtomicInteger CREATIONS = new AtomicInteger();

    private final int creation = CREATIONS.getAndIncrement();
    private final Pid external = new Pid(0, 0, creation);
    private final AtomicLong serials = new AtomicLong();
    private final AtomicLong monitorRefs = new AtomicLong();
    private final ConcurrentHashMap<Pid, ProcessCell> table = new ConcurrentHashMap<>();
    private final Registry registry = new Registry();
    private final EventBus events = new EventBus();
    private final Timers timers = new Timers("supervision-timers-" + creation);
    private final ThreadFactory threads = Thread.ofVirtual().factory();
    private volatile boolean closed;
    private volatile CallObserver callObserver;

    private ProcessRuntime() {
    }

    /** Starts a new runtime (a node) with no processes. */
    public static ProcessRuntime create() {
        return new ProcessRuntime();
    }

    /** The runtime of the calling process; {@link IllegalStateException} when the caller is not a process. */
    public static ProcessRuntime current() {
        ProcessCell cell = ProcessCell.current();
        if (cell == null) {
            throw new IllegalStateException("ProcessRuntime.current() works only inside a process; the calling thread "
                    + Thread.currentThread() + " is not one");
        }
        return cell.runtime;
    }

    /** The pseudo-pid that stands for plain threads, which are not processes: {@code <0.0.N>}. */
    public Pid external() {
        return external;
    }

    /** Where lifecycle events of this runtime are published. */
    public EventBus events() {
        return events;
    }

    // ---- spawning ----------------------------------------------------------------------------------

    /** Spawns a process that owns a virtual thread for its whole life and runs {@code body}. */
    public Pid spawn(ProcessBody body) {
        return launch(new ThreadProcess(nextPid(), this, Objects.requireNonNull(body, "body")), SpawnOptions.DEFAULT);
    }

    /** Spawns and links atomically (Erlang's {@code spawn_link}); the caller must be a process. */
    public Pid spawnLink(ProcessBody body) {
        return launch(new ThreadProcess(nextPid(), this, Objects.requireNonNull(body, "body")),
                SpawnOptions.DEFAULT.linked());
    }

    /** Spawns and monitors atomically (Erlang's {@code spawn_monitor}); the caller must be a process. */
    public PidAndMonitor spawnMonitor(ProcessBody body) {
        ProcessCell owner = requireCurrentCell("spawnMonitor");
        ThreadProcess cell = new ThreadProcess(nextPid(), this, Objects.requireNonNull(body, "body"));
        ProcessMonitor monitor = new ProcessMonitor(nextMonitorRef(), owner, cell.pid, null);
        owner.holdMonitor(monitor);
        cell.addWatcher(monitor.ref(), monitor);
        launch(cell, SpawnOptions.DEFAULT);
        return new PidAndMonitor(cell.pid, monitor.ref());
    }

    /**
     * Spawns a mailbox-driven process: it borrows a virtual thread only while it has messages.
     *
     * @throws RegistrationException when {@code options} names a name that is taken; nothing is spawned
     */
    public Pid spawnHandler(MessageHandler handler, SpawnOptions options) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(options, "options");
        return launch(new HandlerProcess(nextPid(), this, handler), options);
    }

    private Pid launch(ProcessCell cell, SpawnOptions options) {
        if (closed) {
            throw new IllegalStateException("the runtime is closed: no process can be spawned on it");
        }
        ProcessCell parent = options.link() ? requireCurrentCell("spawning with a link") : null;
        table.put(cell.pid, cell);
        if (options.name() != null) {
            try {
                registry.register(options.name(), cell);
            } catch (RegistrationException e) {
                table.remove(cell.pid);
                throw e;
            }
        }
        if (parent != null && !ProcessCell.link(parent, cell)) {
            // The caller was killed meanwhile: a linked child must not outlive it, so it never starts.
            cell.terminate(parent.exitReason());
            throw new ProcessExit(parent.exitReason());
        }
        if (events.hasListeners()) {
            events.publish(new ProcessEvent.Spawned(cell.pid, options.name(), cell.startedAt()));
        }
        ProcessCell caller = options.startOnCaller() ? currentCell() : null;
        if (caller != null && cell instanceof HandlerProcess handlerProcess) {
            handlerProcess.startOnCaller(caller);
        } else {
            cell.start();
        }
        return cell.pid;
    }

    // ---- messages ----------------------------------------------------------------------------------

    /** Sends a message (Erlang's {@code Pid ! Msg}); a message to a dead pid is dropped silently. */
    public void send(Pid to, Object message) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message (messages must not be null)");
        if (ProcessCell.currentIsDead()) {
            return;
        }
        ProcessCell cell = table.get(to);
        if (cell != null) {
            cell.deliver(message);
        }
    }

    /**
     * Sends a message to a registered name.
     *
     * @throws NoProcessException when nobody holds the name (Erlang raises {@code badarg})
     */
    public void send(String name, Object message) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message (messages must not be null)");
        ProcessCell cell = registry.whereis(name);
        if (cell == null) {
            throw new NoProcessException(name);
        }
        if (!ProcessCell.currentIsDead()) {
            cell.deliver(message);
        }
    }

    /** Waits for any message, forever; only in a process started with {@link #spawn(ProcessBody)}. */
    public Object receive() {
        return requireThreadProcess().receive(null, -1);
    }

    /** Waits up to {@code timeout} for any message; empty when none came ({@code after} in Erlang). */
    public Optional<Object> receive(Duration timeout) {
        return Optional.ofNullable(requireThreadProcess().receive(null, timeoutNanos(timeout)));
    }

    /**
     * Selective receive: takes the oldest message that {@code matches}, leaving the others in order;
     * waits up to {@code timeout}.
     */
    public Optional<Object> receive(Predicate<Object> matches, Duration timeout) {
        Objects.requireNonNull(matches, "matches");
        return Optional.ofNullable(requireThreadProcess().receive(matches, timeoutNanos(timeout)));
    }

    /** Selective receive of the oldest message of {@code type} that satisfies {@code matches}. */
    public <T> Optional<T> receive(Class<T> type, Predicate<? super T> matches, Duration timeout) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(matches, "matches");
        Object message = requireThreadProcess()
                .receive(m -> type.isInstance(m) && matches.test(type.cast(m)), timeoutNanos(timeout));
        return Optional.ofNullable(type.cast(message));
    }

    // ---- call and cast -------------------------------------------------------------------------------

    /** {@link #call(Pid, Object, Duration)} with the default 5 s timeout. */
    public Object call(Pid server, Object request) {
        return call(server, request, DEFAULT_CALL_TIMEOUT);
    }

    /** {@link #call(String, Object, Duration)} with the default 5 s timeout. */
    public Object call(String name, Object request) {
        return call(name, request, DEFAULT_CALL_TIMEOUT);
    }

    /**
     * Sends {@code request} as a {@link Call} and waits for the answer (Erlang's {@code gen_server:call}).
     * Works from any thread. The server is watched while the caller waits, so its death ends the wait
     * at once.
     *
     * @param timeout non-negative; {@link #INFINITY} waits forever
     * @throws CallTimeoutException no answer in time; a later one is dropped
     * @throws NoProcessException the server is not alive
     * @throws ServerExitException the server ended before it answered
     * @throws CallingSelfException a process called itself
     */
    public Object call(Pid server, Object request, Duration timeout) {
        Objects.requireNonNull(server, "server");
        return call(server, table.get(server), request, timeout);
    }

    /** Like {@link #call(Pid, Object, Duration)}, to the process registered as {@code name}. */
    public Object call(String name, Object request, Duration timeout) {
        Objects.requireNonNull(name, "name");
        return call(name, registry.whereis(name), request, timeout);
    }

    private Object call(Object target, ProcessCell server, Object request, Duration timeout) {
        CallObserver observer = callObserver;
        if (observer == null) {
            return callUnobserved(target, server, request, timeout);
        }
        long start = System.nanoTime();
        try {
            Object answer = callUnobserved(target, server, request, timeout);
            observer.callEnded(target, System.nanoTime() - start, null);
            return answer;
        } catch (RuntimeException failure) {
            observer.callEnded(target, System.nanoTime() - start, failure);
            throw failure;
        }
    }

    /** Sets the one observer told about every call (null removes it); there is none by default. */
    public void observeCalls(CallObserver observer) {
        callObserver = observer;
    }

    private Object callUnobserved(Object target, ProcessCell server, Object request, Duration timeout) {
        requireTimeout(timeout);
        ProcessCell self = currentCell();
        if (server == null) {
            throw new NoProcessException(target);
        }
        if (server == self) {
            throw new CallingSelfException(self.pid);
        }
        CallSlot slot = new CallSlot(self == null ? null : self.pid);
        if (!server.addWatcher(slot, slot)) {
            throw new NoProcessException(target);
        }
        try {
            server.deliver(new Call(request, slot));
            return slot.await(target, request, timeout);
        } finally {
            server.removeWatcher(slot);
        }
    }

    /** Sends {@code message} as a {@link Cast}; never throws, whether or not the server lives. */
    public void cast(Pid server, Object message) {
        Objects.requireNonNull(server, "server");
        castTo(table.get(server), message);
    }

    /** Casts to the process registered as {@code name}; never throws, whether or not the name is held. */
    public void cast(String name, Object message) {
        Objects.requireNonNull(name, "name");
        castTo(registry.whereis(name), message);
    }

    private void castTo(ProcessCell server, Object message) {
        if (server != null && !ProcessCell.currentIsDead()) {
            server.deliver(new Cast(message));
        }
    }

    /**
     * Sends {@code request} to a target given as a {@link Pid} or a registered name; see
     * {@link #call(Pid, Object, Duration)}.
     *
     * @throws IllegalArgumentException when {@code target} is neither
     */
    public Object callTarget(Object target, Object request, Duration timeout) {
        return switch (target) {
            case Pid pid -> call(pid, request, timeout);
            case String name -> call(name, request, timeout);
            case null -> throw new NullPointerException("target");
            default -> throw new IllegalArgumentException(
                    "a target is a Pid or a registered name, not a " + target.getClass().getName());
        };
    }

    /**
     * Waits until {@code pid} has ended and returns its exit reason ({@code noproc} when it was not
     * alive); empty when {@code timeout} passed first. Needs no mailbox: a supervisor uses it to stop
     * children. The wait ends early, empty, if the calling thread is interrupted.
     */
    public Optional<ExitReason> awaitExit(Pid pid, Duration timeout) {
        Objects.requireNonNull(pid, "pid");
        long nanos = timeoutNanos(timeout);
        ProcessCell cell = table.get(pid);
        ExitWaiter waiter = new ExitWaiter();
        if (cell == null || !cell.addWatcher(waiter, waiter)) {
            return Optional.of(ExitReason.NOPROC);
        }
        try {
            return Optional.ofNullable(waiter.await(nanos));
        } finally {
            cell.removeWatcher(waiter);
        }
    }

    // ---- exit signals, links, monitors ---------------------------------------------------------------

    /**
     * Sends an exit signal (Erlang's {@code exit(Pid, Reason)}): {@code kill} kills untrappably (reason
     * {@code killed}); otherwise the rules of trap exit apply. Nothing happens when the target is dead.
     */
    public void exit(Pid target, ExitReason reason) {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(reason, "reason");
        ProcessCell self = currentCell();
        ProcessCell cell = table.get(target);
        if (cell == null || (self != null && !self.isAlive())) {
            return;
        }
        cell.exitSignal(self == null ? external : self.pid, reason, false);
        if (cell == self && !self.isAlive()) {
            throw new ProcessExit(self.exitReason());
        }
    }

    /**
     * Links the current process to {@code other}. Linking to a dead process raises
     * {@link NoProcessException}, or delivers {@code {'EXIT', Other, noproc}} when the caller traps exits.
     */
    public void link(Pid other) {
        Objects.requireNonNull(other, "other");
        ProcessCell self = requireCurrentCell("link");
        if (other.equals(self.pid)) {
            return;
        }
        ProcessCell cell = table.get(other);
        if (cell == null || !ProcessCell.link(self, cell)) {
            if (!self.isAlive()) {
                throw new ProcessExit(self.exitReason());
            }
            if (self.trapExit()) {
                self.deliver(new ExitMessage(other, ExitReason.NOPROC));
            } else {
                throw new NoProcessException(other);
            }
        }
    }

    /** Removes the link between the current process and {@code other}, if any; it has no effect afterwards. */
    public void unlink(Pid other) {
        Objects.requireNonNull(other, "other");
        ProcessCell self = requireCurrentCell("unlink");
        self.removeLink(other);
        ProcessCell cell = table.get(other);
        if (cell != null) {
            cell.removeLink(self.pid);
        }
    }

    /** Monitors {@code target}: one {@link DownMessage} when it ends, at once with {@code noproc} if it is dead. */
    public MonitorRef monitor(Pid target) {
        Objects.requireNonNull(target, "target");
        return monitor(requireCurrentCell("monitor"), target, table.get(target), null);
    }

    /** Monitors the process registered as {@code name}, resolving the name once. */
    public MonitorRef monitor(String name) {
        Objects.requireNonNull(name, "name");
        ProcessCell owner = requireCurrentCell("monitor");
        ProcessCell cell = registry.whereis(name);
        return monitor(owner, cell == null ? null : cell.pid, cell, name);
    }

    private MonitorRef monitor(ProcessCell owner, Pid target, ProcessCell cell, String name) {
        ProcessMonitor monitor = new ProcessMonitor(nextMonitorRef(), owner, target, name);
        owner.holdMonitor(monitor);
        if (cell == null || !cell.addWatcher(monitor.ref(), monitor)) {
            owner.deliverDown(new DownMessage(monitor.ref(), target, name, ExitReason.NOPROC));
        }
        return monitor.ref();
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
        Objects.requireNonNull(ref, "ref");
        ProcessCell self = requireCurrentCell("demonitor");
        ProcessMonitor monitor = self.forgetMonitor(ref);
        if (monitor != null && monitor.target() != null) {
            ProcessCell cell = table.get(monitor.target());
            if (cell != null) {
                cell.removeWatcher(ref);
            }
        }
        if (flush) {
            self.removeIf(m -> m instanceof DownMessage down && down.ref().equals(ref));
        }
        return monitor != null;
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
        ProcessCell self = requireCurrentCell("closeOnExit");
        if (!self.own(resource)) {
            closeResources(self.pid, List.of(resource));
            throw new ProcessExit(self.exitReason());
        }
        return resource;
    }

    /** Closes what a dead process owned, off the thread that ended it. */
    void closeResources(Pid owner, List<AutoCloseable> resources) {
        newThread(() -> {
            for (AutoCloseable resource : resources) {
                try {
                    resource.close();
                } catch (Exception e) {
                    org.slf4j.LoggerFactory.getLogger(ProcessRuntime.class)
                            .warn("Closing a resource of {} failed: {}", owner, e.toString());
                }
            }
        }).start();
    }

    /** Sets whether the current process traps exits; returns the previous value. */
    public boolean trapExit(boolean trap) {
        return requireCurrentCell("trapExit").setTrapExit(trap);
    }

    /** The current process; {@link IllegalStateException} on a plain thread. */
    public Pid self() {
        return requireCurrentCell("self").pid;
    }

    /**
     * Unwinds the calling code when the process it runs in has already ended (it was killed, or a
     * linked process's exit took it down) by throwing {@link ProcessExit} with its exit reason; does
     * nothing on a plain thread or in a live process. Behaviours call it after blocking waits.
     */
    public void ensureCurrentAlive() {
        ProcessCell self = currentCell();
        if (self != null && !self.isAlive()) {
            throw new ProcessExit(self.exitReason());
        }
    }

    /** The current process, or empty on a plain thread. */
    public Optional<Pid> currentPid() {
        ProcessCell cell = currentCell();
        return cell == null ? Optional.empty() : Optional.of(cell.pid);
    }

    // ---- registry ------------------------------------------------------------------------------------

    /**
     * Registers {@code name} for {@code pid}.
     *
     * @throws RegistrationException when the name is taken (with its holder), the process already has
     *     a name, the process is not alive, or the name is blank
     */
    public void register(String name, Pid pid) {
        Objects.requireNonNull(pid, "pid");
        ProcessCell cell = table.get(pid);
        if (cell == null) {
            throw new RegistrationException("process " + pid + " is not alive", null);
        }
        registry.register(name, cell);
    }

    /** Removes a name; returns whether it was registered. */
    public boolean unregister(String name) {
        return registry.unregister(Objects.requireNonNull(name, "name"));
    }

    /** The process registered as {@code name}. */
    public Optional<Pid> whereis(String name) {
        ProcessCell cell = registry.whereis(Objects.requireNonNull(name, "name"));
        return cell == null ? Optional.empty() : Optional.of(cell.pid);
    }

    /** Every registered name, sorted. */
    public Set<String> registered() {
        return registry.names();
    }

    // ---- introspection -------------------------------------------------------------------------------

    /** Whether {@code pid} is a live process of this runtime. */
    public boolean isAlive(Pid pid) {
        return table.containsKey(Objects.requireNonNull(pid, "pid"));
    }

    /** A snapshot of a live process, or empty. */
    public Optional<ProcessInfo> info(Pid pid) {
        ProcessCell cell = table.get(Objects.requireNonNull(pid, "pid"));
        return cell == null ? Optional.empty() : Optional.of(cell.info());
    }

    /** The live processes, in pid order. */
    public List<Pid> processes() {
        List<Pid> pids = new ArrayList<>(table.keySet());
        pids.sort(null);
        return pids;
    }

    /** How many processes are alive. */
    public int processCount() {
        return table.size();
    }

    // ---- timers --------------------------------------------------------------------------------------

    /** Sends {@code message} to {@code to} after {@code delay} (Erlang's {@code erlang:send_after}). */
    public TimerRef sendAfter(Duration delay, Pid to, Object message) {
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(message, "message");
        return timers.start(requireDelay(delay), () -> send(to, message));
    }

    /** Sends to a name after {@code delay}; dropped if nobody holds the name then. */
    public TimerRef sendAfter(Duration delay, String name, Object message) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(message, "message");
        return timers.start(requireDelay(delay), () -> {
            ProcessCell cell = registry.whereis(name);
            if (cell != null) {
                cell.deliver(message);
            }
        });
    }

    /** Cancels a timer; returns the time it had left, or empty when it had already fired. */
    public Optional<Duration> cancelTimer(TimerRef ref) {
        return timers.cancel(Objects.requireNonNull(ref, "ref"));
    }

    /**
     * Runs {@code action} on the timer thread after {@code delay}. For the behaviours built on this
     * runtime (GenServer timeouts, supervisor backoff); the action must be quick.
     */
    public ScheduledFuture<?> schedule(Duration delay, Runnable action) {
        return timers.schedule(requireDelay(delay), Objects.requireNonNull(action, "action"));
    }

    /**
     * Ends every process at once with reason {@code shutdown}, without running their shutdown code,
     * and stops the timers; from then on nothing can be spawned. Stop supervision trees properly
     * first; this is the node going away.
     */
    @Override
    public void close() {
        closed = true;
        while (!table.isEmpty()) {
            for (ProcessCell cell : List.copyOf(table.values())) {
                cell.terminate(ExitReason.SHUTDOWN);
            }
        }
        timers.close();
    }

    // ---- for the cells -------------------------------------------------------------------------------

    ProcessCell lookup(Pid pid) {
        return table.get(pid);
    }

    /** A process ended: free its name, then remove it from the table. */
    void forget(ProcessCell cell, String name) {
        registry.release(name, cell);
        table.remove(cell.pid, cell);
    }

    void published(SupervisionEvent event) {
        if (events.hasListeners()) {
            events.publish(event);
        }
    }

    Thread newThread(Runnable task) {
        return threads.newThread(task);
    }

    /** Whether {@code timeout} is {@link #INFINITY} or so long that it never passes in practice (over 292 years). */
    public static boolean isInfinite(Duration timeout) {
        return timeout.getSeconds() >= Long.MAX_VALUE / 1_000_000_000L;
    }

    private Pid nextPid() {
        return new Pid(0, serials.incrementAndGet(), creation);
    }

    private MonitorRef nextMonitorRef() {
        return new MonitorRef(monitorRefs.incrementAndGet());
    }

    private ProcessCell currentCell() {
        ProcessCell cell = ProcessCell.current();
        return cell != null && cell.runtime == this ? cell : null;
    }

    private ProcessCell requireCurrentCell(String operation) {
        ProcessCell cell = currentCell();
        if (cell == null) {
            throw new IllegalStateException(operation + " works only inside a process of this runtime; the calling thread "
                    + Thread.currentThread() + " is not one");
        }
        return cell;
    }

    private ThreadProcess requireThreadProcess() {
        ProcessCell cell = requireCurrentCell("receive");
        if (cell instanceof ThreadProcess process) {
            return process;
        }
        throw new IllegalStateException("receive works only in a process started with spawn(ProcessBody); "
                + cell.pid + " is mailbox-driven and gets its messages through its handler");
    }

    private static void requireTimeout(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must not be negative: " + timeout);
        }
    }

    private static Duration requireDelay(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative: " + delay);
        }
        return delay;
    }

    private static long timeoutNanos(Duration timeout) {
        requireTimeout(timeout);
        return isInfinite(timeout) ? -1 : timeout.toNanos();
    }

    @Override
    public String toString() {
        return "ProcessRuntime[creation=" + creation + ", processes=" + table.size() + "]";
    }
}
