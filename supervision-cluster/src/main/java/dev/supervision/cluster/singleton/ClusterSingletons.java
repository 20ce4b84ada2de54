package dev.supervision.cluster.singleton;

import dev.supervision.cluster.ClusterNode;
import dev.supervision.cluster.singleton.ManagerSignal.Leave;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.Shutdown;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cluster singletons of one node: where each runs as far as this node knows
 * ({@link #singletonOwner}), a reference to it ({@link #singletonRef}), and the hand-over when the
 * node leaves: {@link ClusterNode#close()} first stops every singleton this node runs, waits for each
 * to end, and tells the other nodes, so that the next owner starts it at once.
 *
 * <pre>{@code
 * runtime.call(ClusterSingletons.of(node).singletonRef("billing"), new Charge(order));
 * }</pre>
 */
public final class ClusterSingletons {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterSingletons.class);
    /** How long a hand-over may take beyond the instance's own shutdown before the node leaves anyway. */
    private static final Duration HAND_OVER_SLACK = Duration.ofSeconds(5);
    /** The longest a hand-over waits for an instance whose shutdown is infinity. */
    private static final Duration HAND_OVER_LIMIT = Duration.ofMinutes(1);

    /**
     * What a node's spec says of one singleton.
     *
     * @param registeredName the local name its instance registers
     * @param shutdown the instance's shutdown
     */
    private record Declared(String registeredName, Shutdown shutdown) {
    }

    private final ClusterNode node;
    private final Map<String, Declared> declared = new ConcurrentHashMap<>();
    private final Map<String, Pid> managers = new ConcurrentHashMap<>();
    private final Map<String, String> owners = new ConcurrentHashMap<>();
    private final Map<String, Long> seniorities = new ConcurrentHashMap<>();
    private volatile boolean leaving;

    private ClusterSingletons(ClusterNode node) {
        this.node = node;
        node.beforeLeave(this::handOver);
    }

    /** The singletons of {@code node} (one per node; made on first use). */
    public static ClusterSingletons of(ClusterNode node) {
        return node.runtime().internals().extension(ClusterSingletons.class, () -> new ClusterSingletons(node));
    }

    /**
     * The node where singleton {@code id} runs as far as this node knows, or empty while it runs
     * nowhere (starting, moving, or no side may run it).
     *
     * @throws IllegalArgumentException when this node has no singleton {@code id}
     */
    public Optional<String> singletonOwner(String id) {
        requireDeclared(id);
        return Optional.ofNullable(owners.get(id));
    }

    /**
     * The instance of singleton {@code id}: its registered name on the node that runs it. While it runs
     * nowhere this is its name on this node, which nobody holds, so a call fails at once with
     * {@code NoProcessException}; a call that races a move fails with {@code NoProcessException} or
     * {@code NodeDownException}. Resolve it again for each call.
     *
     * @throws IllegalArgumentException when this node has no singleton {@code id}
     */
    public ProcessRef singletonRef(String id) {
        String name = requireDeclared(id).registeredName();
        String owner = owners.get(id);
        return owner == null || owner.equals(node.name()) ? ProcessRef.named(name) : ProcessRef.named(name, owner);
    }

    /** The ids of this node's singletons, sorted. */
    public Set<String> ids() {
        return new TreeSet<>(declared.keySet());
    }

    private Declared requireDeclared(String id) {
        Declared found = declared.get(id);
        if (found == null) {
            throw new IllegalArgumentException("no cluster singleton '" + id + "' on node " + node.name()
                    + " (known: " + ids() + ")");
        }
        return found;
    }

    void declare(String id, String registeredName, Shutdown shutdown) {
        Declared previous = declared.putIfAbsent(id, new Declared(registeredName, shutdown));
        if (previous != null && !previous.registeredName().equals(registeredName)) {
            throw new IllegalArgumentException("cluster singleton '" + id + "' is already declared on node " + node.name()
                    + " with registered name '" + previous.registeredName() + "', not '" + registeredName + "'");
        }
    }

    ClusterNode node() {
        return node;
    }

    boolean leaving() {
        return leaving;
    }

    void attach(String id, Pid manager) {
        managers.put(id, manager);
    }

    void detach(String id, Pid manager) {
        managers.remove(id, manager);
        owners.remove(id);
    }

    void publishOwner(String id, Optional<String> owner) {
        owner.ifPresentOrElse(found -> owners.put(id, found), () -> owners.remove(id));
    }

    /** This node's seniority for {@code id}: its incarnation until it lost its place once. */
    long seniority(String id) {
        return seniorities.getOrDefault(id, node.incarnation());
    }

    /** This node gives up its place for {@code id}: from now on it is the youngest host; returns the new seniority. */
    long reage(String id) {
        long now = Math.max(System.currentTimeMillis(), node.incarnation() + 1);
        seniorities.put(id, now);
        return now;
    }

    /** Stops this node's singletons and tells the others; runs first in {@link ClusterNode#close()}. */
    private void handOver() {
        leaving = true;
        ProcessRuntime runtime = node.runtime();
        List<Map.Entry<String, CompletableFuture<Void>>> pending = new ArrayList<>();
        managers.forEach((id, manager) -> {
            if (runtime.isAlive(manager)) {
                CompletableFuture<Void> done = new CompletableFuture<>();
                runtime.send(manager, new Leave(done));
                pending.add(Map.entry(id, done));
            }
        });
        for (Map.Entry<String, CompletableFuture<Void>> entry : pending) {
            Duration limit = limitFor(declared.get(entry.getKey()).shutdown());
            try {
                entry.getValue().get(limit.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.warn("{}: cluster singleton '{}' did not hand over within {} ms; leaving anyway", node.name(),
                        entry.getKey(), limit.toMillis());
            } catch (ExecutionException e) {
                LOG.warn("{}: cluster singleton '{}' failed to hand over: {}", node.name(), entry.getKey(), e.getCause().toString());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Duration limitFor(Shutdown shutdown) {
        return switch (shutdown) {
            case Shutdown.Timeout(Duration timeout) -> timeout.plus(HAND_OVER_SLACK);
            case Shutdown.BrutalKill kill -> HAND_OVER_SLACK;
            case Shutdown.Infinity infinity -> HAND_OVER_LIMIT;
        };
    }

    @Override
    public String toString() {
        return "ClusterSingletons[" + node.name() + ", owners=" + owners + "]";
    }
}
