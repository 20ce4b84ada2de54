package dev.supervision.supervisor;

import dev.supervision.genserver.CallResult;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.NoReply;
import dev.supervision.genserver.Reply;
import dev.supervision.genserver.Result;
import dev.supervision.genserver.StartResult;
import dev.supervision.genserver.Stop;
import dev.supervision.process.ExitMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.ReplyTo;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The supervisor behaviour, a GenServer as in OTP: it traps exits, starts its children in order,
 * restarts them by strategy within its restart intensity, answers the admin calls
 * ({@link AdminCalls}), and stops its children in reverse order when it terminates. It reads as
 * OTP's {@code supervisor.erl}: a child exited, restart it by strategy, now or after a backoff; a
 * failed restart is retried; one restart too many and it gives up. A new instance runs each start;
 * what it shows to snapshots it publishes through its {@link SupervisorView}.
 */
final class SupervisorServer implements GenServerBehaviour<SupervisorServer> {

    private static final Logger log = LoggerFactory.getLogger(Supervisor.class);

    private final SupervisorKind kind;
    private final SupervisorClock clockOverride;
    private final RandomGenerator random = RandomGenerator.getDefault();
    private final ChildTable children = new ChildTable();

    private ProcessRuntime runtime;
    private Pid self;
    private SupervisorFlags flags;
    private Strategy strategy;
    private RestartIntensity intensity;
    private SupervisorClock clock;
    private SupervisorEvents events;
    private ChildLifecycle lifecycle;
    private AdminCalls admin;
    private SupervisorView view;

    /** A supervisor of {@code kind} on {@code clock} (null: the system clock). */
    SupervisorServer(SupervisorKind kind, SupervisorClock clock) {
        this.kind = kind;
        this.clockOverride = clock;
    }

    // ---- init --------------------------------------------------------------------------------------

