package dev.supervision.cluster;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.jgroups.JChannel;
import org.jgroups.protocols.TP;
import org.jgroups.util.PassRegularMessagesUpDirectly;

/**
 * The JGroups channel under a node, without the node: the stack of {@link StackConfig} (with
 * {@link LoopbackToPool} for its {@code direct} message processing) and the encryption of
 * {@link Security} when the configuration has a secret, not yet connected. A node's
 * transport makes its channel here; the distribution benchmarks make one to measure JGroups alone on
 * exactly the node's stack (the floor a remote call is compared with). Nothing of the runtime is
 * attached: whoever makes one sets its receiver and connects it.
 */
public final class NodeChannel {

    private NodeChannel() {
    }

    /** The JGroups XML of the stack a node with {@code config} runs. */
    public static String stackXml(ClusterConfig config) {
        return StackConfig.xml(config);
    }

    /** A channel on the stack {@code xml} (see {@link #stackXml}), encrypted when {@code config} has a secret. */
    public static JChannel create(String xml, ClusterConfig config) throws Exception {
        JChannel channel = new JChannel(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        TP transport = channel.getProtocolStack().getTransport();
        if (transport.getMessageProcessingPolicy() instanceof PassRegularMessagesUpDirectly) {
            LoopbackToPool policy = new LoopbackToPool(); // see there: JGroups' "direct" but for looped-back messages
            policy.init(transport);
            transport.msgProcessingPolicy(policy);
            if (transport.getBundler() != null) {
                transport.getBundler().init(transport); // the bundler copied the policy when it was made
            }
        }
        if (config.secret() != null) {
            Security.encrypt(channel, config.cluster(), config.secret());
        }
        return channel;
    }
}
