package dev.supervision.cluster.singleton;

import dev.supervision.cluster.singleton.SingletonMessage.Status;
import dev.supervision.process.Pid;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one manager knows of the other nodes that host the same singleton, and the owner rule: among
 * the hosts of this node's view, this one included, the one of smallest seniority owns it (ties by
 * node name), provided the policy allows a view of that many hosts. A host whose manager crashed
 * stays reserved for a grace period, so that its supervisor can restart the singleton in place.
 * Not thread-safe: only its manager's process uses it.
 */
final class Hosts {

    /** Who owns first: smallest seniority, then smallest node name. */
    static final Comparator<Status> SENIORITY = Comparator.comparingLong(Status::seniority).thenComparing(Status::node);

    /**
     * One host: what it said last, until when its place is reserved (0: not reserved), and since when
     * it is known without a break ({@link System#nanoTime()}).
     */
    private record Host(Status status, long reservedUntil, long knownSince) {
    }

    private final Map<String, Host> byNode = new HashMap<>();

    /** {@code status} is what its node's manager says now ({@code nowNanos}); ends a reservation. */
    void update(Status status, long nowNanos) {
        Host known = byNode.get(status.node());
        byNode.put(status.node(), new Host(status, 0, known == null ? nowNanos : known.knownSince()));
    }

    /** Since when {@code node} is known as a host without a break, if it is one. */
    Optional<Long> knownSince(String node) {
        return Optional.ofNullable(byNode.get(node)).map(Host::knownSince);
    }

    /** The status known of {@code node}, if it hosts the singleton. */
    Optional<Status> get(String node) {
        return Optional.ofNullable(byNode.get(node)).map(Host::status);
    }

    /** {@code node} hosts it no more; false when it was not known. */
    boolean remove(String node) {
        return byNode.remove(node) != null;
    }

    /**
     * The manager {@code manager} of {@code node} ended without a goodbye: keep the node's place, its
     * instance stopped, until {@code untilNanos} ({@link System#nanoTime()}).
     */
    void reserve(String node, Pid manager, long untilNanos) {
        Host host = byNode.get(node);
        if (host != null && host.status().manager().equals(manager)) {
            Status s = host.status();
            byNode.put(node, new Host(new Status(s.singleton(), s.node(), s.seniority(), s.manager(), false), untilNanos,
                    host.knownSince()));
        }
    }

    /** Drops the reservations that ended by {@code nowNanos}; true when one did. */
    boolean expire(long nowNanos) {
        return byNode.values().removeIf(host -> host.reservedUntil() != 0 && host.reservedUntil() - nowNanos <= 0);
    }

    /** The node of {@code manager}, if it is a known host's current manager. */
    Optional<String> nodeOf(Pid manager) {
        return byNode.values().stream().map(Host::status).filter(s -> s.manager().equals(manager))
                .map(Status::node).findFirst();
    }

    /** The managers to tell about a change (reserved hosts' ended managers excluded). */
    List<Pid> managers() {
        return byNode.values().stream().filter(host -> host.reservedUntil() == 0).map(h -> h.status().manager()).toList();
    }

    /** Whether another host reports its instance running. */
    boolean othersRunning() {
        return byNode.values().stream().anyMatch(host -> host.status().running());
    }

    /** The owner by the rule, {@code self} included; empty when the policy does not allow this view. */
    Optional<String> owner(Status self, SingletonPolicy policy) {
        if (!policy.allows(byNode.size() + 1)) {
            return Optional.empty();
        }
        Status owner = self;
        for (Host host : byNode.values()) {
            if (SENIORITY.compare(host.status(), owner) < 0) {
                owner = host.status();
            }
        }
        return Optional.of(owner.node());
    }

    /** Where an instance runs as far as this node knows: {@code self} if it runs, else the most senior running host. */
    Optional<String> running(Status self) {
        if (self.running()) {
            return Optional.of(self.node());
        }
        return byNode.values().stream().map(Host::status).filter(Status::running).min(SENIORITY).map(Status::node);
    }

    /** Whether a view with these hosts and {@code self} is allowed by {@code policy}. */
    boolean allowed(SingletonPolicy policy) {
        return policy.allows(byNode.size() + 1);
    }
}
