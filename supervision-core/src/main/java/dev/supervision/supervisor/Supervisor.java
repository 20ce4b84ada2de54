package dev.supervision.supervisor;

import dev.supervision.genserver.GenServers;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.StartOptions;
import dev.supervision.genserver.StartResult;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Static supervisors (OTP's {@code supervisor}): start one, and the admin API. A supervisor is a
 * process; {@code sup} arguments are its {@link Pid} or registered name.
 *
 * <pre>{@code
 * SupervisorSpec spec = SupervisorSpec.of(
 *         SupervisorFlags.of(Strategy.REST_FOR_ONE).withIntensity(3, Duration.ofSeconds(5)),
 *         ChildSpec.worker("db", "dbconnector", DbConnector::new, null),
 *         ChildSpec.worker("mailer", Mailer::new, null));
 * Pid sup = Supervisor.start(runtime, spec, StartOptions.named("app")).orThrow();
 * }</pre>
 *
 * <p>The admin calls wait as long as the supervisor needs, as OTP's do; a call to a supervisor that does
 * not exist throws {@code NoProcessException}.
 */
public final class Supervisor {

    private Supervisor() {
    }

    /** Starts a supervisor running {@code spec}, not linked to the caller; returns once every child has started. */
    public static StartResult start(ProcessRuntime runtime, SupervisorSpec spec, StartOptions options) {
        Objects.requireNonNull(spec, "spec");
        return start(runtime, () -> Init.ok(spec), options, null);
    }

    /** Starts a supervisor whose spec {@code init} decides, in the new process. */
    public static StartResult start(ProcessRuntime runtime, SupervisorInit init, StartOptions options) {
        return start(runtime, init, options, null);
    }

    /**
     * Starts a supervisor that counts restarts and waits out backoffs on {@code clock} (null: the system
     * clock). Tests use a manual clock.
     */
    public static StartResult start(
            ProcessRuntime runtime, SupervisorInit init, StartOptions options, SupervisorClock clock) {
        Objects.requireNonNull(init, "init");
        return GenServers.start(runtime, new SupervisorServer(new SupervisorKind.Static(init), clock), null, options);
    }

    /**
     * Starts a supervisor linked to the calling process (a parent supervisor, usually). When the
     * caller is a supervisor started on a clock of its own, the new one uses that clock too, so one
     * manual clock drives a whole tree.
     */
    public static StartResult startLink(ProcessRuntime runtime, SupervisorSpec spec, StartOptions options) {
        Objects.requireNonNull(spec, "spec");
        SupervisorClock inherited = SupervisorDirectory.of(runtime).inheritedClock(runtime);
        return GenServers.startLink(runtime, new SupervisorServer(new SupervisorKind.Static(() -> Init.ok(spec)), inherited),
                null, options);
    }

    /** Stops a supervisor: its children stop in reverse start order, then it exits {@code shutdown}. */
    public static void stop(ProcessRuntime runtime, ProcessRef sup) {
        GenServers.stop(runtime, sup, ExitReason.SHUTDOWN, ProcessRuntime.INFINITY);
    }

    /** The children, latest started first (OTP's {@code which_children}). */
    @SuppressWarnings("unchecked")
    public static List<ChildInfo> whichChildren(ProcessRuntime runtime, ProcessRef sup) {
        return (List<ChildInfo>) ask(runtime, sup, new AdminRequest.WhichChildren());
    }

    /** Counts of specs, live children, supervisors and workers (OTP's {@code count_children}). */
    public static ChildCounts countChildren(ProcessRuntime runtime, ProcessRef sup) {
        return (ChildCounts) ask(runtime, sup, new AdminRequest.CountChildren());
    }

    /**
     * Adds a child at the end and starts it (OTP's {@code start_child}). A start that fails discards the
     * spec and returns {@code Failed}; a running child with the same id gives {@code AlreadyStarted}.
     *
     * @throws SupervisorException {@code ALREADY_PRESENT} when a stopped child has that id
     * @throws IllegalArgumentException a significant child under {@code autoShutdown never}
     */
    public static StartResult startChild(ProcessRuntime runtime, ProcessRef sup, ChildSpec spec) {
        Objects.requireNonNull(spec, "spec");
        return (StartResult) ask(runtime, sup, new AdminRequest.StartChild(spec, List.of()));
    }

    /**
     * Stops a child through its shutdown protocol and keeps its spec (a temporary child's is removed);
     * stops a pending restart too.
     *
     * @throws SupervisorException {@code NOT_FOUND}
     */
    public static void terminateChild(ProcessRuntime runtime, ProcessRef sup, String id) {
        ask(runtime, sup, new AdminRequest.TerminateChild(Objects.requireNonNull(id, "id")));
    }

    /**
     * Starts a stopped child again; does not count toward the intensity.
     *
     * @throws SupervisorException {@code RUNNING}, {@code RESTARTING} or {@code NOT_FOUND}
     */
    public static StartResult restartChild(ProcessRuntime runtime, ProcessRef sup, String id) {
        return (StartResult) ask(runtime, sup, new AdminRequest.RestartChild(Objects.requireNonNull(id, "id")));
    }

    /**
     * Removes a stopped child's spec.
     *
     * @throws SupervisorException {@code RUNNING}, {@code RESTARTING} or {@code NOT_FOUND}
     */
    public static void deleteChild(ProcessRuntime runtime, ProcessRef sup, String id) {
        ask(runtime, sup, new AdminRequest.DeleteChild(Objects.requireNonNull(id, "id")));
    }

    /** A child's spec, defaults filled in (OTP's {@code get_childspec}). */
    @SuppressWarnings("unchecked")
    public static Optional<ChildSpec> getChildSpec(ProcessRuntime runtime, ProcessRef sup, String id) {
        return (Optional<ChildSpec>) ask(runtime, sup, new AdminRequest.GetChildSpec(Objects.requireNonNull(id, "id")));
    }

    /**
     * A read-only picture of a running supervisor and its whole subtree, taken without asking any
     * process and never waiting on a busy one; empty when {@code sup} is not a running supervisor.
     */
    public static Optional<SupervisorSnapshot> snapshot(ProcessRuntime runtime, Pid sup) {
        Objects.requireNonNull(sup, "sup");
        SupervisorView view = SupervisorDirectory.of(runtime).find(sup);
        return view == null || !runtime.isAlive(sup) ? Optional.empty() : Optional.of(view.snapshot(runtime));
    }

    /**
     * Sends an admin call and unwraps the reply: refusals come back as values and are thrown here, on
     * the caller's side.
     *
     * @throws SupervisorException the supervisor refused, with OTP's reason
     * @throws IllegalArgumentException the call itself is wrong
     */
    static Object ask(ProcessRuntime runtime, ProcessRef sup, AdminRequest request) {
        Objects.requireNonNull(runtime, "runtime");
        return switch (runtime.call(sup, request, ProcessRuntime.INFINITY)) {
            case AdminReply.Done done -> null;
            case AdminReply.Value(Object value) -> value;
            case AdminReply.Refused(SupervisorException.Problem problem, Object child) ->
                    throw new SupervisorException(problem, child);
            case AdminReply.Invalid(String message) -> throw new IllegalArgumentException(message);
        };
    }
}
