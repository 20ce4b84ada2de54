package dev.supervision.sample;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kills, when this JVM exits, every sample instance JVM still running: a test that fails or hangs leaves
 * none behind. JVM-wide by necessity, as a shutdown hook is; a kill -9 of this JVM is covered by the
 * instances themselves ({@link InstanceMain} exits when its stdin closes).
 */
final class InstanceReaper {

    private static final Set<ProcessHandle> LIVE = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("instance-reaper").unstarted(
                () -> LIVE.forEach(ProcessHandle::destroyForcibly)));
    }

    private InstanceReaper() {
    }

    static void watch(ProcessHandle instance) {
        LIVE.add(instance);
    }

    static void release(ProcessHandle instance) {
        LIVE.remove(instance);
    }
}
