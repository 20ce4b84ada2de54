package dev.supervision.cluster.harness;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills every member JVM still running when the test JVM exits, whatever way it exits short of kill
 * -9 (then each member exits when its stdin closes). A JVM-wide registry by necessity: a shutdown hook
 * is JVM-wide.
 */
final class Reaper {

    private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "member-reaper"));
    }

    private Reaper() {
    }

    static void track(Process process) {
        RUNNING.add(process);
    }

    static void forget(Process process) {
        RUNNING.remove(process);
    }
}
