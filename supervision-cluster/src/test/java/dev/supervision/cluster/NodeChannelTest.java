package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.jgroups.JChannel;
import org.jgroups.protocols.SYM_ENCRYPT;
import org.jgroups.protocols.TP;
import org.junit.jupiter.api.Test;

/** The channel under a node: direct processing but for looped-back messages, encrypted with a secret. */
class NodeChannelTest {

    private static ClusterConfig config() {
        int port = FreePorts.next();
        return ClusterConfig.of("a@localhost", "c").withBind("127.0.0.1", port)
                .withInitialHosts(List.of("127.0.0.1[" + port + "]"));
    }

    @Test
    void theTransportPassesMessagesUpDirectlyButLoopsBackThroughThePool() throws Exception {
        try (JChannel channel = NodeChannel.create(NodeChannel.stackXml(config()), config())) {
            TP transport = channel.getProtocolStack().getTransport();
            assertThat(transport.getMessageProcessingPolicy()).isInstanceOf(LoopbackToPool.class);
            assertThat((Object) channel.getProtocolStack().findProtocol(SYM_ENCRYPT.class)).as("no secret").isNull();
        }
    }

    @Test
    void aSecretEncryptsRightAboveTheTransport() throws Exception {
        ClusterConfig secret = config().withSecret("a long enough secret");
        try (JChannel channel = NodeChannel.create(NodeChannel.stackXml(secret), secret)) {
            assertThat((Object) channel.getProtocolStack().getTransport().getUpProtocol()).isInstanceOf(SYM_ENCRYPT.class);
        }
    }
}
