package dev.supervision.cluster.singleton;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.supervision.cluster.ClusterConfig;
import dev.supervision.cluster.ClusterNode;
import dev.supervision.cluster.FreePorts;
import dev.supervision.genserver.CallResult;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.Reply;
import dev.supervision.genserver.StartOptions;
import dev.supervision.process.NoProcessException;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.ReplyTo;
import dev.supervision.supervisor.ChildSpec;
import dev.supervision.supervisor.Supervisor;
import dev.supervision.supervisor.SupervisorFlags;
import dev.supervision.supervisor.SupervisorSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A cluster singleton on a cluster of one node (the multi-node behaviour is in
 * {@code ClusterSingletonIT}): it runs where the policy allows a view of one, not where it does not,
 * its supervisor stops it, and misuse is named.
 */
class SingleNodeSingletonTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private ProcessRuntime runtime;
    private ClusterNode node;
    private final List<Pid> supervisors = new ArrayList<>();

    /** Answers every call with "here". */
    private static final class Here implements GenServerBehaviour<String> {
        @Override
        public Init<String> init(Object arg) {
            return Init.ok("here");
        }

        @Override
        public CallResult<String> handleCall(Object request, ReplyTo from, String state) {
            return new Reply<>(state, state);
        }
    }

    @BeforeEach
    void start() {
        runtime = ProcessRuntime.create();
        node = ClusterNode.start(runtime, ClusterConfig.of("solo@localhost", "solo-" + UUID.randomUUID())
                .withBind("127.0.0.1", FreePorts.next()));
    }

    @AfterEach
    void stop() {
        supervisors.stream().filter(runtime::isAlive).forEach(supervisor -> Supervisor.stop(runtime, supervisor));
        node.close();
        runtime.close();
    }

    private Pid supervise(SingletonPolicy policy) {
        ChildSpec here = ChildSpec.worker("here", "here-now", Here::new, null);
        Pid supervisor = Supervisor.start(runtime, SupervisorSpec.of(SupervisorFlags.DEFAULT,
                ClusterSingleton.of(node, here, policy, "here-now")), StartOptions.DEFAULT).orThrow();
        supervisors.add(supervisor);
        return supervisor;
    }

    @Test
    void runsOnTheOnlyNodeWhenOneHostIsEnoughAndTheSupervisorStopsIt() {
        Pid supervisor = supervise(SingletonPolicy.oldestPerSide());
        ClusterSingletons singletons = ClusterSingletons.of(node);
        await().atMost(WAIT).until(() -> singletons.singletonOwner("here").isPresent());
        assertThat(singletons.singletonOwner("here")).contains("solo@localhost");
        assertThat(singletons.singletonRef("here")).isEqualTo(ProcessRef.named("here-now"));
        assertThat(runtime.call(singletons.singletonRef("here"), "where?", WAIT)).isEqualTo("here");
        Pid instance = runtime.whereis("here-now").orElseThrow();

        Supervisor.terminateChild(runtime, supervisor, "here");
        assertThat(runtime.isAlive(instance)).isFalse();
        assertThat(singletons.singletonOwner("here")).isEmpty();
        assertThatThrownBy(() -> runtime.call(singletons.singletonRef("here"), "where?", WAIT))
                .isInstanceOf(NoProcessException.class);
    }

    @Test
    void aMajorityOfThreeNeverRunsOnANodeAlone() {
        supervise(SingletonPolicy.majorityOf(3));
        ClusterSingletons singletons = ClusterSingletons.of(node);
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> runtime.whereis("here-now").isEmpty());
        assertThat(singletons.singletonOwner("here")).isEmpty();
        assertThatThrownBy(() -> runtime.call(singletons.singletonRef("here"), "where?", WAIT))
                .isInstanceOf(NoProcessException.class);
    }

    @Test
    void misuseIsNamed() {
        ClusterSingletons singletons = ClusterSingletons.of(node);
        assertThatThrownBy(() -> singletons.singletonRef("nope")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no cluster singleton 'nope' on node solo@localhost");
        ChildSpec here = ChildSpec.worker("here", Here::new, null);
        assertThatThrownBy(() -> ClusterSingleton.of(node, here, SingletonPolicy.oldestPerSide(), " "))
                .hasMessageContaining("'registeredName' must not be blank");
        ClusterSingleton.of(node, here, SingletonPolicy.oldestPerSide(), "one");
        assertThatThrownBy(() -> ClusterSingleton.of(node, here, SingletonPolicy.oldestPerSide(), "two"))
                .hasMessageContaining("already declared").hasMessageContaining("'one', not 'two'");
        assertThat(singletons.ids()).containsExactly("here");
        assertThat(List.of(node.incarnation())).allMatch(incarnation -> incarnation > 0);
    }
}
