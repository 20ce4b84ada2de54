package dev.supervision.cluster.singleton;

/**
 * Where a cluster singleton may run when the cluster is split: on a side whose view holds at least
 * {@code minimumMembers} of the nodes that host the singleton.
 *
 * <ul>
 *   <li>{@link #majorityOf(int)} (the safe choice): more than half of the expected hosts. At most one
 *       side of any partition runs it, and a side too small runs none; with two hosts a majority is
 *       two, so losing either one stops the singleton.</li>
 *   <li>{@link #oldestPerSide()}: every side runs its own (availability over safety): during a
 *       partition there are as many instances as sides, and when it heals the older side's instance
 *       stays and the other is stopped.</li>
 *   <li>{@link #minimumMembers(int)}: any other quorum, e.g. 1 for two instances that must keep it
 *       running when one dies (which is {@link #oldestPerSide()}).</li>
 * </ul>
 *
 * @param minimumMembers how many hosting nodes, this one included, a view must hold; 1 or more
 * @param name how the policy is shown in logs and errors
 */
public record SingletonPolicy(int minimumMembers, String name) {

    /** Rejects a quorum below 1, naming it. */
    public SingletonPolicy {
        if (minimumMembers < 1) {
            throw new IllegalArgumentException("singleton policy 'minimum-members' must be 1 or more, got " + minimumMembers);
        }
        if (name == null || name.isBlank()) {
            name = "minimum-members=" + minimumMembers;
        }
    }

    /**
     * Runs only on a side that holds more than half of {@code expectedMembers} hosting nodes.
     *
     * @throws IllegalArgumentException when {@code expectedMembers} is below 1
     */
    public static SingletonPolicy majorityOf(int expectedMembers) {
        if (expectedMembers < 1) {
            throw new IllegalArgumentException("singleton policy 'expected-members' must be 1 or more, got " + expectedMembers);
        }
        return new SingletonPolicy(expectedMembers / 2 + 1, "majority of " + expectedMembers);
    }

    /** Every side of a partition runs its own instance (its oldest host); one stays when it heals. */
    public static SingletonPolicy oldestPerSide() {
        return new SingletonPolicy(1, "oldest-per-side");
    }

    /** Runs on a side that holds at least {@code minimumMembers} hosting nodes. */
    public static SingletonPolicy minimumMembers(int minimumMembers) {
        return new SingletonPolicy(minimumMembers, null);
    }

    /** Whether a view of {@code hosts} hosting nodes, this one included, may run the singleton. */
    public boolean allows(int hosts) {
        return hosts >= minimumMembers;
    }

    @Override
    public String toString() {
        return name;
    }
}
