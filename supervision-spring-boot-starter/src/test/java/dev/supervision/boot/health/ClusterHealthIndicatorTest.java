package dev.supervision.boot.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervision.boot.cluster.ClusterMembership;
import dev.supervision.cluster.ClusterConfig;
import dev.supervision.cluster.FreePorts;
import dev.supervision.process.ProcessRuntime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The {@code cluster} health's rules on a real one-node cluster on loopback: DOWN while the node is
 * not a member, UP alone when no member is expected, DOWN naming the missing one when one is.
 */
class ClusterHealthIndicatorTest {

    private final ProcessRuntime runtime = ProcessRuntime.create();
    private ClusterMembership membership;

    private ClusterMembership membership(List<String> expected) {
        int port = FreePorts.next();
        membership = new ClusterMembership(runtime, ClusterConfig.of("alone@localhost", "health-test")
                .withBind("127.0.0.1", port).withInitialHosts(List.of("127.0.0.1[" + port + "]")), expected);
        return membership;
    }

    @AfterEach
    void leave() {
        if (membership != null && membership.isRunning()) {
            membership.stop();
        }
        runtime.close();
    }

    @Test
    void downWhileTheNodeIsNotAMember() {
        Health health = new ClusterHealthIndicator(membership(List.of())).health(true);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("member", false).containsEntry("node", "alone@localhost");
    }

    @Test
    void upAloneWhenNoMemberIsExpectedAndDownAgainOnceItLeft() {
        ClusterMembership alone = membership(List.of());
        alone.start();
        Health health = new ClusterHealthIndicator(alone).health(true);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat(health.getDetails()).containsEntry("members", List.of()).containsEntry("cluster", "health-test");

        alone.stop();
        assertThat(new ClusterHealthIndicator(alone).health(true).getStatus()).isEqualTo(Status.DOWN);
    }

    @Test
    void downNamingAnExpectedMemberThatIsMissing() {
        ClusterMembership waiting = membership(List.of("alone@localhost", "other@localhost"));
        waiting.start();
        Health health = new ClusterHealthIndicator(waiting).health(true);
        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsEntry("missing", List.of("other@localhost"));
    }
}
