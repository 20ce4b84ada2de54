package dev.supervision.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a process is tied to: links, the watchers of its death (monitors held on it, calls waiting on
 * it), the monitors it holds, the resources it owns, and whether it traps exits. Made only when a
 * process first gets one of them, so an idle process without any costs a single null reference.
 * Guarded by its cell's lock.
 */
final class Relations {

    Set<Pid> links;
    Map<Object, DeathWatcher> watchers;
    Map<MonitorRef, ProcessMonitor> heldMonitors;
    List<AutoCloseable> owned;
    Set<TimerRef> timers;
    boolean trapExit;

    Set<Pid> links() {
        if (links == null) {
            links = new HashSet<>(4);
        }
        return links;
    }

    Map<Object, DeathWatcher> watchers() {
        if (watchers == null) {
            watchers = new HashMap<>(4);
        }
        return watchers;
    }

    Map<MonitorRef, ProcessMonitor> heldMonitors() {
        if (heldMonitors == null) {
            heldMonitors = new HashMap<>(4);
        }
        return heldMonitors;
    }

    Set<TimerRef> timers() {
        if (timers == null) {
            timers = new HashSet<>(4);
        }
        return timers;
    }

    List<AutoCloseable> owned() {
        if (owned == null) {
            owned = new ArrayList<>(2);
        }
        return owned;
    }
}
