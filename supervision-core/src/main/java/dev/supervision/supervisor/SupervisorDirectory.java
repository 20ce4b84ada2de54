package dev.supervision.supervisor;

import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the running supervisor behind a pid, so snapshots can descend into subtrees without asking any
 * supervisor process. One per runtime (a runtime extension), so two runtimes share nothing. Entries
 * are removed when a supervisor terminates; a killed one leaves a weak entry that its parent removes
 * when it sees the exit.
 */
final class SupervisorDirectory {

    private final ConcurrentHashMap<Pid, WeakReference<SupervisorServer>> supervisors = new ConcurrentHashMap<>();

    /** The directory of {@code runtime}'s supervisors. */
    static SupervisorDirectory of(ProcessRuntime runtime) {
        return runtime.internals().extension(SupervisorDirectory.class, SupervisorDirectory::new);
    }

    void register(Pid pid, SupervisorServer server) {
        supervisors.put(pid, new WeakReference<>(server));
    }

    void remove(Pid pid) {
        supervisors.remove(pid);
    }

    SupervisorServer find(Pid pid) {
        WeakReference<SupervisorServer> ref = supervisors.get(pid);
        return ref == null ? null : ref.get();
    }
}
