package dev.supervision.supervisor;

import dev.supervision.process.Pid;
import dev.supervision.process.ProcessInfo;
import dev.supervision.process.ProcessRuntime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What snapshots read of one running supervisor: its published header and, for each child, its spec
 * and its published {@link ChildState}; never the supervisor's server or its bookkeeping. Any thread
 * may take a snapshot; only the supervisor's process publishes.
 */
final class SupervisorView {

    private final Pid pid;
    /** The children in start order: a live, read-only view of a concurrent map. */
    private final Collection<Child> children;
    private volatile SupervisorHeader header;

    SupervisorView(Pid pid, SupervisorHeader header, Collection<Child> children) {
        this.pid = pid;
        this.header = header;
        this.children = children;
    }

    SupervisorHeader header() {
        return header;
    }

    void publish(SupervisorHeader next) {
        header = next;
    }

    /** A picture of this supervisor and its subtree, with names and mailbox lengths from {@code runtime}. */
    SupervisorSnapshot snapshot(ProcessRuntime runtime) {
        SupervisorHeader shown = header;
        List<ChildSnapshot> views = new ArrayList<>();
        for (Child child : children) {
            views.add(snapshot(runtime, child));
        }
        String name = runtime.info(pid).map(ProcessInfo::name).orElse(null);
        return new SupervisorSnapshot(pid, name, shown.strategy(), shown.intensity(), shown.period(), shown.gaveUp(),
                views);
    }

    private static ChildSnapshot snapshot(ProcessRuntime runtime, Child child) {
        ChildState state = child.state();
        Pid childPid = state.pid();
        Optional<ProcessInfo> info = childPid == null ? Optional.empty() : runtime.info(childPid);
        SupervisorView subtree = childPid != null && child.spec.type() == ChildType.SUPERVISOR
                ? SupervisorDirectory.of(runtime).find(childPid) : null;
        return new ChildSnapshot(child.id, childPid, info.map(ProcessInfo::name).orElse(null), child.spec.type(),
                state.status(), child.spec.restart(), state.restarts(), state.lastExit(), state.startedAt(),
                info.map(ProcessInfo::mailboxLength).orElse(0), subtree == null ? null : subtree.snapshot(runtime),
                state.restartAt());
    }
}
