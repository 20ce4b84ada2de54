package dev.supervision.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervision.boot.SingletonChildren;
import dev.supervision.boot.SingletonPolicyChoice;
import dev.supervision.boot.TestGenServers;
import dev.supervision.boot.autoconfigure.cluster.SupervisionClusterAutoConfiguration;
import dev.supervision.boot.cluster.ClusterMembership;
import dev.supervision.cluster.ClusterNode;
import dev.supervision.cluster.FreePorts;
import dev.supervision.cluster.singleton.ClusterSingletons;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.supervisor.ChildSpec;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * A child's {@code singleton}, {@code singleton-policy} and {@code singleton-min-members}: each bad
 * setting fails start-up naming its exact key and the value as written; {@code majority} is a majority
 * of {@code supervision.cluster.expected-members} and fails naming both keys without them; a singleton
 * without a cluster, without supervision-cluster or without a registered name fails naming what to
 * set; a good one runs under the node's cluster singleton manager.
 */
class SingletonChildConfigurationTest {

    private static final String CHILD = "supervision.supervisors.root.children[0]";

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SupervisionAutoConfiguration.class,
                    SupervisionClusterAutoConfiguration.class))
            .withUserConfiguration(TestGenServers.BothServers.class)
            .withPropertyValues("supervision.on-root-failure=stay-up", CHILD + ".bean=connector");

    private final ApplicationContextRunner clustered = runner.withPropertyValues("supervision.cluster.enabled=true",
            "supervision.cluster.node-name=app1@localhost", "supervision.cluster.port=" + FreePorts.next());

    private static void failsWith(ApplicationContextRunner base, String message, String... properties) {
        base.withPropertyValues(properties).run(context -> assertThat(context).hasFailed()
                .getFailure().rootCause().isInstanceOf(InvalidSupervisionConfigurationException.class)
                .hasMessageContaining(message));
    }

    @Test
    void aSingletonWithoutTheClusterFailsSayingToEnableIt() {
        failsWith(runner, CHILD + ".singleton=true: the cluster is not enabled, so every instance would run its own"
                + " (set supervision.cluster.enabled=true", CHILD + ".singleton=true",
                "supervision.cluster.expected-members=app1@localhost,app2@localhost");
    }

    @Test
    void withoutSupervisionClusterTheStarterRunsAndASingletonFailsNamingTheDependency() {
        ApplicationContextRunner withoutCluster = runner.withClassLoader(new FilteredClassLoader(ClusterNode.class));
        withoutCluster.run(context -> assertThat(context).hasNotFailed().doesNotHaveBean(ClusterMembership.class));
        failsWith(withoutCluster.withPropertyValues("supervision.cluster.enabled=true"),
                CHILD + ".singleton=true: supervision-cluster is not on the class path",
                CHILD + ".singleton=true", CHILD + ".singleton-policy=oldest-per-side");
    }

    @Test
    void aSingletonNeedsARegisteredName() {
        failsWith(clustered, "supervision.supervisors.root.children[0].name=(not set): a singleton needs a registered name",
                CHILD + ".bean=mailer", CHILD + ".singleton=true", CHILD + ".singleton-policy=oldest-per-side");
    }

    @Test
    void theMajorityPolicyWithoutExpectedMembersFailsNamingBothKeysAndWhatToSet() {
        failsWith(clustered, "supervision.cluster.expected-members=(not set): " + CHILD + ".singleton-policy=majority,"
                + " a majority of the configured members, and none are configured (set supervision.cluster.expected-members"
                + " to every node that runs the application (name@host, this one included), or set " + CHILD
                + ".singleton-policy to oldest-per-side or minimum-members)",
                CHILD + ".singleton=true", CHILD + ".singleton-policy=majority");
        failsWith(clustered, "supervision.cluster.expected-members=(not set): " + CHILD
                + ".singleton-policy is majority by default, a majority of the configured members",
                CHILD + ".singleton=true");
    }

    @Test
    void theHostCountOfTheMajorityPolicyIsGone() {
        clustered.withPropertyValues(CHILD + ".singleton=true", CHILD + ".singleton-hosts=3",
                "supervision.cluster.expected-members=app1@localhost").run(context -> {
                    assertThat(context).hasFailed();
                    assertThat(StrictConfigurationTest.analysis(context.getStartupFailure()).getDescription())
                            .contains(CHILD + ".singleton-hosts");
                });
    }

    @Test
    void majorityIsAMajorityOfTheExpectedMembers() {
        runner.withBean(RecordingSingletons.class, RecordingSingletons::new)
                .withPropertyValues(CHILD + ".singleton=true", CHILD + ".singleton-policy=majority",
                        "supervision.cluster.expected-members= app1@localhost , app2@localhost,app3@localhost")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    assertThat(context.getBean(RecordingSingletons.class).policies).containsExactly(
                            new SingletonPolicyChoice.Majority(List.of("app1@localhost", "app2@localhost", "app3@localhost")));
                });
    }

    @Test
    void aMajoritySingletonRunsOnTheOnlyExpectedMember() {
        clustered.withPropertyValues(CHILD + ".singleton=true", "supervision.cluster.expected-members=app1@localhost")
                .run(context -> {
                    assertThat(context).hasNotFailed();
                    ClusterNode node = context.getBean(ClusterMembership.class).node().orElseThrow();
                    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
                        assertThat(ClusterSingletons.of(node).singletonOwner("connector")).contains("app1@localhost");
                        assertThat(context.getBean(ProcessRuntime.class).whereis("dbconnector")).isPresent();
                    });
                });
    }

    /** Records the policies the tree asks for, and runs each child as it is. */
    static final class RecordingSingletons implements SingletonChildren {
        final List<SingletonPolicyChoice> policies = new CopyOnWriteArrayList<>();

        @Override
        public ChildSpec singleton(ChildSpec inner, String registeredName, SingletonPolicyChoice policy) {
            policies.add(policy);
            return inner;
        }
    }

    @Test
    void aCountThePolicyDoesNotUseIsRefused() {
        failsWith(clustered, CHILD + ".singleton-min-members=1: the oldest-per-side policy does not use it",
                CHILD + ".singleton=true", CHILD + ".singleton-policy=oldest-per-side", CHILD + ".singleton-min-members=1");
        failsWith(clustered, CHILD + ".singleton-min-members=2: the majority policy does not use it",
                CHILD + ".singleton=true", CHILD + ".singleton-policy=majority", CHILD + ".singleton-min-members=2",
                "supervision.cluster.expected-members=app1@localhost");
        failsWith(clustered, CHILD + ".singleton-min-members=-1: must be 1 or more",
                CHILD + ".singleton=true", CHILD + ".singleton-min-members=-1");
    }

    @Test
    void aPolicyOnAChildThatIsNoSingletonIsRefused() {
        failsWith(clustered, CHILD + ".singleton-policy=majority: the child says nothing of 'singleton' (set " + CHILD
                + ".singleton=true", CHILD + ".singleton-policy=majority");
    }

    @Test
    void singletonFalseKeepsItsPolicyAndRunsAPlainChildWithoutACluster() {
        runner.withPropertyValues(CHILD + ".singleton=${supervision.cluster.enabled:false}",
                CHILD + ".singleton-policy=oldest-per-side").run(context -> {
                    assertThat(context).hasNotFailed().doesNotHaveBean(ClusterMembership.class);
                    ProcessRuntime runtime = context.getBean(ProcessRuntime.class);
                    org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
                            .until(() -> runtime.whereis("dbconnector").isPresent());
                    assertThat(runtime.whereis("supervision.singleton.connector")).isEmpty();
                });
    }

    @Test
    void aSupervisorCannotBeASingleton() {
        failsWith(clustered, "supervision.supervisors.root.children[1].singleton=true: a supervisor cannot be a cluster singleton",
                "supervision.supervisors.root.children[1].supervisor=inner",
                "supervision.supervisors.root.children[1].singleton=true",
                "supervision.supervisors.root.children[1].singleton-policy=oldest-per-side",
                "supervision.supervisors.inner.children[0].bean=mailer");
    }

    @Test
    void anUnknownPolicyNamesTheKeyTheValueAndTheChoices() {
        clustered.withPropertyValues(CHILD + ".singleton=true", CHILD + ".singleton-policy=quorum").run(context -> {
            assertThat(context).hasFailed();
            var analysis = StrictConfigurationTest.analysis(context.getStartupFailure());
            assertThat(analysis.getDescription())
                    .contains("property '" + CHILD + ".singleton-policy' has the value 'quorum'");
            assertThat(analysis.getAction()).contains("majority, oldest-per-side, minimum-members");
        });
    }

    @Test
    void aSingletonRunsOnTheOnlyNodeOfItsCluster() {
        clustered.withPropertyValues(CHILD + ".singleton=true", CHILD + ".singleton-min-members=1").run(context -> {
            assertThat(context).hasNotFailed();
            ClusterNode node = context.getBean(ClusterMembership.class).node().orElseThrow();
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
                assertThat(ClusterSingletons.of(node).singletonOwner("connector")).contains("app1@localhost");
                assertThat(context.getBean(ProcessRuntime.class).whereis("dbconnector")).isPresent();
                assertThat(context.getBean(ProcessRuntime.class).whereis("supervision.singleton.connector")).isPresent();
            });
        });
    }
}
