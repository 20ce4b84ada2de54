package dev.supervision.boot;

/**
 * Where a child marked {@code singleton: true} may run while the cluster is split, as the
 * configuration chose it. The cluster auto-configuration turns it into the cluster module's policy.
 */
public sealed interface SingletonPolicyChoice {

    /**
     * Only on a side that holds more than half of {@code hosts} instances: at most one instance runs
     * during a partition, none on a side too small.
     *
     * @param hosts how many instances of the application host the singleton, 1 or more
     */
    record Majority(int hosts) implements SingletonPolicyChoice {
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
