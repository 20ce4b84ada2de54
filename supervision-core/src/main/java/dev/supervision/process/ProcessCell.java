package dev.supervision.process;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The state every process has, whatever its shape: pid, mailbox, links, monitors, trap-exit flag,
 * registered name, and the rules of exit signals and of dying. Subclasses say how the process runs.
 *
 * <p>Links, watchers, held monitors and the name are guarded by the cell's own lock; when two cells
 * must be locked together (a link), the one with the smaller pid is locked first.
 */
abstract sealed class ProcessCell extends Mailbox permits ThreadProcess, HandlerProcess {

    private static final ThreadLocal<ProcessCell> CURRENT = new ThreadLocal<>();

    final Pid pid;
    final ProcessRuntime runtime;
    private final long startedAtMillis = System.currentTimeMillis();

    private volatile ExitReason exitReason;
    volatile Object lastMessage;

    /** Guarded by this. */
    String name;
    /** Guarded by this; null until the process gets a link, a watcher, a monitor or a resource. */
    private Relations relations;

    ProcessCell(Pid pid, ProcessRuntime runtime) {
        this.pid = pid;
        this.runtime = runtime;
    }

    // ---- the current process -------------------------------------------------------------------

    static ProcessCell current() {
        return CURRENT.get();
    }

    static void enter(ProcessCell cell) {
        CURRENT.set(cell);
    }

    static void leave() {
        CURRENT.remove();
    }

    /** The calling process, of any runtime; else {@link IllegalStateException}. */
    static ProcessCell requireAnyCurrent() {
        ProcessCell cell = CURRENT.get();
        if (cell == null) {
            throw new IllegalStateException("ProcessRuntime.current() works only inside a process; the calling thread "
                    + Thread.currentThread() + " is not one");
        }
        return cell;
    }

    /** The calling process, which must belong to {@code runtime}; else {@link IllegalStateException}. */
    static ProcessCell requireCurrent(ProcessRuntime runtime, String operation) {
        ProcessCell cell = CURRENT.get();
        if (cell == null || cell.runtime != runtime) {
            throw new IllegalStateException(operation + " works only inside a process of this runtime; the calling thread "
                    + Thread.currentThread() + " is not one");
        }
        return cell;
    }

    /** Whether the calling thread runs a process that has already ended (been killed). */
    static boolean currentIsDead() {
        ProcessCell cell = CURRENT.get();
        return cell != null && cell.exitReason != null;
    }

    /** Unwinds the calling thread when the process it runs has ended. */
    static void throwIfCurrentIsDead() {
        ProcessCell cell = CURRENT.get();
        if (cell != null && cell.exitReason != null) {
            throw new ProcessExit(cell.exitReason);
        }
    }

    // ---- how the process runs (subclasses) -------------------------------------------------------

    /** Starts running; called once, after the cell is in the process table. */
    abstract void start();

    /** A message was put in the mailbox: wake or schedule the process. */
    abstract void signal();

    /** The process ended while its code runs on another thread: interrupt that thread. */
    abstract void interruptRunner();

    /** Running or waiting. */
    abstract ProcessStatus activity();

    /** Called once the process has ended for everybody. */
    void onExit(ExitReason reason) {
    }

    // ---- state -------------------------------------------------------------------------------------

    boolean isAlive() {
        return exitReason == null;
    }

    ExitReason exitReason() {
        return exitReason;
    }

    synchronized boolean trapExit() {
        return relations != null && relations.trapExit;
    }

    boolean setTrapExit(boolean value) {
        boolean old;
        synchronized (this) {
            if (relations == null && !value) {
                return false;
            }
            old = relations().trapExit;
            relations.trapExit = value;
        }
        return old;
    }

    /** Puts a message in the mailbox unless the process has ended. */
    void deliver(Object message) {
        if (exitReason == null) {
            offer(message);
            signal();
        }
    }

    // ---- exit signals ------------------------------------------------------------------------------

