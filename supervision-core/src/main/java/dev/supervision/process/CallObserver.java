package dev.supervision.process;

/**
 * Told about every {@link ProcessRuntime#call call} once it has ended, answered or not; for metrics.
 * It runs on the caller's thread and must be quick.
 */
@FunctionalInterface
public interface CallObserver {

    /**
     * A call ended.
     *
     * @param target the pid or registered name the caller used
     * @param nanos how long it took
     * @param failure the exception it ended with, or null when it was answered
     */
    void callEnded(ProcessRef target, long nanos, Throwable failure);
}
