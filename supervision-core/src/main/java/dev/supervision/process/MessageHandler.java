package dev.supervision.process;

/**
 * The code of a mailbox-driven process (see {@link RuntimeInternals#spawnHandler}): it holds no thread
 * while idle and borrows a virtual thread only while it has messages, so an idle one costs a few
 * hundred bytes. Its methods are never called concurrently. GenServers are built on it.
 *
 * <p>{@link #onStart()} and {@link #onMessage(Object)} end the process by throwing {@link ProcessExit}
 * (with that reason) or any other exception (with {@link ExitReason.Crash}). Blocking inside them is
 * allowed and holds up no other process for more than a couple of milliseconds: a process this one
 * messaged may wait that long for a thread (see docs/core.md, threads of mailbox-driven processes).
 */
public interface MessageHandler {

    /** Runs first, in the process, before any message. */
    default void onStart() throws Exception {
    }

    /** Handles the next message, in arrival order. */
    void onMessage(Object message) throws Exception;

    /**
     * Called once the process has ended for everybody: its name is free, its links and monitors have
     * fired. It runs on whichever thread ended the process, so it must be quick and must not block.
     */
    default void onExit(ExitReason reason) {
    }
}
