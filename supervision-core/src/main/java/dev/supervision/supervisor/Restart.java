package dev.supervision.supervisor;

/** When a child is restarted (OTP's restart type). */
public enum Restart {
    /** Always restarted. */
    PERMANENT,
    /** Restarted only when it exits abnormally: not for {@code normal}, {@code shutdown} or {@code {shutdown,_}}. */
    TRANSIENT,
    /** Never restarted; its spec is removed when it exits. */
    TEMPORARY
}
