package dev.supervision.boot.endpoint;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.TreeLayout;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessInfo;
import dev.supervision.supervisor.ChildSnapshot;
import dev.supervision.supervisor.SupervisorSnapshot;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the process an endpoint request names: a registered name, a child id path from the root
 * ({@code mail/mailer}, or the root's own id), or a pid ({@code 0.150.0}, with or without brackets).
 */
final class TargetResolver {

    /** What a target resolved to: a node of the tree, or a live process outside it. */
    sealed interface Found {
        /** The process, or null when the child has none now. */
        Pid pid();
    }

    /** The root supervisor. */
    record Root(SupervisorSnapshot snapshot) implements Found {
        @Override
        public Pid pid() {
            return snapshot.pid();
        }
    }

    /** A child in the tree. */
    record Child(ChildSnapshot snapshot) implements Found {
        @Override
        public Pid pid() {
            return snapshot.pid();
        }
    }

    /** A live process that is not in the tree. */
    record Loose(ProcessInfo info) implements Found {
        @Override
        public Pid pid() {
            return info.pid();
        }
    }

    private final SupervisionTree tree;

    TargetResolver(SupervisionTree tree) {
        this.tree = tree;
    }

    Optional<Found> resolve(String target) {
        Optional<SupervisorSnapshot> snapshot = tree.snapshot();
        Optional<Pid> byName = tree.runtime().whereis(target);
        if (byName.isPresent()) {
            return byPid(byName.get(), snapshot);
        }
        Optional<Found> byPath = snapshot.flatMap(root -> byPath(target, root));
        if (byPath.isPresent()) {
            return byPath;
        }
        Optional<Found> restarting = snapshot.flatMap(root -> TreeLayout.child(root,
                tree.layout().namedChildren().get(target))).map(Child::new); // a named child between two processes
        if (restarting.isPresent()) {
            return restarting;
        }
        try {
            return byPid(Pid.parse(target), snapshot);
        } catch (IllegalArgumentException notAPid) {
            return Optional.empty();
        }
    }

    private Optional<Found> byPath(String path, SupervisorSnapshot root) {
        if (path.equals(tree.rootId())) {
            return Optional.of(new Root(root));
        }
        String relative = path.startsWith(tree.rootId() + "/") ? path.substring(tree.rootId().length() + 1) : path;
        String[] ids = relative.split("/");
        SupervisorSnapshot current = root;
        ChildSnapshot found = null;
        for (String id : ids) {
            if (current == null) {
                return Optional.empty();
            }
            Optional<ChildSnapshot> next = current.child(id);
            if (next.isEmpty()) {
                return Optional.empty();
            }
            found = next.get();
            current = found.supervisor();
        }
        return Optional.ofNullable(found).map(Child::new);
    }

    private Optional<Found> byPid(Pid pid, Optional<SupervisorSnapshot> snapshot) {
        if (snapshot.isPresent()) {
            if (snapshot.get().pid().equals(pid)) {
                return Optional.of(new Root(snapshot.get()));
            }
            Optional<ChildSnapshot> child = find(pid, snapshot.get().children());
            if (child.isPresent()) {
                return child.map(Child::new);
            }
        }
        return tree.runtime().info(pid).map(Loose::new);
    }

    private static Optional<ChildSnapshot> find(Pid pid, List<ChildSnapshot> children) {
        for (ChildSnapshot child : children) {
            if (Objects.equals(child.pid(), pid)) {
                return Optional.of(child);
            }
            if (child.supervisor() != null) {
                Optional<ChildSnapshot> below = find(pid, child.supervisor().children());
                if (below.isPresent()) {
                    return below;
                }
            }
        }
        return Optional.empty();
    }
}
