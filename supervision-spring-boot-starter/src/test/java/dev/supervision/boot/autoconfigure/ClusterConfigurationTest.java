package dev.supervision.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.supervision.boot.SupervisionTree;
import dev.supervision.boot.TestGenServers;
import dev.supervision.boot.autoconfigure.cluster.SupervisionClusterAutoConfiguration;
import dev.supervision.boot.cluster.ClusterMembership;
import dev.supervision.boot.cluster.SupervisionAdmin;
import dev.supervision.cluster.ClusterNode;
import dev.supervision.cluster.FailureDetection;
import dev.supervision.cluster.FreePorts;
import dev.supervision.process.ProcessRuntime;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * {@code supervision.cluster.*}: closed by default, bound strictly (a typo fails naming the key),
 * every bad value reported with its exact key and the value as written (a secret never shown), the
 * cluster's security rule reported under {@code supervision.cluster.secret}, and a node that cannot
 * bind its port reported as such. Good settings join a (one-node) cluster on loopback.
 */
class ClusterConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(SupervisionAutoConfiguration.class,
                    SupervisionClusterAutoConfiguration.class))
            .withUserConfiguration(TestGenServers.BothServers.class)
            .withPropertyValues("supervision.on-root-failure=stay-up");

    private final ApplicationContextRunner enabled = runner.withPropertyValues("supervision.cluster.enabled=true",
            "supervision.cluster.node-name=app1@localhost", "supervision.cluster.port=" + FreePorts.next());

    private FailureAnalysis failure(ApplicationContextRunner base, String... properties) {
        FailureAnalysis[] found = new FailureAnalysis[1];
        base.withPropertyValues(properties).run(context -> {
            assertThat(context).hasFailed();
            found[0] = StrictConfigurationTest.analysis(context.getStartupFailure());
        });
        return found[0];
    }

    private String description(String... properties) {
        return failure(enabled, properties).getDescription();
    }

    @Test
    void theClusterIsClosedUntilEnabled() {
        runner.run(context -> {
            assertThat(context).hasNotFailed().doesNotHaveBean(ClusterMembership.class);
            assertThat(context.getBean(ProcessRuntime.class).whereis(SupervisionAdmin.NAME)).isEmpty();
        });
    }

    @Test
    void enabledOnLoopbackItJoinsBeforeTheTreeStartsAndRunsTheAdminServer() {
        enabled.run(context -> {
            assertThat(context).hasNotFailed();
            ClusterMembership membership = context.getBean(ClusterMembership.class);
            assertThat(membership.isRunning()).isTrue();
            assertThat(membership.name()).isEqualTo("app1@localhost");
            assertThat(membership.node()).isPresent();
            assertThat(membership.getPhase()).isLessThan(context.getBean(SupervisionTree.class).getPhase());
            assertThat(context).hasSingleBean(dev.supervision.boot.cluster.ClusterAdmin.class);
            assertThat(context.getBean(ProcessRuntime.class).whereis(SupervisionAdmin.NAME)).isPresent();
        });
    }

    @Test
    void theNodeNameDefaultsToTheApplicationNameAtThisHost() throws IOException {
        String host = InetAddress.getLocalHost().getHostName();
        runner.withPropertyValues("supervision.cluster.enabled=true", "supervision.cluster.port=" + FreePorts.next(),
                "spring.application.name=orders").run(context -> {
            ClusterMembership membership = context.getBean(ClusterMembership.class);
            assertThat(membership.name()).isEqualTo("orders@" + host);
            assertThat(membership.cluster()).isEqualTo("orders");
        });
    }

    @Test
    void withoutANodeNameOrAnApplicationNameItFailsNamingTheKey() {
        FailureAnalysis analysis = failure(runner, "supervision.cluster.enabled=true");
        assertThat(analysis.getDescription()).contains("supervision.cluster.node-name", "spring.application.name");
    }

    @Test
    void aTypoUnderClusterFailsNamingTheKey() {
        assertThat(description("supervision.cluster.secert=abcdefghij")).contains("supervision.cluster.secert");
    }

    @Test
    void everyBadValueNamesItsKeyAndTheValueAsWritten() {
        assertThat(description("supervision.cluster.node-name=app1")).contains("supervision.cluster.node-name", "'app1'");
        assertThat(description("supervision.cluster.port=70000")).contains("supervision.cluster.port", "'70000'");
        assertThat(description("supervision.cluster.port=0")).contains("supervision.cluster.port", "'0'");
        assertThat(description("supervision.cluster.port=seventy")).contains("supervision.cluster.port", "'seventy'");
        assertThat(description("supervision.cluster.initial-hosts[0]=127.0.0.1[7800]",
                "supervision.cluster.initial-hosts[1]=host-without-port"))
                .contains("supervision.cluster.initial-hosts[1]", "'host-without-port'");
        assertThat(description("supervision.cluster.allowed-types[0]=com..example"))
                .contains("supervision.cluster.allowed-types[0]", "'com..example'");
        assertThat(description("supervision.cluster.expected-members[0]=app2"))
                .contains("supervision.cluster.expected-members[0]", "'app2'");
        assertThat(description("supervision.cluster.remote-timeout=0s"))
                .contains("supervision.cluster.remote-timeout", "'0s'");
        assertThat(description("supervision.cluster.dns-query=app.svc", "supervision.cluster.initial-hosts=a[1]"))
                .contains("supervision.cluster.dns-query", "'app.svc'");
    }

    @Test
    void theFailureDetectionPropertiesReachTheRunningStack() {
        enabled.withPropertyValues("supervision.cluster.failure-detection.timeout=10",
                "supervision.cluster.failure-detection.interval=1500ms",
                "supervision.cluster.failure-detection.merge-interval=5s").run(context -> {
                    assertThat(context).hasNotFailed();
                    ClusterNode node = context.getBean(ClusterMembership.class).node().orElseThrow();
                    assertThat(node.failureDetection()).as("a bare number is seconds, as everywhere in supervision.*")
                            .isEqualTo(new FailureDetection(Duration.ofSeconds(10), Duration.ofMillis(1500),
                                    Duration.ofSeconds(5)));
                });
    }

    @Test
    void withoutFailureDetectionPropertiesTheStackKeepsItsDefaults() {
        enabled.run(context -> assertThat(context.getBean(ClusterMembership.class).node().orElseThrow()
                .failureDetection()).isEqualTo(FailureDetection.defaults()));
    }

    @Test
    void aBadFailureDetectionValueNamesItsKeyAndTheValueAsWritten() {
        String prefix = "supervision.cluster.failure-detection.";
        assertThat(description(prefix + "timeout=0")).contains(prefix + "timeout", "'0'", "must be at least 10 ms");
        assertThat(description(prefix + "interval=3"))
                .contains(prefix + "interval", "'3'", "must be below the heartbeat timeout");
        assertThat(failure(enabled, prefix + "interval=4s", prefix + "timeout=2s").getAction())
                .contains(prefix + "timeout");
        assertThat(description(prefix + "merge-interval=2d")).contains(prefix + "merge-interval", "'2d'", "at most 1 day");
        assertThat(description(prefix + "timeout=soon")).contains(prefix + "timeout", "'soon'");
        assertThat(description(prefix + "timout=5s")).as("a typo under failure-detection").contains(prefix + "timout");
    }

    @Test
    void aShortSecretIsRefusedWithoutShowingIt() {
        String description = description("supervision.cluster.secret=short");
        assertThat(description).contains("supervision.cluster.secret", "5 characters").doesNotContain("short'");
    }

    @Test
    void partOfTheTlsSettingsNamesTheMissingKey() {
        assertThat(description("supervision.cluster.tls.key-store=/nowhere/node.p12"))
                .contains("supervision.cluster.tls.key-store-password");
        assertThat(description("supervision.cluster.tls.key-store=/nowhere/node.p12",
                "supervision.cluster.tls.key-store-password=changeit", "supervision.cluster.tls.trust-store=/nowhere/ca.p12",
                "supervision.cluster.tls.trust-store-password=changeit"))
                .contains("supervision.cluster.tls.key-store", "'/nowhere/node.p12'", "no readable file");
    }

    @Test
    void anOpenNodeOffLoopbackIsRefusedNamingTheSecret() {
        FailureAnalysis analysis = failure(enabled, "supervision.cluster.bind-address=10.11.12.13");
        assertThat(analysis.getDescription()).contains("Invalid cluster configuration", "supervision.cluster.secret",
                "10.11.12.13", "not loopback");
        assertThat(analysis.getAction()).contains("supervision.cluster.secret", "supervision.cluster.tls");
    }

    @Test
    void aPortThatIsTakenIsReportedNamingTheAddressAndThePort() throws IOException {
        int port = FreePorts.next();
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            FailureAnalysis analysis = failure(enabled, "supervision.cluster.port=" + port);
            assertThat(analysis.getDescription()).contains("did not join", "app1@localhost", "127.0.0.1:" + port);
            assertThat(analysis.getAction()).contains("supervision.cluster.port", "supervision.cluster.bind-address");
        }
    }
}
