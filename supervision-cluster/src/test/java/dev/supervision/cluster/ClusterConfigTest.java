package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervision.cluster.FailureDetection.InvalidSettingException;
import dev.supervision.cluster.FailureDetection.Setting;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration's rules, the default stack, and the failure detection written into it. */
class ClusterConfigTest {

    @Test
    void aNodeOnANonLoopbackAddressWithoutSecretOrTlsRefusesToStart() {
        try (ProcessRuntime runtime = ProcessRuntime.create()) {
            ClusterConfig open = ClusterConfig.of("a@host", "c").withBind("0.0.0.0", 0);
            assertThatThrownBy(() -> ClusterNode.start(runtime, open)).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining(ClusterConfig.SECRET_PROPERTY).hasMessageContaining(ClusterConfig.TLS_PROPERTY);
        }
        ClusterConfig.of("a@host", "c").withBind("0.0.0.0", 0).withSecret("long enough secret").requireSecure();
        ClusterConfig.of("a@host", "c").requireSecure();
    }

    @Test
    void namesAndSecretsAreValidated() {
        assertThatThrownBy(() -> ClusterConfig.of("nohost", "c")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("name@host");
        assertThatThrownBy(() -> ClusterConfig.of("a@h", "c").withSecret("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ClusterConfig.SECRET_PROPERTY);
    }

    @Test
    void theDefaultStackHasTheTunedFailureDetection() {
        String xml = StackConfig.xml(ClusterConfig.of("a@h", "c").withInitialHosts(List.of("127.0.0.1[7800]")));
        assertThat(xml).contains("<dev.supervision.cluster.ClosedConnectionDetector/>", "<FD_ALL3 timeout=\"3000\" interval=\"1000\"",
                "<MERGE3 min_interval=\"1000\" max_interval=\"3000\"", "join_timeout=\"1000\"",
                "initial_hosts=\"127.0.0.1[7800]\"");
        assertThat(xml).as("the sending thread writes the socket; received messages are passed up on the receiving thread")
                .contains("bundler_type=\"no-bundler\"", "message_processing_policy=\"direct\"");
        assertThat(StackConfig.xml(ClusterConfig.of("a@h", "c").withDnsQuery("svc.ns.svc.cluster.local")))
                .contains("<dns.DNS_PING dns_query=\"svc.ns.svc.cluster.local\"").doesNotContain("TCPPING");
    }

    @Test
    void theFailureDetectionDefaultsAreTheTunedStacksValues() {
        FailureDetection defaults = ClusterConfig.of("a@h", "c").failureDetection();
        assertThat(defaults).isEqualTo(FailureDetection.defaults());
        assertThat(defaults.heartbeatTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(defaults.heartbeatInterval()).isEqualTo(Duration.ofSeconds(1));
        assertThat(defaults.mergeInterval()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    void theStackRunsWithTheConfiguredFailureDetection() {
        FailureDetection lan = FailureDetection.defaults().withHeartbeat(Duration.ofMillis(1500), Duration.ofMillis(250))
                .withMergeInterval(Duration.ofMillis(1200));
        String xml = StackConfig.xml(ClusterConfig.of("a@h", "c").withFailureDetection(lan));
        assertThat(xml).contains("<FD_ALL3 timeout=\"1500\" interval=\"250\"/>",
                "<MERGE3 min_interval=\"400\" max_interval=\"1200\"/>", "<dev.supervision.cluster.ClosedConnectionDetector/>")
                .as("a closed connection stays evidence enough: no verification round").doesNotContain("VERIFY_SUSPECT");
    }

    @Test
    void aStartedNodesProtocolsRunWithTheConfiguredFailureDetection() {
        FailureDetection cloud = FailureDetection.defaults().withHeartbeat(Duration.ofSeconds(12), Duration.ofSeconds(2))
                .withMergeInterval(Duration.ofSeconds(6));
        int port = FreePorts.next();
        ClusterConfig config = ClusterConfig.of("fd@localhost", "fd-" + port).withBind("127.0.0.1", port)
                .withInitialHosts(List.of("127.0.0.1[" + port + "]")).withFailureDetection(cloud);
        try (ProcessRuntime runtime = ProcessRuntime.create(); ClusterNode node = ClusterNode.start(runtime, config)) {
            assertThat(node.failureDetection()).isEqualTo(cloud);
        }
    }

    @Test
    void aFailureDetectionSettingOutOfBoundsIsRefusedNamingTheSettingAndTheValue() {
        FailureDetection defaults = FailureDetection.defaults();
        assertThatThrownBy(() -> defaults.withHeartbeat(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo(Setting.HEARTBEAT_TIMEOUT))
                .hasMessage("failure detection: the heartbeat timeout PT0S must be at least 10 ms");
        assertThatThrownBy(() -> defaults.withHeartbeat(Duration.ofSeconds(3), Duration.ofMillis(-5)))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo(Setting.HEARTBEAT_INTERVAL))
                .hasMessageContaining("heartbeat interval PT-0.005S must be at least 10 ms");
        assertThatThrownBy(() -> defaults.withMergeInterval(Duration.ofDays(2)))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo(Setting.MERGE_INTERVAL))
                .hasMessageContaining("merge interval PT48H must be at most 1 day");
        assertThatThrownBy(() -> defaults.withMergeInterval(null))
                .isInstanceOfSatisfying(InvalidSettingException.class, e -> assertThat(e.reason()).isEqualTo("must be set"))
                .hasMessage("failure detection: the merge interval must be set");
        assertThatThrownBy(() -> ClusterConfig.of("a@h", "c").withFailureDetection(null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("failureDetection");
    }

    @Test
    void theHeartbeatIntervalMustBeBelowTheTimeout() {
        assertThatThrownBy(() -> FailureDetection.defaults().withHeartbeat(Duration.ofSeconds(2), Duration.ofSeconds(2)))
                .isInstanceOfSatisfying(InvalidSettingException.class,
                        e -> assertThat(e.setting()).isEqualTo(Setting.HEARTBEAT_INTERVAL))
                .hasMessage("failure detection: the heartbeat interval PT2S must be below the heartbeat timeout (PT2S)");
        assertThat(FailureDetection.defaults().withHeartbeat(Duration.ofMillis(20), Duration.ofMillis(10)).heartbeatTimeout())
                .isEqualTo(Duration.ofMillis(20));
    }
}
