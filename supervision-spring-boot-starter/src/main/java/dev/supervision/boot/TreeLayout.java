package dev.supervision.boot;

import dev.supervision.supervisor.ChildSnapshot;
import dev.supervision.supervisor.SupervisorSnapshot;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the configuration says about children that a running tree's snapshot cannot tell, as child id
 * paths from the root (such as {@code [data, dbConnector]}).
 *
 * @param requiredChildren the children marked {@code required}
 * @param namedChildren the child each registered name belongs to, also while the child restarts
 *     (a snapshot shows a name only while its process runs)
 */
public record TreeLayout(List<List<String>> requiredChildren, Map<String, List<String>> namedChildren) {

    /** A layout with no required and no named children. */
    public static final TreeLayout EMPTY = new TreeLayout(List.of(), Map.of());

    /** Copies both. */
    public TreeLayout {
        requiredChildren = List.copyOf(requiredChildren);
        namedChildren = Map.copyOf(namedChildren);
    }

    /**
     * The child at {@code path} in the snapshot of the root, if it is there now.
     *
     * @param root the root supervisor's snapshot
     * @param path child ids from the root, or null
     * @return the child, or empty when the path is null or leads nowhere
     */
    public static Optional<ChildSnapshot> child(SupervisorSnapshot root, List<String> path) {
        if (path == null || path.isEmpty()) {
            return Optional.empty();
        }
        SupervisorSnapshot current = root;
        ChildSnapshot child = null;
        for (String id : path) {
            child = current == null ? null : current.child(id).orElse(null);
            if (child == null) {
                return Optional.empty();
            }
            current = child.supervisor();
        }
        return Optional.of(child);
    }
}
