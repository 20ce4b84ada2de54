package dev.supervision.event;

/**
 * Receives lifecycle events. Called on the thread that raised the event, so it must be quick and
 * must not block; an exception it throws is logged and otherwise ignored.
 */
@FunctionalInterface
public interface SupervisionEventListener {

    /** Handles one event. */
    void onEvent(SupervisionEvent event);
}
