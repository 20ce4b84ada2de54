package dev.supervision.boot;

import dev.supervision.supervisor.SupervisorEvent;

/**
 * Decides what happens when the root supervisor gives up. The starter provides one per
 * {@code supervision.on-root-failure}; declare your own bean to replace it.
 */
@FunctionalInterface
public interface RootFailureHandler {

    /** The root supervisor reached its restart intensity; its children are stopped and it exits. */
    void rootGaveUp(SupervisorEvent.GaveUp event);
}
