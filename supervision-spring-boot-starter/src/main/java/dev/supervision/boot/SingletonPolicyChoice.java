package dev.supervision.boot;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a child marked {@code singleton: true} may run while the cluster is split, as the
 * configuration chose it. The cluster auto-configuration turns it into the cluster module's policy.
 */
public sealed interface SingletonPolicyChoice {

    /**
     * Only on a side that holds more than half of the configured members
     * ({@code supervision.cluster.expected-members}, this node counted whether listed or not): at most
     * one instance runs during a partition, none on a side too small. Every member counts as a host of
     * the singleton, so list every node that runs the application.
     *
     * @param members the configured members, {@code name@host}, at least one
     */
    record Majority(List<String> members) implements SingletonPolicyChoice {

        /** Copies {@code members}; refuses none. */
        public Majority {
            members = List.copyOf(members);
            if (members.isEmpty()) {
                throw new IllegalArgumentException("a majority of no members: set supervision.cluster.expected-members");
            }
        }

        /** How many hosts the majority is of: the distinct members, with {@code self} added when it is not listed. */
        public int hostsWith(String self) {
            Set<String> hosts = new HashSet<>(members);
            hosts.add(self);
            return hosts.size();
        }
    }

    /** Every side of a partition runs its own; once it heals the older side's instance stays. */
    record OldestPerSide() implements SingletonPolicyChoice {
    }

    /**
     * On a side that holds at least {@code members} hosting instances, this one included.
     *
     * @param members the quorum, 1 or more
     */
    record MinimumMembers(int members) implements SingletonPolicyChoice {
    }
}
