package dev.supervision.boot.endpoint;

import dev.supervision.process.Pid;
import dev.supervision.process.ProcessInfo;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.ChildSnapshot;
import dev.supervision.supervisor.ChildType;
import dev.supervision.supervisor.SupervisorSnapshot;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Renders snapshots as endpoint descriptors. */
final class Descriptors {

    private final ProcessRuntime runtime;

    Descriptors(ProcessRuntime runtime) {
        this.runtime = runtime;
    }

    /** The root supervisor, which no one supervises. */
    ProcessDescriptor root(String id, SupervisorSnapshot snapshot, boolean withDetails) {
        String startedAt = runtime.info(snapshot.pid()).map(info -> iso(info.startedAt())).orElse(null);
        return supervisor(id, snapshot.pid(), snapshot.name(), "running", "permanent", 0, null, startedAt,
                mailbox(snapshot.pid()), snapshot, withDetails);
    }

    /** The root after it gave up or before it started: no process, no children. */
    ProcessDescriptor deadRoot(String id, boolean gaveUp) {
        return new ProcessDescriptor.Supervisor(id, null, null, "supervisor", gaveUp ? "gave_up" : "stopped",
                "permanent", 0, null, null, 0, null, 0, 0, List.of(), null);
    }

    ProcessDescriptor child(ChildSnapshot child, boolean withDetails) {
        String status = lower(child.status().name());
        String restart = lower(child.restart().name());
        ProcessDescriptor.LastExit lastExit = child.lastExit() == null ? null
                : new ProcessDescriptor.LastExit(child.lastExit().reason().toString(), child.lastExit().at().toString());
        String startedAt = iso(child.startedAt());
        if (child.type() == ChildType.SUPERVISOR && child.supervisor() != null) {
            return supervisor(child.id(), child.pid(), child.name(), status, restart, child.restarts(), lastExit,
                    startedAt, child.mailbox(), child.supervisor(), withDetails);
        }
        if (child.type() == ChildType.SUPERVISOR) {
            return new ProcessDescriptor.Supervisor(child.id(), pid(child.pid()), child.name(), "supervisor", status,
                    restart, child.restarts(), lastExit, startedAt, child.mailbox(), null, 0, 0, List.of(),
                    details(child.pid(), withDetails));
        }
        return new ProcessDescriptor.Worker(child.id(), pid(child.pid()), child.name(), "worker", status, restart,
                child.restarts(), lastExit, startedAt, child.mailbox(), details(child.pid(), withDetails));
    }

    /** A live process outside the tree, e.g. found by pid or name. */
    ProcessDescriptor loose(ProcessInfo info) {
        return new ProcessDescriptor.Worker(null, info.pid().toString(), info.name(), "worker", "running", null, 0, null,
                iso(info.startedAt()), info.mailboxLength(), details(info.pid(), true));
    }

    private ProcessDescriptor supervisor(String id, Pid pid, String name, String status, String restart, int restarts,
            ProcessDescriptor.LastExit lastExit, String startedAt, int mailbox, SupervisorSnapshot snapshot,
            boolean withDetails) {
        List<ProcessDescriptor> children = snapshot.children().stream().map(c -> child(c, false)).toList();
        return new ProcessDescriptor.Supervisor(id, pid(pid), name, "supervisor", status, restart, restarts, lastExit,
                startedAt, mailbox, snapshot.strategy(), snapshot.intensity(), snapshot.period().toSeconds(), children,
                details(pid, withDetails));
    }

    private ProcessDescriptor.Details details(Pid pid, boolean wanted) {
        if (!wanted || pid == null) {
            return null;
        }
        Optional<ProcessInfo> info = runtime.info(pid);
        return info.map(i -> new ProcessDescriptor.Details(
                i.links().stream().map(Pid::toString).toList(),
                i.monitors().stream().map(Object::toString).toList(),
                i.monitoredBy().stream().map(Pid::toString).toList(),
                i.trapExit(),
                lower(i.status().name()))).orElse(null);
    }

    private int mailbox(Pid pid) {
        return runtime.info(pid).map(ProcessInfo::mailboxLength).orElse(0);
    }

    private static String pid(Pid pid) {
        return pid == null ? null : pid.toString();
    }

    private static String iso(Instant at) {
        return at == null ? null : at.toString();
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
