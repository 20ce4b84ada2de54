package dev.supervision.supervisor;

import dev.supervision.genserver.StartResult;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.SupervisorException.Problem;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Answers a supervisor's admin calls (OTP's {@code which_children}, {@code count_children},
 * {@code start_child}, {@code terminate_child}, {@code restart_child}, {@code delete_child} and
 * {@code get_childspec}), in the supervisor's process, with an {@link AdminReply}.
 */
final class AdminCalls {

    private final ProcessRuntime runtime;
    private final SupervisorKind kind;
    private final SupervisorFlags flags;
    private final ChildTable children;
    private final ChildLifecycle lifecycle;

    AdminCalls(ProcessRuntime runtime, SupervisorKind kind, SupervisorFlags flags, ChildTable children,
            ChildLifecycle lifecycle) {
        this.runtime = runtime;
        this.kind = kind;
        this.flags = flags;
        this.children = children;
        this.lifecycle = lifecycle;
    }

    AdminReply answer(Object request) {
        return switch (request) {
            case AdminRequest.WhichChildren which -> new AdminReply.Value(whichChildren());
            case AdminRequest.CountChildren count -> new AdminReply.Value(countChildren());
            case AdminRequest.TerminateChild(Object ref) -> terminateChild(ref);
            case AdminRequest.RestartChild(String id) ->
                    withStoppedChild(id, child -> new AdminReply.Value(lifecycle.start(child)));
            case AdminRequest.DeleteChild(String id) -> withStoppedChild(id, child -> {
                children.remove(child);
                return AdminReply.DONE;
            });
            case AdminRequest.StartChild(ChildSpec spec, List<Object> args) -> startChild(spec, args);
            case AdminRequest.GetChildSpec(Object ref) -> new AdminReply.Value(kind.find(children, ref).map(child -> child.spec));
            default -> new AdminReply.Invalid("a supervisor does not understand the call " + request);
        };
    }

    /** Latest started first. */
    private List<ChildInfo> whichChildren() {
        return children.newestFirst().stream().map(child -> {
            ChildState state = child.state();
            return new ChildInfo(child.id, state.pid(), state.status(), child.spec.type());
        }).toList();
    }

    private ChildCounts countChildren() {
        int active = 0;
        int supervisors = 0;
        for (Child child : children.oldestFirst()) {
            Pid pid = child.state().pid();
            if (pid != null && runtime.isAlive(pid)) {
                active++;
            }
            if (child.spec.type() == ChildType.SUPERVISOR) {
                supervisors++;
            }
        }
        return new ChildCounts(children.size(), active, supervisors, children.size() - supervisors);
    }

    private AdminReply terminateChild(Object ref) {
        Optional<Child> found = kind.find(children, ref);
        if (found.isEmpty()) {
            return new AdminReply.Refused(Problem.NOT_FOUND, ref);
        }
        Child child = found.get();
        lifecycle.stop(child);
        if (!kind.keepsSpecAfterStop(child.spec)) {
            children.remove(child);
        }
        return AdminReply.DONE;
    }

    /** Runs {@code action} on child {@code id} when it exists and is neither running nor restarting. */
    private AdminReply withStoppedChild(String id, Function<Child, AdminReply> action) {
        Optional<Child> found = kind.find(children, id);
        if (found.isEmpty()) {
            return new AdminReply.Refused(Problem.NOT_FOUND, id);
        }
        return switch (found.get().state().status()) {
            case RUNNING -> new AdminReply.Refused(Problem.RUNNING, id);
            case RESTARTING -> new AdminReply.Refused(Problem.RESTARTING, id);
            case STOPPED, GAVE_UP -> action.apply(found.get());
        };
    }

    private AdminReply startChild(ChildSpec spec, List<Object> args) {
        Optional<AdminReply> refused = kind.refuseStart(spec, children, flags);
        if (refused.isPresent()) {
            return refused.get();
        }
        Child child = children.add(spec, kind.childId(spec), kind.startArgs(args));
        StartResult started = lifecycle.start(child);
        if (ChildLifecycle.failed(started)
                || started instanceof StartResult.Ignored && !kind.keepsSpecAfterStop(spec)) {
            children.remove(child);
        }
        return new AdminReply.Value(started);
    }
}
