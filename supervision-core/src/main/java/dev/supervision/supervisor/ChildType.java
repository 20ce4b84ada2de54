package dev.supervision.supervisor;

/** Whether a child is a worker or a supervisor; decides the default shutdown. */
public enum ChildType {
    /** A worker; shut down with a 5 s timeout by default. */
    WORKER,
    /** A supervisor; shut down without a time limit by default, so its subtree can stop in order. */
    SUPERVISOR
}