    /**
     * Receives an exit signal, by the rules of the Erlang reference manual (Processes, "Receiving Exit Signals").
     *
     * @param from who sent it, or whose link fired
     * @param reason its reason
     * @param viaLink whether a linked process's death sent it
     */
    void exitSignal(Pid from, ExitReason reason, boolean viaLink) {
        if (viaLink && !removeLink(from)) {
            return; // unlinked meanwhile: the link has no effect any more
        }
        if (!viaLink && reason instanceof ExitReason.Kill) {
            terminate(ExitReason.KILLED); // untrappable
            return;
        }
        if (trapExit()) {
            deliver(new ExitMessage(from, reason));
            return;
        }
        if (reason instanceof ExitReason.Normal) {
            if (!viaLink && from.equals(pid)) {
                terminate(reason); // exit(self(), normal) ends a process that does not trap
            }
            return;
        }
        terminate(reason);
    }

    /**
     * Ends the process: frees its name, removes it from the table, interrupts the thread that runs its
     * code (its own too: a kill that lands while its code runs), then fires its links, monitors and
     * waiting calls and publishes the exit. No crash report: the process was ended by a signal, not by
     * a failure of its own code. Only the first call has any effect.
     *
     * @return whether this call ended the process
     */
    final boolean terminate(ExitReason reason) {
        return end(reason, true);
    }

    /**
     * Ends the process once its own code has returned or thrown: as {@link #terminate}, with a crash
     * report when the reason is abnormal and without the interrupt, since no code of the process is left to unwind (an interrupt of a virtual thread is
     * not free, and a million GenServers stopping themselves pay it a million times).
     */
    final boolean finish(ExitReason reason) {
        return end(reason, false);
    }

    private boolean end(ExitReason reason, boolean interrupt) {
        Relations ties;
        String heldName;
        synchronized (this) {
            if (exitReason != null) {
                return false;
            }
            exitReason = reason;
            ties = relations;
            heldName = name;
            relations = null;
        }
        Set<Pid> linked = ties == null ? null : ties.links;
        Map<Object, DeathWatcher> watching = ties == null ? null : ties.watchers;
        Map<MonitorRef, ProcessMonitor> held = ties == null ? null : ties.heldMonitors;
        List<AutoCloseable> resources = ties == null ? null : ties.owned;
        ProcessTable table = runtime.table;
        table.forget(this, heldName);
        if (interrupt) {
            interruptRunner();
        }
        if (ties != null && ties.timers != null) {
            runtime.timers.cancelAll(ties.timers);
        }
        if (held != null) {
            held.forEach((ref, monitor) -> LinksAndMonitors.forgetTarget(table, pid, monitor));
        }
        if (linked != null) {
            for (Pid other : linked) {
                ProcessCell cell = table.lookup(other);
                if (cell != null) {
                    LinkCascade.run(() -> cell.exitSignal(pid, reason, true));
                } else if (other.node() != 0 && table.distribution() != null) {
                    table.distribution().linkExit(pid, other, reason);
                }
            }
        }
        if (watching != null) {
            for (DeathWatcher watcher : watching.values()) {
                watcher.processDied(pid, reason);
            }
        }
        if (resources != null) {
            ResourceCloser.close(runtime, pid, resources);
        }
        if (!interrupt) {
            // Erlang's rule: a crash report tells of a process's own failure; one ended by an exit
            // signal (a kill, a linked process's crash) ran no code of its own to fail
            CrashReporter.report(pid, heldName, reason, lastMessage);
        }
        if (runtime.events().hasListeners()) {
            runtime.events().publish(new ProcessEvent.Exited(pid, heldName, reason, Instant.now()));
        }
        onExit(reason);
        return true;
    }

    // ---- links -------------------------------------------------------------------------------------

    /** Links two cells; false when either has ended. */
    static boolean link(ProcessCell a, ProcessCell b) {
        ProcessCell first = a.pid.compareTo(b.pid) < 0 ? a : b;
        ProcessCell second = first == a ? b : a;
        synchronized (first) {
            synchronized (second) {
                if (!a.isAlive() || !b.isAlive()) {
                    return false;
                }
                a.relations().links().add(b.pid);
                b.relations().links().add(a.pid);
                return true;
            }
        }
    }

    /** Adds a link held on this side only (its other end is on another node); false when the process has ended. */
    synchronized boolean addLink(Pid other) {
        if (exitReason != null) {
            return false;
        }
        relations().links().add(other);
        return true;
    }

