package dev.supervision.cluster.naming;

import java.util.Comparator;

/**
 * How senior a node is: the older incarnation (the earlier start) is senior, and between equal
 * incarnations the node name that sorts first. Every node ranks every other the same way, so it picks
 * the coordinator of registrations and the winner of a global name conflict identically.
 *
 * @param incarnation the node's incarnation (its start time in milliseconds)
 * @param node the node's name, {@code name@host}
 */
public record Seniority(long incarnation, String node) implements Comparable<Seniority> {

    private static final Comparator<Seniority> ORDER =
            Comparator.comparingLong(Seniority::incarnation).thenComparing(Seniority::node);

    /** Whether this node is senior to {@code other}. */
    public boolean isSeniorTo(Seniority other) {
        return compareTo(other) < 0;
    }

    /** Senior first. */
    @Override
    public int compareTo(Seniority other) {
        return ORDER.compare(this, other);
    }
}
