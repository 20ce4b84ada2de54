package dev.supervision.boot.cluster;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.cluster.ClusterConfig;
import dev.supervision.cluster.ClusterNode;
import dev.supervision.genserver.GenServers;
import dev.supervision.genserver.StartOptions;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * The application's runtime as a node of its cluster. It joins before the supervision tree starts
 * (its phase is lower than {@link SupervisionTree#PHASE}) and leaves after the tree stopped, so the
 * tree's processes never run outside the cluster; leaving fires {@code noconnection} here on every tie
 * to another node, as {@link ClusterNode#close()} says. It also keeps the members seen, up or down.
 */
public final class ClusterMembership implements SmartLifecycle {

    /** Joins before the tree starts (and before the starter's admin server), leaves after both stopped. */
    public static final int PHASE = SupervisionTree.PHASE - 1024;

    private static final Logger log = LoggerFactory.getLogger(ClusterMembership.class);

    private final ProcessRuntime runtime;
    private final ClusterConfig config;
    private final List<String> expectedMembers;
    private final MemberTable members = new MemberTable();
    private volatile ClusterNode node;
    private volatile Pid watcher;
    private volatile boolean running;

    /**
     * A membership of {@code runtime} in the cluster {@code config} describes, once started.
     *
     * @param runtime the application's runtime
     * @param config how to join (validated: the starter checks it before it gets here)
     * @param expectedMembers nodes that should be connected, for the health
     */
    public ClusterMembership(ProcessRuntime runtime, ClusterConfig config, List<String> expectedMembers) {
        this.runtime = runtime;
        this.config = config;
        this.expectedMembers = List.copyOf(expectedMembers);
    }

    /**
     * Joins the cluster; returns once this node is a member.
     *
     * @throws ClusterStartException when it cannot (the port is taken, the address cannot be bound)
     */
    @Override
    public void start() {
        try {
            node = ClusterNode.start(runtime, config);
        } catch (IllegalStateException | IllegalArgumentException e) {
            throw new ClusterStartException(config.node(), config.cluster(), config.bindAddress(), config.port(), e);
        }
        members.clear();
        watcher = GenServers.start(runtime, new NodeWatcher(node, members), null, StartOptions.DEFAULT).orThrow();
        running = true;
        log.info("Node {} joined cluster '{}' on {}:{}; connected: {}", config.node(), config.cluster(),
                config.bindAddress(), config.port(), node.nodes());
    }

    /** Leaves the cluster. */
    @Override
    public void stop() {
        running = false;
        Pid pid = watcher;
        if (pid != null && runtime.isAlive(pid)) {
            GenServers.stop(runtime, pid);
        }
        ClusterNode current = node;
        if (current != null) {
            current.close();
            log.info("Node {} left cluster '{}'", config.node(), config.cluster());
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return PHASE;
    }

    /** This node's name, {@code name@host}. */
    public String name() {
        return config.node();
    }

    /** The cluster's name. */
    public String cluster() {
        return config.cluster();
    }

    /** The configuration the node joined with. */
    public ClusterConfig config() {
        return config;
    }

    /** The node while it is a member; empty before it joined and after it left. */
    public Optional<ClusterNode> node() {
        ClusterNode current = node;
        return running && current != null ? Optional.of(current) : Optional.empty();
    }

    /** The node as it last ran, for its counters: present from the first start on, even once it left. */
    public Optional<ClusterNode> lastNode() {
        return Optional.ofNullable(node);
    }

    /** The other nodes connected now, sorted; empty when this node is not a member. */
    public List<String> connected() {
        return node().map(ClusterNode::nodes).orElse(List.of());
    }

    /** Every other node seen since this node joined, by name, up or down. */
    public List<ClusterMember> members() {
        return members.all();
    }

    /** The member named {@code name}, if it was ever seen. */
    public Optional<ClusterMember> member(String name) {
        return Optional.ofNullable(members.get(name));
    }

    /** The nodes that should be connected ({@code supervision.cluster.expected-members}). */
    public List<String> expectedMembers() {
        return expectedMembers;
    }
}
