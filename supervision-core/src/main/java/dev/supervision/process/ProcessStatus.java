package dev.supervision.process;

/** What a live process is doing, as {@link ProcessInfo} reports it. */
public enum ProcessStatus {
    /** Its code is running (a handler is active, or a process body is not waiting in receive). */
    RUNNING,
    /** Idle: waiting for a message. */
    WAITING,
    /** Ended. */
    EXITED
}
