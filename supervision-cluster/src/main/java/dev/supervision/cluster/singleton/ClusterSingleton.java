package dev.supervision.cluster.singleton;

import dev.supervision.cluster.ClusterNode;
import dev.supervision.genserver.StartResult;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.ChildSpec;
import dev.supervision.supervisor.ChildStart;
import dev.supervision.supervisor.ChildType;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * A supervised child that runs on exactly one node of the cluster at a time (OTP's distributed
 * applications, Pekko's cluster singleton). Every node puts the same spec in its own supervisor:
 *
 * <pre>{@code
 * ChildSpec billing = ChildSpec.worker("billing", "billing", Billing::new, null);
 * SupervisorSpec.of(SupervisorFlags.DEFAULT,
 *         ClusterSingleton.of(clusterNode, billing, SingletonPolicy.majorityOf(3)));
 * // anywhere: runtime.call(ClusterSingletons.of(clusterNode).singletonRef("billing"), new Charge(order));
 * }</pre>
 *
 * <p>What the supervisor starts on each node is a small manager, a worker with the inner spec's id,
 * restart type, significance and backoff. It starts the inner child, linked, only while this node is
 * the singleton's owner, and stops it with the inner spec's shutdown when it stops being the owner. When
 * the inner child exits, the manager exits with the same reason, so restart intensity and backoff apply
 * as to any child. The owner rule, the policies and what happens on failures are in
 * docs/distribution.md ("Cluster singletons").
 */
public final class ClusterSingleton {

    /**
     * One singleton as its managers see it.
     *
     * @param inner the child that runs on one node
     * @param policy where it may run when the cluster is split
     * @param registeredName the local name the inner child registers
     */
    record Spec(ChildSpec inner, SingletonPolicy policy, String registeredName) {
        String id() {
            return inner.id();
        }
    }

    private ClusterSingleton() {
    }

    /**
     * A singleton whose inner child registers itself under the inner spec's id.
     *
     * @see #of(ClusterNode, ChildSpec, SingletonPolicy, String)
     */
    public static ChildSpec of(ClusterNode node, ChildSpec inner, SingletonPolicy policy) {
        return of(node, inner, policy, Objects.requireNonNull(inner, "inner").id());
    }

    /**
     * The spec to put in every node's supervisor for singleton {@code inner.id()}.
     *
     * @param node this node
     * @param inner the child to run on one node; it must register itself as {@code registeredName}
     *     (e.g. {@code ChildSpec.worker(id, registeredName, ...)}) so that
     *     {@link ClusterSingletons#singletonRef} reaches it
     * @param policy where it may run when the cluster is split
     * @param registeredName the local name of the running instance
     * @throws IllegalArgumentException when this node already has a singleton of that id with another name
     */
    public static ChildSpec of(ClusterNode node, ChildSpec inner, SingletonPolicy policy, String registeredName) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(inner, "inner");
        Objects.requireNonNull(policy, "policy");
        if (registeredName == null || registeredName.isBlank()) {
            throw new IllegalArgumentException("cluster singleton '" + inner.id() + "': 'registeredName' must not be blank, got '"
                    + registeredName + "'");
        }
        ClusterSingletons registry = ClusterSingletons.of(node);
        registry.declare(inner.id(), registeredName, inner.shutdown());
        Spec spec = new Spec(inner, policy, registeredName);
        ChildStart start = extraArgs -> {
            ProcessRuntime runtime = ProcessRuntime.current();
            if (runtime != node.runtime()) {
                throw new IllegalStateException("cluster singleton '" + inner.id() + "' must run under a supervisor of node "
                        + node.name() + "'s runtime");
            }
            Pid parent = runtime.self();
            return new StartResult.Started(runtime.spawnLink(() -> new SingletonManager(registry, spec, extraArgs, parent).run()));
        };
        return new ChildSpec(inner.id(), start, inner.restart(), InstanceShutdown.forManager(inner.shutdown()),
                ChildType.WORKER, inner.significant(), inner.backoff());
    }

    /**
     * As {@link #of(ClusterNode, ChildSpec, SingletonPolicy, String)} for a node that joins after the
     * spec is made (a Spring application builds its tree before the node joins): {@code node} is asked
     * each time the supervisor starts the manager, and the singleton is declared then.
     *
     * @param node this node, once it is a member
     * @param inner the child to run on one node, registering itself as {@code registeredName}
     * @param policy where it may run when the cluster is split
     * @param registeredName the local name of the running instance
     * @return the spec to put in every node's supervisor
     */
    public static ChildSpec whenJoined(Supplier<ClusterNode> node, ChildSpec inner, SingletonPolicy policy,
            String registeredName) {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(inner, "inner");
        Objects.requireNonNull(policy, "policy");
        ChildStart start = extraArgs -> of(node.get(), inner, policy, registeredName).start().start(extraArgs);
        return new ChildSpec(inner.id(), start, inner.restart(), InstanceShutdown.forManager(inner.shutdown()),
                ChildType.WORKER, inner.significant(), inner.backoff());
    }
}
