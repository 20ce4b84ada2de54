package dev.supervision.supervisor;

/** A supervisor's message to itself: try the restart of {@code child} again (after a failed start or a backoff). */
record RetryRestart(Child child, long generation) {
}
