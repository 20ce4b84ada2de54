package dev.supervision.supervisor;

import dev.supervision.genserver.GenServers;
import dev.supervision.genserver.StartOptions;
import dev.supervision.genserver.StartResult;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import java.util.List;
import java.util.Objects;

/**
 * Dynamic supervisors (Elixir's {@code DynamicSupervisor}, OTP's {@code simple_one_for_one}): no
 * children at start; children are added at run time from any spec, restarted one for one, identified
 * by pid, and shut down concurrently when the supervisor stops.
 */
public final class DynamicSupervisor {

    private DynamicSupervisor() {
    }

    /** Starts a dynamic supervisor, not linked to the caller. */
    public static StartResult start(ProcessRuntime runtime, DynamicSupervisorSpec spec, StartOptions options) {
        return start(runtime, spec, options, null);
    }

    /** Starts a dynamic supervisor on {@code clock} (null: the system clock). */
    public static StartResult start(
            ProcessRuntime runtime, DynamicSupervisorSpec spec, StartOptions options, SupervisorClock clock) {
        Objects.requireNonNull(spec, "spec");
        return GenServers.start(runtime, new SupervisorServer(new SupervisorKind.Dynamic(spec), clock), null, options);
    }

    /**
     * Starts a dynamic supervisor linked to the calling process; under a supervisor started on a clock
     * of its own it uses that clock too.
     */
    public static StartResult startLink(ProcessRuntime runtime, DynamicSupervisorSpec spec, StartOptions options) {
        Objects.requireNonNull(spec, "spec");
        SupervisorClock inherited = SupervisorDirectory.of(runtime).inheritedClock(runtime);
        return GenServers.startLink(runtime, new SupervisorServer(new SupervisorKind.Dynamic(spec), inherited), null,
                options);
    }

    /** A child spec that runs a dynamic supervisor under another supervisor. */
    public static ChildSpec childSpec(String id, DynamicSupervisorSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return new ChildSpec(id, extraArgs -> startLink(ProcessRuntime.current(), spec, StartOptions.DEFAULT),
                Restart.PERMANENT, null, ChildType.SUPERVISOR, false, null);
    }

    /**
     * Starts a child; its start gets the supervisor's extra arguments followed by {@code args}. Nothing
     * is kept when the start fails or is ignored.
     *
     * @throws SupervisorException {@code MAX_CHILDREN}
     * @throws IllegalArgumentException a significant child, which a dynamic supervisor does not support
     */
    public static StartResult startChild(ProcessRuntime runtime, ProcessRef sup, ChildSpec spec, Object... args) {
        Objects.requireNonNull(spec, "spec");
        return (StartResult) Supervisor.ask(runtime, sup, new AdminRequest.StartChild(spec, List.of(args)));
    }

    /**
     * Stops a child and forgets it.
     *
     * @throws SupervisorException {@code NOT_FOUND} when {@code child} is not one of its children
     */
    public static void terminateChild(ProcessRuntime runtime, ProcessRef sup, Pid child) {
        Supervisor.ask(runtime, sup, new AdminRequest.TerminateChild(Objects.requireNonNull(child, "child")));
    }

    /** The children, latest started first; their ids are null. */
    public static List<ChildInfo> whichChildren(ProcessRuntime runtime, ProcessRef sup) {
        return Supervisor.whichChildren(runtime, sup);
    }

    /** Counts of children (specs equals the number of children). */
    public static ChildCounts countChildren(ProcessRuntime runtime, ProcessRef sup) {
        return Supervisor.countChildren(runtime, sup);
    }
}
