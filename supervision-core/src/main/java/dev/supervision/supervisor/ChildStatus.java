package dev.supervision.supervisor;

/** Where a child stands, as snapshots and {@code whichChildren} show it. */
public enum ChildStatus {
    /** Its process is alive. */
    RUNNING,
    /** It is being restarted: its restart's start runs, a failed start is retried, or a backoff is pending. */
    RESTARTING,
    /** Its spec is kept but no process runs (OTP's pid {@code undefined}). */
    STOPPED,
    /**
     * Its supervisor reached its restart intensity and gave up: this child's exit (or failed restart)
     * was one too many. It shows so for as long as the supervisor's snapshot can be taken.
     */
    GAVE_UP
}
