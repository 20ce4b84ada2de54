package dev.supervision.process;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live processes of one runtime and their registered names: who is alive, who holds a name, and
 * the allocation of pids and monitor references. A process is in the table from its spawn until it
 * has ended for everybody; its name is freed just before it leaves the table.
 */
final class ProcessTable {

    private final int creation;
    private final AtomicLong serials = new AtomicLong();
    private final AtomicLong monitorRefs = new AtomicLong();
    private final ConcurrentHashMap<Pid, ProcessCell> cells = new ConcurrentHashMap<>();
    private final Registry registry = new Registry();
    /** Where pids of other nodes go; null in a runtime without distribution. */
    private volatile Distribution distribution;

    ProcessTable(int creation) {
        this.creation = creation;
    }

    int creation() {
        return creation;
    }

    Pid nextPid() {
        return new Pid(0, serials.incrementAndGet(), creation);
    }

    MonitorRef nextMonitorRef() {
        return new MonitorRef(monitorRefs.incrementAndGet());
    }

    /** The live process a reference names now, or null. */
    ProcessCell resolve(ProcessRef ref) {
        return switch (ref) {
            case Pid pid -> cells.get(pid);
            case ProcessName name -> registry.whereis(name.name());
            case RemoteName remote -> null;
            case GlobalName global -> null;
        };
    }

    /**
     * {@code ref} with a {@link GlobalName} resolved to the pid that holds it now (once, for the
     * operation at hand); unchanged when it is another kind or nobody holds the name.
     */
    ProcessRef pin(ProcessRef ref) {
        Distribution installed = distribution;
        if (ref instanceof GlobalName global && installed != null) {
            Pid holder = installed.whereisGlobal(global.name());
            return holder == null ? ref : holder;
        }
        return ref;
    }

    /** The installed distribution, or null: consulted only for references to other nodes. */
    Distribution distribution() {
        return distribution;
    }

    synchronized void installDistribution(Distribution installed) {
        if (distribution != null) {
            throw new IllegalStateException("this runtime already has a distribution installed: " + distribution);
        }
        distribution = installed;
    }

    ProcessCell lookup(Pid pid) {
        return cells.get(pid);
    }

    ProcessCell whereis(String name) {
        return registry.whereis(name);
    }

    /** Adds a new process, registering {@code name} with it atomically (null: no name). */
    void add(ProcessCell cell, String name) {
        cells.put(cell.pid, cell);
        if (name != null) {
            try {
                registry.register(name, cell);
            } catch (RegistrationException e) {
                cells.remove(cell.pid);
                throw e;
            }
        }
    }

    void register(String name, ProcessCell cell) {
        registry.register(name, cell);
    }

    boolean unregister(String name) {
        return registry.unregister(name);
    }

    /** A process ended: free its name, then remove it. */
    void forget(ProcessCell cell, String name) {
        registry.release(name, cell);
        cells.remove(cell.pid, cell);
    }

    java.util.Set<String> names() {
        return registry.names();
    }

    boolean contains(Pid pid) {
        return cells.containsKey(pid);
    }

    List<Pid> pids() {
        List<Pid> pids = new ArrayList<>(cells.keySet());
        pids.sort(null);
        return pids;
    }

    List<ProcessCell> cells() {
        return List.copyOf(cells.values());
    }

    int size() {
        return cells.size();
    }

    boolean isEmpty() {
        return cells.isEmpty();
    }
}
