package dev.supervision.boot.metrics;

import dev.supervision.boot.cluster.ClusterMembership;
import dev.supervision.cluster.ClusterNode;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.function.ToLongFunction;

/**
 * Micrometer meters of the application's node in its cluster, read from the node when scraped:
 * <ul>
 *   <li>{@code supervision.cluster.nodes}: gauge, other nodes connected now;</li>
 *   <li>{@code supervision.cluster.messages}: counter, tag {@code direction} ({@code sent},
 *       {@code received}): frames exchanged with other nodes, one per remote operation (a send, a cast,
 *       a call and its reply, an exit signal, a link, a monitor, ...);</li>
 *   <li>{@code supervision.cluster.nodedowns}: counter, nodes seen going down or becoming
 *       unreachable.</li>
 * </ul>
 * Every meter has the tag {@code cluster}, the cluster's name.
 */
public class ClusterMetrics implements MeterBinder {

    private final ClusterMembership membership;

    /** Meters of {@code membership}. */
    public ClusterMetrics(ClusterMembership membership) {
        this.membership = membership;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        String cluster = membership.cluster();
        Gauge.builder("supervision.cluster.nodes", membership, m -> m.connected().size())
                .description("Other nodes of the cluster connected now").tag("cluster", cluster).register(registry);
        counter(registry, "supervision.cluster.messages", "Frames exchanged with other nodes", ClusterNode::framesSent)
                .tag("direction", "sent").tag("cluster", cluster).register(registry);
        counter(registry, "supervision.cluster.messages", "Frames exchanged with other nodes", ClusterNode::framesReceived)
                .tag("direction", "received").tag("cluster", cluster).register(registry);
        counter(registry, "supervision.cluster.nodedowns", "Nodes seen going down or becoming unreachable",
                ClusterNode::nodedowns).tag("cluster", cluster).register(registry);
    }

    private FunctionCounter.Builder<ClusterMembership> counter(MeterRegistry registry, String name, String description,
            ToLongFunction<ClusterNode> count) {
        return FunctionCounter.builder(name, membership, m -> m.lastNode().map(count::applyAsLong).orElse(0L))
                .description(description);
    }
}