    @Override
    public Init<SupervisorServer> init(Object arg) throws Exception {
        runtime = ProcessRuntime.current();
        self = runtime.self();
        runtime.trapExit(true);
        SupervisorSpec spec;
        switch (kind.init().init()) {
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
        prepare(spec.flags());
        if (clockOverride != null) {
            SupervisorDirectory.of(runtime).ownClock(self, clockOverride);
        }
        Optional<FailedToStartChild> failed = lifecycle.startInOrder(spec.children());
        if (failed.isPresent()) {
            SupervisorDirectory.of(runtime).remove(self);
            return Init.stop(ExitReason.shutdown(failed.get()));
        }
        SupervisorDirectory.of(runtime).register(self, view);
        return Init.ok(this);
    }

    private void prepare(SupervisorFlags supervisorFlags) {
        flags = supervisorFlags;
        strategy = kind.strategy(flags);
        intensity = new RestartIntensity(flags.intensity(), flags.period().toSeconds());
        clock = clockOverride != null ? clockOverride : SupervisorClock.system(runtime);
        events = new SupervisorEvents(runtime.events(), self);
        lifecycle = new ChildLifecycle(runtime, kind, children, clock, events);
        admin = new AdminCalls(runtime, kind, flags, children, lifecycle);
        view = new SupervisorView(self, new SupervisorHeader(kind.strategyName(flags), flags.intensity(),
                flags.period(), false), children.published());
    }

    // ---- messages ----------------------------------------------------------------------------------

    @Override
    public Result<SupervisorServer> handleInfo(Object message, SupervisorServer state) {
        return switch (message) {
            case ExitMessage exit -> exitReceived(exit);
            case RetryRestart retry -> retry(retry);
            case StartSettled settled -> {
                lifecycle.settle(settled);
                yield noReply();
            }
            default -> {
                log.warn("Supervisor {} received an unexpected message: {}", self, message);
                yield noReply();
            }
        };
    }

    @Override
    public CallResult<SupervisorServer> handleCall(Object request, ReplyTo from, SupervisorServer state) {
        return new Reply<>(admin.answer(request), this);
    }

    @Override
    public void terminate(ExitReason reason, SupervisorServer state) {
        if (lifecycle != null) {
            lifecycle.stopAll();
        }
        SupervisorDirectory.of(runtime).remove(self);
    }

    // ---- a child exited ------------------------------------------------------------------------------

    private Result<SupervisorServer> exitReceived(ExitMessage exit) {
        Child child = children.unbind(exit.from());
        if (child != null) {
            return childExited(child, exit.from(), exit.reason());
        }
        lifecycle.claimFailedStart(exit).filter(children::contains)
                .ifPresent(owner -> exitedWhileStarting(owner, exit.from(), exit.reason()));
        return noReply(); // a process of no child: ignored, as OTP does
    }

    private Result<SupervisorServer> childExited(Child child, Pid pid, ExitReason reason) {
        child.publish(child.state().exited(new LastExit(reason, Instant.now())));
        reportExit(child, pid, reason);
        Restart restart = child.spec.restart();
        if (restart == Restart.TEMPORARY || (restart == Restart.TRANSIENT && reason.isNormal())) {
            if (restart == Restart.TEMPORARY) {
                children.remove(child);
            }
            return afterSignificantExit(child);
        }
        return restart(child, reason);
    }

    /**
     * The process of a start that failed ended (killed while its init ran, or its init refused): it is
     * the child's exit all the same. Its restart was already counted and is retried by
     * {@link #failedRestart}, so nothing more is restarted here.
     */
    private void exitedWhileStarting(Child child, Pid pid, ExitReason reason) {
        child.publish(child.state().withLastExit(new LastExit(reason, Instant.now())));
        reportExit(child, pid, reason);
    }

    private void reportExit(Child child, Pid pid, ExitReason reason) {
        events.exited(child, pid, reason);
        if (child.spec.type() == ChildType.SUPERVISOR) {
            SupervisorDirectory.of(runtime).remove(pid);
        }
    }

    /** auto_shutdown: a significant child ended by itself. */
    private Result<SupervisorServer> afterSignificantExit(Child child) {
        if (!child.spec.significant()) {
            return noReply();
        }
        boolean shutDown = switch (flags.autoShutdown()) {
            case NEVER -> false;
            case ANY_SIGNIFICANT -> true;
            case ALL_SIGNIFICANT -> children.oldestFirst().stream().noneMatch(
                    other -> other.spec.significant() && other.state().status() != ChildStatus.STOPPED);
        };
        return shutDown ? new Stop<>(ExitReason.SHUTDOWN, this) : noReply();
    }

    // ---- restart by strategy -------------------------------------------------------------------------

    /** One restart event: it counts toward the intensity; the group restarts now, or after the backoff. */
    private Result<SupervisorServer> restart(Child child, ExitReason reason) {
        if (!intensity.add(clock.nanoTime())) {
            return giveUp(child, reason);
        }
        List<Child> group = groupOf(child);
        Duration delay = backoffDelay(child);
        if (delay.isZero()) {
            return restartNow(child, group);
        }
        for (Child member : lifecycle.stopGroup(child, group)) {
            member.publish(member.state().restarting());
        }
        return retryLater(child, delay);
    }

    /** The children a restart of {@code child} concerns, by strategy, in start order. */
    private List<Child> groupOf(Child child) {
        return switch (strategy) {
            case ONE_FOR_ONE -> List.of(child);
            case ONE_FOR_ALL -> children.oldestFirst();
            case REST_FOR_ONE -> children.startedFrom(child);
        };
    }

    /** The group stops in reverse start order, then starts in order; each start is a restart attempt. */
    private Result<SupervisorServer> restartNow(Child child, List<Child> group) {
        for (Child member : lifecycle.stopGroup(child, group)) {
            member.publish(member.state().restartAttempt());
            StartResult started = lifecycle.start(member);
            if (started instanceof StartResult.Started running) {
                events.restarted(member, running.pid(), member.state().restarts());
            } else if (ChildLifecycle.failed(started)) {
                return failedRestart(member, ChildLifecycle.failureReason(started));
            } else if (kind.keepsSpecAfterStop(member.spec)) {
                member.publish(member.state().stopped());
            } else {
                children.remove(member);
            }
        }
        return noReply();
    }

    /** A restart whose start failed: the retry counts too, and comes later, after queued calls. */
    private Result<SupervisorServer> failedRestart(Child child, ExitReason reason) {
        if (!intensity.add(clock.nanoTime())) {
            return giveUp(child, reason);
        }
        return retryLater(child, backoffDelay(child));
    }

    /** The restart of {@code child} is retried by a message to itself, at once or after {@code delay}. */
    private Result<SupervisorServer> retryLater(Child child, Duration delay) {
        RetryRestart retry = child.nextRetry();
        child.publish(delay.isZero() ? child.state().restarting() : child.state().restartingAt(Instant.now().plus(delay)));
        if (delay.isZero()) {
            runtime.send(self, retry);
        } else {
            child.retryPending(clock.schedule(delay, () -> runtime.send(self, retry)));
        }
        return noReply();
    }

    private Result<SupervisorServer> retry(RetryRestart retry) {
        Child child = retry.child();
        if (!children.contains(child) || child.state().status() != ChildStatus.RESTARTING || !child.awaits(retry)) {
            return noReply(); // terminated, deleted or already restarted meanwhile
        }
        return restartNow(child, groupOf(child));
    }

    private Duration backoffDelay(Child child) {
        return child.nextBackoff(flags.backoff(), clock.nanoTime(), random);
    }

    // ---- give up -------------------------------------------------------------------------------------

    /** One restart too many: the child shows GAVE_UP, the others stop in reverse order, and the supervisor exits shutdown. */
    private Result<SupervisorServer> giveUp(Child child, ExitReason reason) {
        log.error("Supervisor {} reached_max_restart_intensity ({} restarts in {} s) after child '{}' exited with {};"
                + " shutting down", self, flags.intensity(), flags.period().toSeconds(), child.spec.id(), reason);
        view.publish(view.header().givenUp());
        child.publish(child.state().gaveUp());
        events.gaveUp(child, reason);
        return new Stop<>(ExitReason.SHUTDOWN, this);
    }

    private Result<SupervisorServer> noReply() {
        return new NoReply<>(this);
    }
}
