package dev.supervision.boot.endpoint;

import dev.supervision.boot.SupervisionTree;

/** Renders the whole tree as the endpoint and the observer page show it. */
final class TreeView {

    private final SupervisionTree tree;
    private final Descriptors descriptors;

    TreeView(SupervisionTree tree) {
        this.tree = tree;
        this.descriptors = new Descriptors(tree.runtime());
    }

    TreeDescriptor render() {
        ProcessDescriptor root = tree.snapshot()
                .map(snapshot -> descriptors.root(tree.rootId(), snapshot, false))
                .orElseGet(() -> descriptors.deadRoot(tree.rootId(), tree.rootGaveUp()));
        return new TreeDescriptor(tree.nodeName(), root);
    }

    Descriptors descriptors() {
        return descriptors;
    }
}
