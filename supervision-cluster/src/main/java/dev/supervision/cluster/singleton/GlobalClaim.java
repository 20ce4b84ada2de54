package dev.supervision.cluster.singleton;

import dev.supervision.cluster.naming.GlobalNames;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registers a singleton's running instance under its global name, off the manager's process (a
 * registration is a round trip to the coordinator). The previous instance's name is freed when it
 * dies or when its node goes down, which may come a little after this node became the owner, so a
 * refused claim is tried again until {@link #PATIENCE} has passed or the instance has ended.
 */
final class GlobalClaim {

    static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Duration PAUSE = Duration.ofMillis(100);
    private static final Logger LOG = LoggerFactory.getLogger(GlobalClaim.class);

    private GlobalClaim() {
    }

    /** Starts claiming {@code name} for {@code instance}; returns at once. */
    static void start(ProcessRuntime runtime, GlobalNames names, String name, Pid instance) {
        runtime.spawn(() -> {
            Instant giveUp = Instant.now().plus(PATIENCE);
            while (runtime.isAlive(instance)) {
                if (names.whereis(name).map(instance::equals).orElse(false) || claimed(names, name, instance)) {
                    return;
                }
                if (Instant.now().isAfter(giveUp)) {
                    LOG.warn("singleton instance {} could not register the global name '{}' within {} s: it is held by {}",
                            instance, name, PATIENCE.toSeconds(), names.whereis(name).map(Pid::toString).orElse("nobody"));
                    return;
                }
                runtime.receive(message -> false, PAUSE); // a pause that a kill of this process ends
            }
        });
    }

    private static boolean claimed(GlobalNames names, String name, Pid instance) {
        try {
            return names.register(name, instance);
        } catch (IllegalStateException noCoordinator) {
            return false;
        }
    }
}
