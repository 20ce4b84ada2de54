package dev.supervision.sample.cluster;

import dev.supervision.boot.cluster.ClusterMembership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Lets the other instances spawn {@value #SPAWNABLE} here: a process that logs {@code I am <this node>}
 * on this instance, with the node that asked, and ends. Registered as soon as the node has joined (its
 * phase is just above the membership's), on every instance.
 */
@Component
@ConditionalOnBooleanProperty("supervision.cluster.enabled")
public class SayName implements SmartLifecycle {

    /** The name the other nodes spawn it by. */
    public static final String SPAWNABLE = "say_name";

    private static final Logger log = LoggerFactory.getLogger(SayName.class);

    private final ClusterMembership membership;
    private volatile boolean running;

    /** Registers on the node of {@code membership} once it has joined. */
    public SayName(ClusterMembership membership) {
        this.membership = membership;
    }

    @Override
    public void start() {
        String self = membership.name();
        membership.node().orElseThrow(() -> new IllegalStateException("node " + self + " has not joined its cluster"))
                .registerSpawnable(SPAWNABLE, asker -> () -> log.info("I am {} (spawned by {})", self, asker));
        running = true;
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return ClusterMembership.PHASE + 1;
    }
}
