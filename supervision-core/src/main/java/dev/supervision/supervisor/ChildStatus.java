package dev.supervision.supervisor;

/** Where a child stands, as snapshots and {@code whichChildren} show it. */
public enum ChildStatus {
    /** Its process is alive. */
    RUNNING,
    /** It is being restarted: a start failed and is retried, or a backoff is pending. */
    RESTARTING,
    /** Its spec is kept but no process runs (OTP's pid {@code undefined}). */
    STOPPED,
    /** Its supervisor reached its restart intensity and gave up. */
    GAVE_UP
}
