package dev.supervision.supervisor;

import dev.supervision.genserver.StartResult;
import dev.supervision.process.ExitMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessExit;
import dev.supervision.process.ProcessRuntime;
import java.util.List;
import java.util.Optional;

/**
 * Starts and stops the processes of a supervisor's children, in the supervisor's process: a started
 * child is linked, indexed by pid and published as running; a failed start's {@code EXIT} is expected
 * ({@link FailedStartExits}); a stop goes through the shutdown protocol and flushes the stopped
 * process's {@code EXIT}, as OTP's supervisor does.
 */
final class ChildLifecycle {

    private final ProcessRuntime runtime;
    private final Pid self;
    private final SupervisorKind kind;
    private final ChildTable table;
    private final SupervisorClock clock;
    private final SupervisorEvents events;
    private final ChildShutdown shutdowns;
    private final FailedStartExits failedStarts = new FailedStartExits();

    ChildLifecycle(ProcessRuntime runtime, SupervisorKind kind, ChildTable table, SupervisorClock clock,
            SupervisorEvents events) {
        this.runtime = runtime;
        this.self = runtime.self();
        this.kind = kind;
        this.table = table;
        this.clock = clock;
        this.events = events;
        this.shutdowns = new ChildShutdown(runtime);
    }

    /** Whether a start failed: {@code Failed}, or {@code AlreadyStarted} (its name is taken). */
    static boolean failed(StartResult result) {
        return result instanceof StartResult.Failed || result instanceof StartResult.AlreadyStarted;
    }

    /** Why a start failed, as OTP words it. */
    static ExitReason failureReason(StartResult result) {
        return switch (result) {
            case StartResult.Failed failed -> failed.reason();
            case StartResult.AlreadyStarted already -> ExitReason.of("{already_started," + already.holder() + "}");
            default -> throw new IllegalArgumentException("not a failure: " + result);
        };
    }

    /**
     * Starts the first children in order (OTP's {@code init_children}). When one fails, those started
     * stop in reverse order, and the failure is returned.
     */
    Optional<FailedToStartChild> startInOrder(List<ChildSpec> specs) {
        for (ChildSpec spec : specs) {
            Child child = table.add(spec, kind.childId(spec), List.of());
            StartResult started = start(child);
            if (failed(started)) {
                table.remove(child);
                stopAll();
                return Optional.of(new FailedToStartChild(spec.id(), failureReason(started)));
            }
            if (started instanceof StartResult.Ignored && !kind.keepsSpecAfterStop(spec)) {
                table.remove(child);
            }
        }
        return Optional.empty();
    }

    /**
     * Runs {@code child}'s start. A started child runs and is published so; otherwise its state is
     * left as it was, for the caller to decide.
     */
    StartResult start(Child child) {
        StartResult result = runStart(child);
        child.cancelPendingRestart();
        switch (result) {
            case StartResult.Started started -> running(child, started.pid());
            case StartResult.Failed failed -> runtime.send(self, failedStarts.expect(child, failed.reason()));
            case StartResult.Ignored ignored -> {
            }
            case StartResult.AlreadyStarted already -> {
            }
        }
        return result;
    }

    private StartResult runStart(Child child) {
        StartResult result;
        try {
            result = child.spec.start().start(child.args);
        } catch (ProcessExit exit) {
            runtime.internals().ensureCurrentAlive();
            result = new StartResult.Failed(exit.reason());
        } catch (Exception e) {
            result = new StartResult.Failed(ExitReason.crash(e));
        }
        return result != null ? result : new StartResult.Failed(ExitReason.crash(new IllegalStateException(
                "the start of child '" + child.spec.id() + "' returned null instead of a StartResult")));
    }

    private void running(Child child, Pid pid) {
        runtime.link(pid); // a start that forgot to link still gets supervised
        table.bind(child, pid);
        child.running(pid, clock.nanoTime());
        events.started(child, pid);
    }

    /** The child whose failed start the {@code EXIT} of an unknown pid comes from, if any. */
    Optional<Child> claimFailedStart(ExitMessage exit) {
        return failedStarts.claim(exit);
    }

    void settle(StartSettled settled) {
        failedStarts.settle(settled);
    }

    /** Stops a child's process, if it has one, through the shutdown protocol; the spec stays. */
    void stop(Child child) {
        child.cancelPendingRestart();
        Pid pid = child.state().pid();
        if (pid != null) {
            table.unbind(pid);
            shutdowns.stop(child, pid);
            runtime.internals().flushExit(pid);
        }
        child.publish(child.state().stopped());
    }

    /**
     * Stops the group of a restart of {@code child} in reverse start order and returns, in start order,
     * the members to start again: temporary bystanders are removed instead.
     */
    List<Child> stopGroup(Child child, List<Child> group) {
        for (Child member : group.reversed()) {
            stop(member);
            if (member != child && member.spec.restart() == Restart.TEMPORARY) {
                table.remove(member);
            }
        }
        return group.stream().filter(table::contains).toList();
    }

    /** Stops several children at once: all are signalled, then each is waited for. */
    void stopConcurrently(List<Child> children) {
        shutdowns.stopAll(children);
        children.forEach(child -> child.publish(child.state().stopped()));
    }

    /** Stops every child, newest first, as the supervisor's kind does it. */
    void stopAll() {
        List<Child> newestFirst = table.newestFirst();
        newestFirst.forEach(Child::cancelPendingRestart);
        kind.stopAll(this, newestFirst);
        table.unbindAll();
    }
}
