package dev.supervision.boot.cluster;

import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every other node seen since this one joined, up or down: a node that goes down stays listed (down,
 * with its last incarnation) until it comes back. Thread-safe; fed by the {@link NodeWatcher}.
 */
final class MemberTable {

    private final ConcurrentHashMap<String, ClusterMember> members = new ConcurrentHashMap<>();

    /** {@code name} is connected, running {@code incarnation}. */
    void up(String name, long incarnation) {
        members.put(name, new ClusterMember(name, true, incarnation));
    }

    /** {@code name} is down or unreachable. */
    void down(String name) {
        members.compute(name, (key, seen) -> new ClusterMember(key, false, seen == null ? 0 : seen.incarnation()));
    }

    /** The members seen, by name. */
    List<ClusterMember> all() {
        return members.values().stream().sorted(Comparator.comparing(ClusterMember::name)).toList();
    }

    /** The member named {@code name}, or null when it was never seen. */
    ClusterMember get(String name) {
        return members.get(name);
    }

    void clear() {
        members.clear();
    }
}
