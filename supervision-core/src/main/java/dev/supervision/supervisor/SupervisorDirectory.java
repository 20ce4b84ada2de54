package dev.supervision.supervisor;

import dev.supervision.process.Pid;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the running supervisor behind a pid, so snapshots can descend into subtrees without asking any
 * supervisor process. Entries are removed when a supervisor terminates; a killed one leaves a weak
 * entry that its parent removes when it sees the exit.
 */
final class SupervisorDirectory {

    private static final ConcurrentHashMap<Pid, WeakReference<SupervisorServer>> SUPERVISORS = new ConcurrentHashMap<>();

    private SupervisorDirectory() {
    }

    static void register(Pid pid, SupervisorServer server) {
        SUPERVISORS.put(pid, new WeakReference<>(server));
    }

    static void remove(Pid pid) {
        SUPERVISORS.remove(pid);
    }

    static SupervisorServer find(Pid pid) {
        WeakReference<SupervisorServer> ref = SUPERVISORS.get(pid);
        return ref == null ? null : ref.get();
    }
}
