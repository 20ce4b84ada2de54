package dev.supervision.supervisor;

import dev.supervision.genserver.CallResult;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.GenServers;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.NoReply;
import dev.supervision.genserver.Reply;
import dev.supervision.genserver.Result;
import dev.supervision.genserver.StartResult;
import dev.supervision.genserver.Stop;
import dev.supervision.process.ExitMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessExit;
import dev.supervision.process.ProcessInfo;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.ReplyTo;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor behaviour, a GenServer as in OTP: it traps exits, starts its children in order,
 * restarts them by strategy within its restart intensity, answers the admin calls, and stops its
 * children in reverse order when it terminates. Its state lives in this object, which is created anew
 * for every start.
 */
final class SupervisorServer implements GenServerBehaviour<SupervisorServer> {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final SupervisorInit init;
    private final SupervisorClock clockOverride;
    private final DynamicSupervisorSpec dynamicSpec;
    private final boolean dynamic;
    private final RandomGenerator random = RandomGenerator.getDefault();

    /** In start order; read by snapshots from any thread. */
    private final ConcurrentSkipListMap<Long, Child> children = new ConcurrentSkipListMap<>();
    private final Map<String, Child> byId = new HashMap<>();
    private final Map<Pid, Child> byPid = new HashMap<>();
    private long nextOrder;

    private ProcessRuntime runtime;
    private Pid self;
    private SupervisorClock clock;
    private SupervisorFlags flags;
    private RestartIntensity intensity;
    private ChildShutdown shutdowns;
    private volatile boolean gaveUp;

    private SupervisorServer(SupervisorInit init, SupervisorClock clock, DynamicSupervisorSpec dynamicSpec) {
        this.init = init;
        this.clockOverride = clock;
        this.dynamicSpec = dynamicSpec;
        this.dynamic = dynamicSpec != null;
    }

    static SupervisorServer forStatic(SupervisorInit init, SupervisorClock clock) {
        return new SupervisorServer(init, clock, null);
    }

    static SupervisorServer forDynamic(DynamicSupervisorSpec spec, SupervisorClock clock) {
        return new SupervisorServer(() -> Init.ok(new SupervisorSpec(spec.flags(), List.of())), clock, spec);
    }

    // ---- init --------------------------------------------------------------------------------------

    @Override
    public Init<SupervisorServer> init(Object arg) throws Exception {
        runtime = ProcessRuntime.current();
        self = runtime.self();
        runtime.trapExit(true);
        SupervisorSpec spec;
        switch (init.init()) {
            case Init.Ok<SupervisorSpec> ok when ok.state() != null -> spec = ok.state();
            case Init.Ignore<SupervisorSpec> ignore -> {
                return Init.ignore();
            }
            case Init.Stop<SupervisorSpec> stop -> {
                return Init.stop(stop.reason());
            }
            case null, default -> throw new IllegalStateException(
                    "a supervisor's init must return Init.ok(spec), Init.ignore() or Init.stop(reason)");
        }
        flags = spec.flags();
        intensity = new RestartIntensity(flags.intensity(), flags.period().toSeconds());
        clock = clockOverride != null ? clockOverride : SupervisorClock.system(runtime);
        shutdowns = new ChildShutdown(runtime);
        for (ChildSpec childSpec : spec.children()) {
            Child child = add(childSpec, List.of());
            StartResult started = attempt(child);
            if (isFailure(started)) {
                remove(child);
                stopAll();
                return Init.stop(ExitReason.shutdown(new FailedToStartChild(childSpec.id(), failureReason(started))));
            }
            if (started instanceof StartResult.Ignored && childSpec.restart() == Restart.TEMPORARY) {
                remove(child);
            }
        }
        SupervisorDirectory.of(runtime).register(self, this);
        return Init.ok(this);
    }

    // ---- messages ----------------------------------------------------------------------------------

    @Override
    public Result<SupervisorServer> handleInfo(Object message, SupervisorServer state) {
        return switch (message) {
            case ExitMessage exit -> {
                Child child = byPid.remove(exit.from());
                yield child == null ? new NoReply<>(this) : childExited(child, exit.from(), exit.reason());
            }
            case RetryRestart retry -> retry(retry);
            default -> {
                log.warn("Supervisor {} received an unexpected message: {}", self, message);
                yield new NoReply<>(this);
            }
        };
    }

    @Override
    public CallResult<SupervisorServer> handleCall(Object request, ReplyTo from, SupervisorServer state) {
        Object answer = switch (request) {
            case AdminRequest.WhichChildren which -> whichChildren();
            case AdminRequest.CountChildren count -> countChildren();
            case AdminRequest.TerminateChild terminate -> terminateChild(terminate.child());
            case AdminRequest.RestartChild restart -> restartChild(restart.id());
            case AdminRequest.DeleteChild delete -> deleteChild(delete.id());
            case AdminRequest.StartChild start -> startChild(start.spec(), start.args());
            case AdminRequest.GetChildSpec get -> find(get.child()).map(child -> child.spec);
            default -> new IllegalArgumentException("a supervisor does not understand the call " + request);
        };
        return new Reply<>(answer, this);
    }

