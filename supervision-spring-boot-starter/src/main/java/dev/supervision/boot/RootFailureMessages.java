package dev.supervision.boot;

import dev.supervision.supervisor.SupervisorEvent;

/** How the root failure handlers describe why the root gave up. */
public final class RootFailureMessages {

    private RootFailureMessages() {
    }

    /**
     * {@code " after child 'db' exited with killed"}, or {@code " with killed"} when the root itself
     * was stopped (it has no child to name then).
     */
    public static String cause(SupervisorEvent.GaveUp event) {
        return event.childId() == null ? " with " + event.reason()
                : " after child '" + event.childId() + "' exited with " + event.reason();
    }
}
