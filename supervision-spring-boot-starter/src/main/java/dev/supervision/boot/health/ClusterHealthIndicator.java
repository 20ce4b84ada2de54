package dev.supervision.boot.health;

import dev.supervision.boot.cluster.ClusterMember;
import dev.supervision.boot.cluster.ClusterMembership;
import java.util.List;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * The {@code cluster} health: UP while this node is a member of its cluster and every expected member
 * ({@code supervision.cluster.expected-members}) is connected; DOWN before the node joined, after it
 * left, or while an expected member is missing. Without expected members, another node going down
 * never turns this node's health DOWN: a lonely node still serves. Details: {@code node},
 * {@code cluster}, {@code members} (connected now), {@code down} (seen before, not connected now), and
 * with expected members {@code expected} and {@code missing}.
 */
public class ClusterHealthIndicator extends AbstractHealthIndicator {

    private final ClusterMembership membership;

    /** Health of {@code membership}. */
    public ClusterHealthIndicator(ClusterMembership membership) {
        super("Cluster health check failed");
        this.membership = membership;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        builder.withDetail("node", membership.name()).withDetail("cluster", membership.cluster());
        if (membership.node().isEmpty()) {
            builder.down().withDetail("member", false);
            return;
        }
        List<String> connected = membership.connected();
        builder.withDetail("members", connected)
                .withDetail("down", membership.members().stream().filter(member -> !member.up())
                        .map(ClusterMember::name).toList());
        List<String> expected = membership.expectedMembers();
        if (expected.isEmpty()) {
            builder.up();
            return;
        }
        List<String> missing = expected.stream()
                .filter(name -> !name.equals(membership.name()) && !connected.contains(name)).toList();
        builder.withDetail("expected", expected).withDetail("missing", missing);
        if (missing.isEmpty()) {
            builder.up();
        } else {
            builder.down();
        }
    }
}
