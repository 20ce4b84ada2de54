package dev.supervision.process;

/**
 * How to spawn a process: whether to link it to the calling process, a name to register atomically
 * with the spawn (so nobody ever sees the process without its name), and where a mailbox-driven
 * process's {@link MessageHandler#onStart()} runs.
 *
 * @param link link the new process to the caller, which must be a process
 * @param name the name to register, or null
 * @param startOnCaller run the new mailbox-driven process's {@code onStart} on the caller's thread,
 *     a process's of the same runtime or a plain thread, as the new process ({@code self()} is the new
 *     pid), before {@code spawnHandler} returns. For behaviours whose start is synchronous anyway (a
 *     GenServer's init): it saves a thread start and two switches per start. Ignored when the caller
 *     is a process of another runtime, and for processes that own their thread.
 */
public record SpawnOptions(boolean link, String name, boolean startOnCaller) {

    /** No link, no name, {@code onStart} on the new process's own thread. */
    public static final SpawnOptions DEFAULT = new SpawnOptions(false, null, false);

    /** Options with a link and a name, {@code onStart} on the new process's own thread. */
    public SpawnOptions(boolean link, String name) {
        this(link, name, false);
    }

    /** The same options, linked to the caller. */
    public SpawnOptions linked() {
        return new SpawnOptions(true, name, startOnCaller);
    }

    /** The same options, registered under {@code name}. */
    public SpawnOptions named(String newName) {
        return new SpawnOptions(link, newName, startOnCaller);
    }

    /** The same options, with {@code onStart} run on the calling process's thread. */
    public SpawnOptions startingOnCaller() {
        return new SpawnOptions(link, name, true);
    }
}
