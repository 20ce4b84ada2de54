package dev.supervision.boot.observer;

import dev.supervision.boot.endpoint.TreeDescriptor;

/**
 * What the observer page receives on every push: the tree, and whether to offer kill.
 *
 * @param tree the node and its tree, as {@code GET /actuator/supervision} renders it
 * @param canSignal whether a {@code POST} of a signal to the endpoint would be accepted, so the page
 *     shows kill buttons
 */
public record ObserverUpdate(TreeDescriptor tree, boolean canSignal) {
}