    /** The linked pids of node {@code node}. */
    synchronized List<Pid> linksOn(int node) {
        if (relations == null || relations.links == null) {
            return List.of();
        }
        return relations.links.stream().filter(other -> other.node() == node).toList();
    }

    synchronized boolean removeLink(Pid other) {
        return relations != null && relations.links != null && relations.links.remove(other);
    }

    /** The relations, made on first use; the caller holds this cell's lock. */
    private Relations relations() {
        if (relations == null) {
            relations = new Relations();
        }
        return relations;
    }

    // ---- watchers (monitors on this process, calls waiting on it) ------------------------------

    /** Adds a watcher; false when the process has ended. */
    synchronized boolean addWatcher(Object key, DeathWatcher watcher) {
        if (exitReason != null) {
            return false;
        }
        relations().watchers().put(key, watcher);
        return true;
    }

    /** How many watchers the process has: monitors on it and calls waiting on it. */
    synchronized int watcherCount() {
        return relations == null || relations.watchers == null ? 0 : relations.watchers.size();
    }

    synchronized void removeWatcher(Object key) {
        if (relations != null && relations.watchers != null) {
            relations.watchers.remove(key);
        }
    }

    // ---- monitors held by this process -----------------------------------------------------------

    synchronized boolean holdMonitor(ProcessMonitor monitor) {
        if (exitReason != null) {
            return false;
        }
        relations().heldMonitors().put(monitor.ref(), monitor);
        return true;
    }

    /** Forgets a held monitor; returns it, or null when it had already fired or been removed. */
    synchronized ProcessMonitor forgetMonitor(MonitorRef ref) {
        return relations == null || relations.heldMonitors == null ? null : relations.heldMonitors.remove(ref);
    }

    /** Delivers a DOWN message if the monitor is still held, atomically with forgetting it. */
    void deliverDown(DownMessage down) {
        synchronized (this) {
            if (forgetMonitor(down.ref()) == null || exitReason != null) {
                return;
            }
            offer(down);
        }
        signal();
    }

    // ---- timers aimed at the process -----------------------------------------------------------------

    /** Takes a timer aimed at this process, cancelled when it exits; false when it has ended. */
    synchronized boolean holdTimer(TimerRef ref) {
        if (exitReason != null) {
            return false;
        }
        relations().timers().add(ref);
        return true;
    }

    synchronized void forgetTimer(TimerRef ref) {
        if (relations != null && relations.timers != null) {
            relations.timers.remove(ref);
        }
    }

    // ---- resources owned by the process --------------------------------------------------------------

    /** Takes ownership of {@code resource}; false when the process has ended (the caller closes it). */
    synchronized boolean own(AutoCloseable resource) {
        if (exitReason != null) {
            return false;
        }
        relations().owned().add(resource);
        return true;
    }

    // ---- snapshot ----------------------------------------------------------------------------------

    synchronized ProcessInfo info() {
        Set<Pid> monitoredBy = new TreeSet<>();
        Map<Object, DeathWatcher> watchers = relations == null ? null : relations.watchers;
        Map<MonitorRef, ProcessMonitor> heldMonitors = relations == null ? null : relations.heldMonitors;
        Set<Pid> links = relations == null ? null : relations.links;
        if (watchers != null) {
            for (DeathWatcher watcher : watchers.values()) {
                if (watcher instanceof ProcessMonitor monitor) {
                    monitoredBy.add(monitor.owner().pid);
                }
            }
        }
        List<MonitorRef> held = heldMonitors == null ? new ArrayList<>() : new ArrayList<>(heldMonitors.keySet());
        held.sort((x, y) -> Long.compare(x.id(), y.id()));
        return new ProcessInfo(
                pid,
                name,
                exitReason == null ? activity() : ProcessStatus.EXITED,
                size(),
                links == null ? Set.of() : new TreeSet<>(links),
                held,
                monitoredBy,
                relations != null && relations.trapExit,
                Instant.ofEpochMilli(startedAtMillis));
    }

    Instant startedAt() {
        return Instant.ofEpochMilli(startedAtMillis);
    }

    /** The end of a process's code: record why it ended. */
    static ExitReason reasonOf(Throwable thrown) {
        if (thrown instanceof ProcessExit exit) {
            return exit.reason();
        }
        return ExitReason.crash(thrown);
    }
}