    @Override
    public void terminate(ExitReason reason, SupervisorServer state) {
        if (shutdowns != null) {
            stopAll();
        }
        SupervisorDirectory.of(runtime).remove(self);
    }

    // ---- a child exited ------------------------------------------------------------------------------

    private Result<SupervisorServer> childExited(Child child, Pid pid, ExitReason reason) {
        child.exited(reason);
        publish(new SupervisorEvent.ChildExited(self, child.id(dynamic), pid, reason, Instant.now()));
        if (child.spec.type() == ChildType.SUPERVISOR) {
            SupervisorDirectory.of(runtime).remove(pid);
        }
        Restart restart = child.spec.restart();
        if (restart == Restart.TEMPORARY || (restart == Restart.TRANSIENT && reason.isNormal())) {
            if (restart == Restart.TEMPORARY) {
                remove(child);
            }
            return afterSignificantExit(child);
        }
        return restart(child);
    }

    /** auto_shutdown: a significant child ended by itself. */
    private Result<SupervisorServer> afterSignificantExit(Child child) {
        if (!child.spec.significant()) {
            return new NoReply<>(this);
        }
        boolean shutDown = switch (flags.autoShutdown()) {
            case NEVER -> false;
            case ANY_SIGNIFICANT -> true;
            case ALL_SIGNIFICANT -> children.values().stream()
                    .noneMatch(other -> other.spec.significant() && other.status != ChildStatus.STOPPED);
        };
        return shutDown ? new Stop<>(ExitReason.SHUTDOWN, this) : new NoReply<>(this);
    }

    // ---- restarts ----------------------------------------------------------------------------------

    /** One restart event: counts toward the intensity, then restarts now or after the backoff. */
    private Result<SupervisorServer> restart(Child child) {
        if (!intensity.add(clock.nanoTime())) {
            return giveUp(child);
        }
        Duration delay = backoffDelay(child);
        if (delay.isZero()) {
            return restartNow(child);
        }
        for (Child affected : group(child)) {
            stop(affected);
            affected.status = ChildStatus.RESTARTING;
        }
        scheduleRetry(child, delay);
        return new NoReply<>(this);
    }

    private Result<SupervisorServer> retry(RetryRestart retry) {
        Child child = retry.child();
        if (children.get(child.order) != child || child.status != ChildStatus.RESTARTING
                || child.retryGeneration != retry.generation()) {
            return new NoReply<>(this); // terminated, deleted or already restarted meanwhile
        }
        child.pendingRestart = null;
        return restartNow(child);
    }

    /** Restarts by strategy: the child alone, or its group stopped in reverse and started in order. */
    private Result<SupervisorServer> restartNow(Child child) {
        List<Child> group = group(child);
        for (Child member : group.reversed()) {
            stop(member);
            if (member.spec.restart() == Restart.TEMPORARY && member != child) {
                remove(member);
            }
        }
        for (Child member : group) {
            if (children.get(member.order) != member) {
                continue; // a temporary bystander, removed above
            }
            StartResult started = attempt(member);
            if (isFailure(started)) {
                return failedRestart(member);
            }
            if (started instanceof StartResult.Started) {
                member.restarts++;
                publish(new SupervisorEvent.ChildRestarted(
                        self, member.id(dynamic), member.pid, member.restarts, Instant.now()));
            } else if (dynamic || member.spec.restart() == Restart.TEMPORARY) {
                remove(member);
            }
        }
        return new NoReply<>(this);
    }

    /** A restart failed: it counts, and the retry comes as a message, so queued calls are served first. */
    private Result<SupervisorServer> failedRestart(Child child) {
        if (!intensity.add(clock.nanoTime())) {
            return giveUp(child);
        }
        child.status = ChildStatus.RESTARTING;
        Duration delay = backoffDelay(child);
        if (delay.isZero()) {
            child.retryGeneration++;
            runtime.send(self, new RetryRestart(child, child.retryGeneration));
        } else {
            scheduleRetry(child, delay);
        }
        return new NoReply<>(this);
    }

    private void scheduleRetry(Child child, Duration delay) {
        child.cancelPendingRestart();
        child.status = ChildStatus.RESTARTING;
        RetryRestart retry = new RetryRestart(child, child.retryGeneration);
        child.pendingRestart = clock.schedule(delay, () -> runtime.send(self, retry));
    }

