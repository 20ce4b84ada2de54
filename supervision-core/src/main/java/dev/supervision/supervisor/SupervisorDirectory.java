package dev.supervision.supervisor;

import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the published view of the running supervisor behind a pid, so snapshots can descend into
 * subtrees without asking any supervisor process. One per runtime (a runtime extension), so two
 * runtimes share nothing. Entries are removed when a supervisor terminates; a killed one leaves a
 * weak entry that its parent removes when it sees the exit.
 */
final class SupervisorDirectory {

    private final ConcurrentHashMap<Pid, WeakReference<SupervisorView>> supervisors = new ConcurrentHashMap<>();

    /** The directory of {@code runtime}'s supervisors. */
    static SupervisorDirectory of(ProcessRuntime runtime) {
        return runtime.internals().extension(SupervisorDirectory.class, SupervisorDirectory::new);
    }

    void register(Pid pid, SupervisorView view) {
        supervisors.put(pid, new WeakReference<>(view));
    }

    void remove(Pid pid) {
        supervisors.remove(pid);
    }

    /** The view of the supervisor {@code pid}, or null. */
    SupervisorView find(Pid pid) {
        WeakReference<SupervisorView> ref = supervisors.get(pid);
        return ref == null ? null : ref.get();
    }
}
