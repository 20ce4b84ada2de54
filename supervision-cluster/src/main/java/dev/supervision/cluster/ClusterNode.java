package dev.supervision.cluster;

import dev.supervision.cluster.codec.Allowlist;
import dev.supervision.cluster.codec.Frame;
import dev.supervision.cluster.codec.MessageCodec;
import dev.supervision.cluster.naming.GlobalNames;
import dev.supervision.cluster.naming.NameService;
import dev.supervision.cluster.naming.ProcessGroups;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.PidAndMonitor;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.RemoteSignals;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This runtime as a node of a cluster: Erlang's distribution on JGroups. Once started, pids of other
 * nodes work everywhere a pid does (send, cast, call, link, monitor, exit), names on other nodes are
 * {@code ProcessRef.named(name, node)}, and a node that goes down or cannot be reached fires
 * {@code noconnection} on every link and monitor to its processes.
 *
 * <pre>{@code
 * ClusterNode node = ClusterNode.start(runtime, ClusterConfig.of("user2@localhost", "demo")
 *         .withInitialHosts(List.of("127.0.0.1[7800]")).withSecret(cookie));
 * Pid pid = node.spawnLink("user1@localhost", "say_name", null); // runs and prints on user1
 * }</pre>
 */
public final class ClusterNode implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterNode.class);

    private final ProcessRuntime runtime;
    private final ClusterConfig config;
    private final NodeTable nodes;
    private final Transport transport;
    private final Wire wire;
    private final ScheduledThreadPoolExecutor timers;
    private final PendingCalls calls;
    private final RemoteMonitors monitors = new RemoteMonitors();
    private final RemoteWatches watches = new RemoteWatches();
    private final Pings pings = new Pings();
    private final RemoteSignals signals;
    private final NodeWatchers watchers;
    private final Spawning spawning;
    private final Inbound inbound;
    private final List<Runnable> leaveHooks = new CopyOnWriteArrayList<>();
    private final LongAdder framesReceived = new LongAdder();
    private final LongAdder nodedowns = new LongAdder();
    private final NameService naming;

    private ClusterNode(ProcessRuntime runtime, ClusterConfig config) throws Exception {
        this.runtime = runtime;
        this.config = config;
        this.nodes = new NodeTable(new NodeId(config.node(), System.currentTimeMillis()));
        this.transport = new Transport(nodes, config);
        this.wire = new Wire(new MessageCodec(nodes, Allowlist.of(config.allowedTypes())), transport, nodes);
        this.timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "supervision-cluster-timers-" + config.node());
            thread.setDaemon(true);
            return thread;
        });
        timers.setRemoveOnCancelPolicy(true);
        this.calls = new PendingCalls(timers);
        RemoteSignals[] entry = new RemoteSignals[1];
        runtime.internals().installDistribution(installed -> {
            entry[0] = installed;
            return new Outbound(wire, installed, calls, monitors, this::globalHolder);
        });
        this.signals = entry[0];
        this.watchers = new NodeWatchers(signals);
        this.spawning = new Spawning(runtime, signals, wire);
        this.naming = new NameService(new NodePeers(nodes, wire), runtime, signals);
        this.inbound = new Inbound(wire, signals, calls, monitors, watches, spawning, pings, naming);
    }

    /**
     * Makes {@code runtime} a node and joins the cluster; returns once it is a member (the first
     * member waits about a second for others to answer discovery).
     *
     * @throws IllegalStateException when the configuration is not secure (a non-loopback address with
     *     neither secret nor TLS; the message names the property) or the node cannot join
     */
    public static ClusterNode start(ProcessRuntime runtime, ClusterConfig config) {
        Objects.requireNonNull(runtime, "runtime");
        Objects.requireNonNull(config, "config").requireSecure();
        try {
            ClusterNode node = new ClusterNode(runtime, config);
            node.transport.connect(config.cluster(), node.new Events());
            return node;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("node " + config.node() + " could not join cluster " + config.cluster()
                    + ": " + e.getMessage(), e);
        }
    }

    /** This node's name, {@code name@host}. */
    public String name() {
        return config.node();
    }

    /** The runtime this node belongs to. */
    public ProcessRuntime runtime() {
        return runtime;
    }

    /**
     * This node's incarnation: the time it started, in epoch milliseconds (Erlang's creation). A node
     * that restarts under the same name has a larger one.
     */
    public long incarnation() {
        return nodes.self().incarnation();
    }

    /**
     * Runs {@code hook} at the start of {@link #close()}, while this node is still a member, in the
     * order added: what must hand something over to the others before the node leaves (cluster
     * singletons stop theirs there). A hook that throws is logged and the next one runs.
     */
    public void beforeLeave(Runnable hook) {
        leaveHooks.add(Objects.requireNonNull(hook, "hook"));
    }

    /**
     * The failure detection this node's protocol stack runs with, read from the running protocols (not
     * from the configuration it was started with).
     */
    public FailureDetection failureDetection() {
        return StackConfig.running(transport.protocolStack());
    }

    /** The connected nodes, sorted (Erlang's {@code nodes()}). */
    public List<String> nodes() {
        return nodes.connectedNames();
    }

    /** The incarnation of the connected node named {@code node}; empty when it is not connected. */
    public OptionalLong incarnationOf(String node) {
        int index = nodes.connectedIndex(node);
        return index < 0 ? OptionalLong.empty() : OptionalLong.of(nodes.idOf(index).incarnation());
    }

    /** How many frames (one per remote operation: a send, a call, an exit, ...) this node sent so far. */
    public long framesSent() {
        return wire.framesSent();
    }

    /** How many frames from other nodes this node received so far, undecodable ones included. */
    public long framesReceived() {
        return framesReceived.sum();
    }

    /** How many times a node went down (or became unreachable) as this node saw it, so far. */
    public long nodedowns() {
        return nodedowns.sum();
    }

    /** The name of the node {@code pid} lives on (this node's for a local pid). */
    public String nodeOf(Pid pid) {
        return nodes.idOf(pid.node()).name();
    }

    /**
     * Erlang's {@code monitor_node(Node, true)}: the calling process gets one {@link NodeDown} when
     * {@code node} goes down or becomes unreachable; at once when it is not connected now.
     */
    public void monitorNode(String node) {
        Pid self = runtime.self();
        watchers.watchOnce(node, self);
        if (nodes.connectedIndex(node) < 0 && watchers.unwatchOnce(node, self)) {
            signals.deliver(self, new NodeDown(node));
        }
    }

    /** Erlang's {@code net_kernel:monitor_nodes(Flag)}: the calling process gets every {@link NodeUp} and {@link NodeDown}. */
    public void monitorNodes(boolean on) {
        watchers.watchAll(runtime.self(), on);
    }

    /** Erlang's {@code net_adm:ping}: whether {@code node} answers within {@code timeout}. */
    public boolean ping(String node, Duration timeout) {
        int index = nodes.connectedIndex(node);
        if (index < 0) {
            return false;
        }
        Map.Entry<Long, CompletableFuture<Void>> ping = pings.open();
        try {
            wire.sendTo(index, new Frame.Ping(ping.getKey()));
            ping.getValue().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        } finally {
            ping.getValue().cancel(false);
        }
    }

    /** Lets other nodes spawn {@code spawnable} on this one under {@code name}. */
    public void registerSpawnable(String name, Spawnable spawnable) {
        spawning.register(name, spawnable);
    }

    /** Spawns what {@code node} registered as {@code spawnable}, with {@code argument} (Erlang's {@code spawn/4}). */
    public Pid spawn(String node, String spawnable, Object argument) {
        return spawning.spawn(node, spawnable, argument, false, false).pid();
    }

    /**
     * {@link #spawn} and link to the calling process: an unreachable node gives a pid at once and
     * {@code noconnection} through the link; an unknown spawnable exits at once with {@code {undef,Name}}.
     */
    public Pid spawnLink(String node, String spawnable, Object argument) {
        runtime.self(); // only a process can link: fail before anything is spawned
        return spawning.spawn(node, spawnable, argument, true, false).pid();
    }

    /** {@link #spawn} and monitor from the calling process; the same rules as {@link #spawnLink}. */
    public PidAndMonitor spawnMonitor(String node, String spawnable, Object argument) {
        runtime.self(); // only a process can monitor: fail before anything is spawned
        return spawning.spawn(node, spawnable, argument, false, true);
    }

    /**
     * The cluster's global names (Erlang's {@code global}): {@code register}, {@code unregister},
     * {@code whereis}, {@code registeredNames}; {@code ProcessRef.global(name)} reaches their holders.
     */
    public GlobalNames globalNames() {
        return naming.names();
    }

    /** The cluster's process groups (Erlang's {@code pg}): join, leave, members, broadcast. */
    public ProcessGroups processGroups() {
        return naming.groups();
    }

    private Pid globalHolder(String name) {
        return naming.names().holderOrNull(name);
    }

    /**
     * Leaves the cluster: runs the {@link #beforeLeave} hooks, then every link and monitor to another
     * node's process fires {@code noconnection}.
     */
    @Override
    public void close() {
        for (Runnable hook : leaveHooks) {
            try {
                hook.run();
            } catch (RuntimeException e) {
                LOG.warn("{}: a leave hook failed: {}", config.node(), e.toString());
            }
        }
        leaveHooks.clear();
        transport.close();
        for (int index : nodes.connectedIndices()) {
            if (nodes.disconnect(index)) {
                new Events().nodeDown(index);
            }
        }
        timers.shutdownNow();
    }

    @Override
    public String toString() {
        return "ClusterNode[" + config.node() + ", nodes=" + nodes() + "]";
    }

    /** What the transport reports, applied to this node. */
    private final class Events implements Transport.Handler {
        @Override
        public void received(int node, byte[] bytes, int offset, int length) {
            framesReceived.increment();
            inbound.received(node, bytes, offset, length);
        }

        @Override
        public void nodeUp(int node) {
            String name = nodes.idOf(node).name();
            LOG.info("{}: node {} is up", config.node(), name);
            watchers.up(name);
            naming.nodeUp(node);
        }

        @Override
        public void nodeDown(int node) {
            String name = nodes.idOf(node).name();
            LOG.info("{}: node {} is down", config.node(), name);
            nodedowns.increment();
            signals.nodeDown(node);
            for (RemoteMonitors.Held held : monitors.drain(node)) {
                signals.down(held.owner(), held.ref(), held.pid(), held.name(), ExitReason.NOCONNECTION);
            }
            calls.nodeDown(node);
            spawning.nodeDown(node);
            for (Map.Entry<RemoteWatches.Key, Pid> watch : watches.drain(node)) {
                signals.unwatch(watch.getValue(), watch.getKey());
            }
            watchers.down(name);
            naming.nodeDown(node);
        }
    }
}
