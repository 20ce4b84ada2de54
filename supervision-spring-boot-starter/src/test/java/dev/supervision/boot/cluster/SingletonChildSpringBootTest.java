package dev.supervision.boot.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.TestGenServers;
import dev.supervision.cluster.ClusterNode;
import dev.supervision.cluster.FreePorts;
import dev.supervision.cluster.singleton.ClusterSingletons;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.ChildSnapshot;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The whole application with {@code singleton: true} on the connector and a one-node cluster on
 * loopback with a secret: the root supervisor runs the singleton's manager under the child's id, the
 * manager runs the connector on this node (the owner), registered under its {@code @GenServer} name,
 * and a crashed instance is restarted by the tree like any child.
 */
@SpringBootTest(classes = SingletonChildSpringBootTest.App.class, properties = {
        "supervision.on-root-failure=stay-up",
        "supervision.supervisors.root.intensity=5",
        "supervision.supervisors.root.children[0].bean=connector",
        "supervision.supervisors.root.children[0].singleton=true",
        "supervision.supervisors.root.children[0].singleton-policy=oldest-per-side",
        "supervision.cluster.enabled=true",
        "supervision.cluster.node-name=solo@127.0.0.1",
        "supervision.cluster.secret=a-long-test-secret"})
class SingletonChildSpringBootTest {

    /** The application: the test GenServers, auto-configured. */
    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(TestGenServers.BothServers.class)
    static class App {
    }

    @DynamicPropertySource
    static void clusterPort(DynamicPropertyRegistry registry) {
        registry.add("supervision.cluster.port", FreePorts::next);
    }

    @Autowired
    private ClusterMembership membership;

    @Autowired
    private SupervisionTree tree;

    @Autowired
    private ProcessRuntime runtime;

    @Test
    void theSingletonRunsHereUnderItsManagerAndRestartsAfterACrash() {
        ClusterNode node = membership.node().orElseThrow();
        assertThat(membership.config().secret()).isEqualTo("a-long-test-secret");
        Pid first = await().atMost(Duration.ofSeconds(10)).until(() -> runtime.whereis("dbconnector").orElse(null),
                pid -> pid != null);
        assertThat(ClusterSingletons.of(node).singletonOwner("connector")).contains("solo@127.0.0.1");
        ChildSnapshot child = tree.snapshot().orElseThrow().children().stream()
                .filter(c -> c.id().equals("connector")).findFirst().orElseThrow();
        assertThat(child.pid()).isNotEqualTo(first);

        runtime.exit(first, dev.supervision.process.ExitReason.KILL);

        Pid second = await().atMost(Duration.ofSeconds(10)).until(() -> runtime.whereis("dbconnector").orElse(null),
                pid -> pid != null && !pid.equals(first));
        assertThat(runtime.isAlive(second)).isTrue();
        assertThat(ClusterSingletons.of(node).singletonOwner("connector")).contains("solo@127.0.0.1");
    }
}