    private Result<SupervisorServer> giveUp(Child child) {
        log.error("Supervisor {} reached_max_restart_intensity ({} restarts in {} s) after child '{}' exited with {};"
                + " shutting down", self, flags.intensity(), flags.period().toSeconds(), child.spec.id(),
                child.lastExit == null ? null : child.lastExit.reason());
        gaveUp = true;
        child.status = ChildStatus.STOPPED;
        if (child.spec.restart() == Restart.TEMPORARY) {
            remove(child);
        }
        publish(new SupervisorEvent.GaveUp(self, child.id(dynamic),
                child.lastExit == null ? ExitReason.NOPROC : child.lastExit.reason(), Instant.now()));
        return new Stop<>(ExitReason.SHUTDOWN, this);
    }

    /** The children a restart of {@code child} concerns, in start order. */
    private List<Child> group(Child child) {
        return switch (dynamic ? Strategy.ONE_FOR_ONE : flags.strategy()) {
            case ONE_FOR_ONE -> List.of(child);
            case ONE_FOR_ALL -> List.copyOf(children.values());
            case REST_FOR_ONE -> List.copyOf(children.tailMap(child.order, true).values());
        };
    }

    private Duration backoffDelay(Child child) {
        Backoff backoff = child.spec.backoff() != null ? child.spec.backoff() : flags.backoff();
        if (backoff == null) {
            return Duration.ZERO;
        }
        long ranFor = clock.nanoTime() - child.startedNanos;
        if (child.startedNanos != 0 && ranFor >= backoff.resetAfter().toNanos() && child.status != ChildStatus.RESTARTING) {
            child.backoffAttempts = 0;
        }
        child.backoffAttempts++;
        return backoff.delay(child.backoffAttempts, random);
    }

    // ---- starting and stopping one child -----------------------------------------------------------

    private StartResult attempt(Child child) {
        StartResult result;
        try {
            result = child.spec.start().start(child.args);
        } catch (ProcessExit exit) {
            runtime.internals().ensureCurrentAlive();
            result = new StartResult.Failed(exit.reason());
        } catch (Exception e) {
            result = new StartResult.Failed(ExitReason.crash(e));
        }
        if (result == null) {
            result = new StartResult.Failed(ExitReason.crash(new IllegalStateException(
                    "the start of child '" + child.spec.id() + "' returned null instead of a StartResult")));
        }
        child.cancelPendingRestart();
        switch (result) {
            case StartResult.Started started -> {
                Pid pid = started.pid();
                runtime.link(pid); // a start that forgot to link still gets supervised
                byPid.put(pid, child);
                child.started(pid, clock.nanoTime());
                publish(new SupervisorEvent.ChildStarted(self, child.id(dynamic), pid, Instant.now()));
            }
            case StartResult.Ignored ignored -> child.status = ChildStatus.STOPPED;
            case StartResult.AlreadyStarted already -> child.status = ChildStatus.STOPPED;
            case StartResult.Failed failed -> child.status = ChildStatus.STOPPED;
        }
        return result;
    }

    private static boolean isFailure(StartResult result) {
        return result instanceof StartResult.Failed || result instanceof StartResult.AlreadyStarted;
    }

    private static ExitReason failureReason(StartResult result) {
        return switch (result) {
            case StartResult.Failed failed -> failed.reason();
            case StartResult.AlreadyStarted already -> ExitReason.of("{already_started," + already.holder() + "}");
            default -> throw new IllegalArgumentException("not a failure: " + result);
        };
    }

    /** Stops a child's process, if it has one, through the shutdown protocol; the spec stays. */
    private void stop(Child child) {
        child.cancelPendingRestart();
        Pid pid = child.pid;
        if (pid != null) {
            byPid.remove(pid);
            shutdowns.stop(child, pid);
            child.pid = null;
        }
        child.status = ChildStatus.STOPPED;
    }

    /** Stops every child: in reverse start order, or all at once for a dynamic supervisor. */
    private void stopAll() {
        List<Child> all = new ArrayList<>(children.descendingMap().values());
        all.forEach(Child::cancelPendingRestart);
        if (dynamic) {
            shutdowns.stopAll(all);
            all.forEach(child -> {
                child.pid = null;
                child.status = ChildStatus.STOPPED;
            });
        } else {
            all.forEach(this::stop);
        }
        byPid.clear();
    }

    private Child add(ChildSpec spec, List<Object> args) {
        Child child = new Child(nextOrder++, spec, args);
        children.put(child.order, child);
        if (!dynamic) {
            byId.put(spec.id(), child);
        }
        return child;
    }

    private void remove(Child child) {
        child.cancelPendingRestart();
        children.remove(child.order);
        if (!dynamic) {
            byId.remove(child.spec.id(), child);
        }
        if (child.pid != null) {
            byPid.remove(child.pid);
        }
    }

    // ---- the admin API -----------------------------------------------------------------------------

