package dev.supervision.cluster;

import dev.supervision.process.MonitorRef;
import dev.supervision.process.Pid;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The monitors local processes hold on processes of other nodes, by node, so that a node going down
 * fires each once with {@code noconnection}.
 */
final class RemoteMonitors {

    /** One monitor: its owner, ref, the node and the target (a pid, or a name with a null pid). */
    record Held(Pid owner, MonitorRef ref, int node, Pid pid, String name) {
    }

    private final Map<MonitorRef, Held> held = new ConcurrentHashMap<>();

    void add(Held monitor) {
        held.put(monitor.ref(), monitor);
    }

    /** Forgets a monitor; returns it, or null when it had fired or was unknown. */
    Held remove(MonitorRef ref) {
        return held.remove(ref);
    }

    /** Forgets and returns every monitor on node {@code node}. */
    List<Held> drain(int node) {
        List<Held> lost = held.values().stream().filter(monitor -> monitor.node() == node).toList();
        lost.forEach(monitor -> held.remove(monitor.ref(), monitor));
        return lost;
    }
}
