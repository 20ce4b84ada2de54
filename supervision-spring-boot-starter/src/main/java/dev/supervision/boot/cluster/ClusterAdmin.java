package dev.supervision.boot.cluster;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.genserver.StartOptions;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.ChildSpec;
import dev.supervision.supervisor.Strategy;
import dev.supervision.supervisor.Supervisor;
import dev.supervision.supervisor.SupervisorFlags;
import dev.supervision.supervisor.SupervisorSpec;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.springframework.context.SmartLifecycle;

/**
 * Runs this node's {@link SupervisionAdmin} (registered as {@value SupervisionAdmin#NAME}) under a
 * small supervisor of the starter's own, beside the application's tree and not in it: it starts once
 * the node joined and before the tree, and stops after the tree and before the node leaves.
 */
public final class ClusterAdmin implements SmartLifecycle {

    /** Between the membership's phase and the tree's. */
    public static final int PHASE = ClusterMembership.PHASE + 1;

    private final ProcessRuntime runtime;
    private final SupervisorSpec spec;
    private volatile Pid supervisor;

    /**
     * The admin server of {@code tree}'s node.
     *
     * @param tree this node's tree
     * @param membership this node's membership
     * @param signalsAllowed whether this node's own endpoint accepts signals now
     */
    public ClusterAdmin(SupervisionTree tree, ClusterMembership membership, BooleanSupplier signalsAllowed) {
        this.runtime = tree.runtime();
        this.spec = SupervisorSpec.of(SupervisorFlags.of(Strategy.ONE_FOR_ONE).withIntensity(10, Duration.ofSeconds(5)),
                ChildSpec.worker("admin", SupervisionAdmin.NAME, () -> new SupervisionAdmin(tree, membership, signalsAllowed),
                        null));
    }

    @Override
    public void start() {
        supervisor = Supervisor.start(runtime, spec, StartOptions.DEFAULT).orThrow();
    }

    @Override
    public void stop() {
        Pid pid = supervisor;
        supervisor = null;
        if (pid != null && runtime.isAlive(pid)) {
            Supervisor.stop(runtime, pid);
        }
    }

    @Override
    public boolean isRunning() {
        return supervisor != null;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }
}
