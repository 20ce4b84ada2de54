package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.supervision.process.ProcessRuntime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The configuration's rules, and the default stack. */
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
        assertThat(xml).contains("<FD_SOCK2", "<FD_ALL3 timeout=\"3000\" interval=\"1000\"",
                "<MERGE3 min_interval=\"1000\" max_interval=\"3000\"", "join_timeout=\"1000\"",
                "initial_hosts=\"127.0.0.1[7800]\"");
        assertThat(xml).as("the sending thread writes the socket; received messages are passed up on the receiving thread")
                .contains("bundler_type=\"no-bundler\"", "message_processing_policy=\"direct\"");
        assertThat(StackConfig.xml(ClusterConfig.of("a@h", "c").withDnsQuery("svc.ns.svc.cluster.local")))
                .contains("<dns.DNS_PING dns_query=\"svc.ns.svc.cluster.local\"").doesNotContain("TCPPING");
    }
}
