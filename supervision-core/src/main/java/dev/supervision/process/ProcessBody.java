package dev.supervision.process;

/**
 * The code of a process that owns its virtual thread for its whole life (see
 * {@link ProcessRuntime#spawn(ProcessBody)}). It may block in {@link ProcessRuntime#receive} and use
 * selective receive.
 *
 * <p>Returning ends the process with {@code normal}; throwing {@link ProcessExit} ends it with that
 * reason; any other exception ends it with {@link ExitReason.Crash}.
 */
@FunctionalInterface
public interface ProcessBody {

    /** Runs the process. */
    void run() throws Exception;
}
