package dev.supervision.boot.cluster;

import dev.supervision.boot.SingletonChildren;
import dev.supervision.boot.SingletonPolicyChoice;
import dev.supervision.cluster.singleton.ClusterSingleton;
import dev.supervision.cluster.singleton.SingletonPolicy;
import dev.supervision.supervisor.ChildSpec;

/**
 * Singleton children on the application's cluster node: each runs under a {@link ClusterSingleton}
 * manager, which asks for the node when the tree starts it (the node joins after the tree's spec is
 * made, before the tree starts).
 */
public final class ClusterSingletonChildren implements SingletonChildren {

    private final ClusterMembership membership;

    /** Singletons on the node of {@code membership}. */
    public ClusterSingletonChildren(ClusterMembership membership) {
        this.membership = membership;
    }

    @Override
    public ChildSpec singleton(ChildSpec inner, String registeredName, SingletonPolicyChoice policy) {
        return ClusterSingleton.whenJoined(() -> membership.node().orElseThrow(() -> new IllegalStateException(
                "cluster singleton '" + inner.id() + "': node " + membership.name() + " is not a member of its cluster")),
                inner, policy(policy, membership.name()), registeredName);
    }

    /** The cluster module's policy for {@code choice} on the node named {@code self}. */
    static SingletonPolicy policy(SingletonPolicyChoice choice, String self) {
        return switch (choice) {
            case SingletonPolicyChoice.Majority majority -> SingletonPolicy.majorityOf(majority.hostsWith(self));
            case SingletonPolicyChoice.OldestPerSide oldest -> SingletonPolicy.oldestPerSide();
            case SingletonPolicyChoice.MinimumMembers(int members) -> SingletonPolicy.minimumMembers(members);
        };
    }
}
