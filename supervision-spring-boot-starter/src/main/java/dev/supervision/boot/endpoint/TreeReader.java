package dev.supervision.boot.endpoint;

import dev.supervision.boot.SupervisionTree;
import java.util.Optional;

/**
 * Reads this node's tree as the endpoint renders it, without the actuator: the whole tree, and one
 * process by target (a registered name, a child id path, or a pid). Used by the endpoint, and by the
 * admin server that answers other nodes of a cluster.
 */
public final class TreeReader {

    private final SupervisionTree tree;
    private final TreeView view;
    private final Descriptors descriptors;
    private final TargetResolver targets;

    /** Reads {@code tree}. */
    public TreeReader(SupervisionTree tree) {
        this.tree = tree;
        this.view = new TreeView(tree);
        this.descriptors = view.descriptors();
        this.targets = new TargetResolver(tree);
    }

    /** The node (as the tree names it) and the whole tree. */
    public TreeDescriptor tree() {
        return view.render();
    }

    /** One process with its links and monitors; empty when the target names none. */
    public Optional<ProcessDescriptor> process(String target) {
        return targets.resolve(target).map(found -> switch (found) {
            case TargetResolver.Root root -> descriptors.root(tree.rootId(), root.snapshot(), true);
            case TargetResolver.Child child -> descriptors.child(child.snapshot(), true);
            case TargetResolver.Loose loose -> descriptors.loose(loose.info());
        });
    }
}
