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
 *
 * <p>A name conflict after a partition heals does not exit the instance: the owner rule decides
 * which instance goes on (a node that resumes from a pause may still run its old one for a moment,
 * and its node is the senior). An instance that loses its name this way keeps running and claims
 * the name again, which it gets once the surplus instance has stopped.
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
                if (names.whereis(name).map(instance::equals).orElse(false) || claimed(runtime, names, name, instance)) {
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

    private static boolean claimed(ProcessRuntime runtime, GlobalNames names, String name, Pid instance) {
        try {
            return names.register(name, instance, conflict -> {
                LOG.info("singleton instance {} lost the global name '{}' in a conflict; it claims it again", instance, name);
                start(runtime, names, name, instance);
            });
        } catch (IllegalStateException noCoordinator) {
            return false;
        }
    }
}
