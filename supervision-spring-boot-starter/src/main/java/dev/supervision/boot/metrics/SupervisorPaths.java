package dev.supervision.boot.metrics;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.process.Pid;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The id path of every supervisor in the tree ({@code db}, {@code db/pool}; the root's own id for the
 * root), learnt from the supervisors' events instead of from snapshots: each started child is
 * remembered with its parent and id, and forgotten when its process exits. Resolving a path follows
 * parents up to the root, so it costs the depth of the tree, never its size.
 */
final class SupervisorPaths {

    /** Where a process sits: its supervisor and its id there. */
    private record Placement(Pid parent, String id) {
    }

    private final SupervisionTree tree;
    private final ConcurrentHashMap<Pid, Placement> placements = new ConcurrentHashMap<>();

    SupervisorPaths(SupervisionTree tree) {
        this.tree = tree;
    }

    /** {@code child} now runs as {@code id} under {@code supervisor}. */
    void started(Pid supervisor, String id, Pid child) {
        if (id != null && child != null) {
            placements.put(child, new Placement(supervisor, id));
        }
    }

    /** {@code pid} exited: it sits nowhere any more. */
    void exited(Pid pid) {
        placements.remove(pid);
    }

    /**
     * The id path of {@code supervisor}: the root's id for the root, {@code db/pool} for a nested one,
     * or its pid while its parent has not yet announced it.
     */
    String pathOf(Pid supervisor) {
        Optional<Pid> root = tree.rootPid();
        if (root.isPresent() && root.get().equals(supervisor)) {
            return tree.rootId();
        }
        StringBuilder path = new StringBuilder();
        Pid current = supervisor;
        Placement placement;
        while ((placement = placements.get(current)) != null) {
            path.insert(0, path.isEmpty() ? placement.id() : placement.id() + "/");
            current = placement.parent();
        }
        boolean reachedRoot = root.isPresent() && root.get().equals(current) && !path.isEmpty();
        return reachedRoot ? path.toString() : supervisor.toString();
    }
}
