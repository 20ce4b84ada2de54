package dev.supervision.supervisor;

/** Whether a supervisor shuts itself down when significant children end by themselves (OTP 24+). */
public enum AutoShutdown {
    /** Never; significant children are not allowed. */
    NEVER,
    /** When any significant child ends by itself. */
    ANY_SIGNIFICANT,
    /** When the last running significant child ends by itself. */
    ALL_SIGNIFICANT
}
