package dev.supervision.process;

/**
 * How to spawn a process: whether to link it to the calling process, and a name to register
 * atomically with the spawn (so nobody ever sees the process without its name).
 *
 * @param link link the new process to the caller, which must be a process
 * @param name the name to register, or null
 */
public record SpawnOptions(boolean link, String name) {

    /** No link, no name. */
    public static final SpawnOptions DEFAULT = new SpawnOptions(false, null);

    /** The same options, linked to the caller. */
    public SpawnOptions linked() {
        return new SpawnOptions(true, name);
    }

    /** The same options, registered under {@code name}. */
    public SpawnOptions named(String newName) {
        return new SpawnOptions(link, newName);
    }
}
