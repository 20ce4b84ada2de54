package dev.supervision.supervisor;

import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the published view of the running supervisor behind a pid, so snapshots can descend into
 * subtrees without asking any supervisor process. One per runtime (a runtime extension), so two
 * runtimes share nothing. Entries are removed when a supervisor terminates; a killed one leaves a
 * weak entry that its parent removes when it sees the exit. It also holds the clock of each supervisor
 * started on a clock of its own (a test's manual clock), so that the supervisors it starts as children
 * count and wait on the same clock.
 */
final class SupervisorDirectory {

    private final ConcurrentHashMap<Pid, WeakReference<SupervisorView>> supervisors = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Pid, SupervisorClock> ownClocks = new ConcurrentHashMap<>();

    /** The directory of {@code runtime}'s supervisors. */
    static SupervisorDirectory of(ProcessRuntime runtime) {
        return runtime.internals().extension(SupervisorDirectory.class, SupervisorDirectory::new);
    }

    void register(Pid pid, SupervisorView view) {
        supervisors.put(pid, new WeakReference<>(view));
    }

    void remove(Pid pid) {
        supervisors.remove(pid);
        ownClocks.remove(pid);
    }

    /** Supervisor {@code pid} runs on {@code clock}, not the runtime's. */
    void ownClock(Pid pid, SupervisorClock clock) {
        ownClocks.put(pid, clock);
    }

    /**
     * The clock a supervisor started now by the calling process inherits: the caller's own clock when
     * the caller is a supervisor that was given one, else null (the runtime's clock).
     */
    SupervisorClock inheritedClock(ProcessRuntime runtime) {
        return runtime.currentPid().map(ownClocks::get).orElse(null);
    }

    /** The view of the supervisor {@code pid}, or null. */
    SupervisorView find(Pid pid) {
        WeakReference<SupervisorView> ref = supervisors.get(pid);
        return ref == null ? null : ref.get();
    }
}
