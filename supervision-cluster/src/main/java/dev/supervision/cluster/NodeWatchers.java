package dev.supervision.cluster;

import dev.supervision.process.Pid;
import dev.supervision.process.RemoteSignals;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Who wants to hear about nodes: {@code monitor_node} (one {@code nodedown} per call, per node) and
 * {@code monitor_nodes} (every {@code nodeup} and {@code nodedown}).
 */
final class NodeWatchers {

    private final RemoteSignals signals;
    private final Map<String, List<Pid>> once = new ConcurrentHashMap<>();
    private final Set<Pid> all = ConcurrentHashMap.newKeySet();

    NodeWatchers(RemoteSignals signals) {
        this.signals = signals;
    }

    /** {@code watcher} gets one {@link NodeDown} when {@code node} goes down. */
    void watchOnce(String node, Pid watcher) {
        once.computeIfAbsent(node, key -> new CopyOnWriteArrayList<>()).add(watcher);
    }

    /** Removes one watch of {@code watcher} on {@code node}; false when none was left (it fired). */
    boolean unwatchOnce(String node, Pid watcher) {
        List<Pid> watchers = once.get(node);
        return watchers != null && watchers.remove(watcher);
    }

    /** Adds or removes a subscriber of every node event; one that has ended is forgotten at its next event. */
    void watchAll(Pid watcher, boolean on) {
        if (on) {
            all.add(watcher);
        } else {
            all.remove(watcher);
        }
    }

    private void tellAll(NodeEvent event) {
        for (Pid watcher : all) {
            if (signals.isAlive(watcher)) {
                signals.deliver(watcher, event);
            } else {
                all.remove(watcher);
            }
        }
    }

    void up(String node) {
        tellAll(new NodeUp(node));
    }

    void down(String node) {
        List<Pid> watchers = once.remove(node);
        if (watchers != null) {
            watchers.forEach(watcher -> signals.deliver(watcher, new NodeDown(node)));
        }
        tellAll(new NodeDown(node));
    }
}