    private Optional<Child> find(Object ref) {
        return Optional.ofNullable(switch (ref) {
            case String id when !dynamic -> byId.get(id);
            case Pid pid when dynamic -> byPid.get(pid);
            default -> null;
        });
    }

    private List<ChildInfo> whichChildren() {
        return children.descendingMap().values().stream()
                .map(child -> new ChildInfo(child.id(dynamic), child.pid, child.status, child.spec.type()))
                .toList();
    }

    private ChildCounts countChildren() {
        int active = 0;
        int supervisors = 0;
        for (Child child : children.values()) {
            Pid pid = child.pid;
            if (pid != null && runtime.isAlive(pid)) {
                active++;
            }
            if (child.spec.type() == ChildType.SUPERVISOR) {
                supervisors++;
            }
        }
        return new ChildCounts(children.size(), active, supervisors, children.size() - supervisors);
    }

    private Object terminateChild(Object ref) {
        Optional<Child> found = find(ref);
        if (found.isEmpty()) {
            return new Refusal(SupervisorException.Problem.NOT_FOUND, ref);
        }
        Child child = found.get();
        stop(child);
        if (dynamic || child.spec.restart() == Restart.TEMPORARY) {
            remove(child);
        }
        return Boolean.TRUE;
    }

    private Object restartChild(String id) {
        return withStoppedChild(id, this::attempt);
    }

    private Object deleteChild(String id) {
        return withStoppedChild(id, child -> {
            remove(child);
            return Boolean.TRUE;
        });
    }

    /** Runs {@code action} on child {@code id} when it exists and is neither running nor restarting. */
    private Object withStoppedChild(String id, java.util.function.Function<Child, Object> action) {
        Optional<Child> found = find(id);
        if (found.isEmpty()) {
            return new Refusal(SupervisorException.Problem.NOT_FOUND, id);
        }
        return switch (found.get().status) {
            case RUNNING -> new Refusal(SupervisorException.Problem.RUNNING, id);
            case RESTARTING -> new Refusal(SupervisorException.Problem.RESTARTING, id);
            default -> action.apply(found.get());
        };
    }

    private Object startChild(ChildSpec spec, List<Object> args) {
        List<Object> allArgs = args;
        if (dynamic) {
            if (spec.significant()) {
                return new IllegalArgumentException("child '" + spec.id()
                        + "': a dynamic supervisor does not support significant children");
            }
            if (children.size() >= dynamicSpec.maxChildren()) {
                return new Refusal(SupervisorException.Problem.MAX_CHILDREN, spec.id());
            }
            allArgs = new ArrayList<>(dynamicSpec.extraArguments());
            allArgs.addAll(args);
        } else {
            try {
                SupervisorSpec.checkSignificance(spec, flags);
            } catch (IllegalArgumentException e) {
                return e;
            }
            Child existing = byId.get(spec.id());
            if (existing != null) {
                return existing.status == ChildStatus.RUNNING
                        ? new StartResult.AlreadyStarted(existing.pid)
                        : new Refusal(SupervisorException.Problem.ALREADY_PRESENT, spec.id());
            }
        }
        Child child = add(spec, List.copyOf(allArgs));
        StartResult started = attempt(child);
        if (isFailure(started) || (started instanceof StartResult.Ignored
                && (dynamic || spec.restart() == Restart.TEMPORARY))) {
            remove(child);
        }
        return started;
    }

    // ---- snapshots and events ------------------------------------------------------------------------

    /** A picture of this supervisor and its subtree, from any thread, without asking any process. */
    SupervisorSnapshot snapshot() {
        List<ChildSnapshot> views = new ArrayList<>();
        for (Child child : children.values()) {
            Pid pid = child.pid;
            Optional<ProcessInfo> info = pid == null ? Optional.empty() : runtime.info(pid);
            SupervisorServer subtree = pid != null && child.spec.type() == ChildType.SUPERVISOR
                    ? SupervisorDirectory.of(runtime).find(pid) : null;
            ChildStatus status = child.status;
            views.add(new ChildSnapshot(child.id(dynamic), pid, info.map(ProcessInfo::name).orElse(null),
                    child.spec.type(), status, child.spec.restart(), child.restarts, child.lastExit,
                    status == ChildStatus.RUNNING ? child.startedAt : null,
                    info.map(ProcessInfo::mailboxLength).orElse(0),
                    subtree == null ? null : subtree.snapshot()));
        }
        String strategy = dynamic ? "dynamic" : flags.strategy().name().toLowerCase(java.util.Locale.ROOT);
        String name = runtime.info(self).map(ProcessInfo::name).orElse(null);
        return new SupervisorSnapshot(self, name, strategy, flags.intensity(), flags.period(), gaveUp, views);
    }

    private void publish(SupervisorEvent event) {
        if (runtime.events().hasListeners()) {
            runtime.events().publish(event);
        }
    }
}
