package dev.supervision.cluster;

import dev.supervision.process.Pid;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The monitors other nodes' processes hold on local processes: the key of each watch set on a local
 * process, so that a demonitor or the watcher's node going down removes it.
 */
final class RemoteWatches {

    /** A watch: which node, which owner there, which monitor. */
    record Key(int node, Pid owner, long ref) {
    }

    /** Stands for the target of a watch being set, until {@link #settle} names it. */
    static final Pid PENDING = new Pid(0, 0, 0);

    private final Map<Key, Pid> watched = new ConcurrentHashMap<>();

    /** Names the target of a watch added with {@link #PENDING}, unless it has fired meanwhile. */
    void settle(Key key, Pid target) {
        watched.replace(key, PENDING, target);
    }

    void add(Key key, Pid target) {
        watched.put(key, target);
    }

    /** Forgets a watch; returns the watched local pid, or null. */
    Pid remove(Key key) {
        return watched.remove(key);
    }

    /** Forgets the watches of node {@code node}; returns them. */
    List<Map.Entry<Key, Pid>> drain(int node) {
        List<Map.Entry<Key, Pid>> lost = watched.entrySet().stream().filter(e -> e.getKey().node() == node)
                .map(e -> Map.entry(e.getKey(), e.getValue())).toList();
        lost.forEach(e -> watched.remove(e.getKey(), e.getValue()));
        return lost;
    }
}
