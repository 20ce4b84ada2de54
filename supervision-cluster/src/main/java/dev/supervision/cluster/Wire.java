package dev.supervision.cluster;

import dev.supervision.cluster.codec.Frame;
import dev.supervision.cluster.codec.MessageCodec;
import dev.supervision.cluster.codec.UndecodableException;
import java.util.concurrent.atomic.LongAdder;
import org.jgroups.Address;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Frames to bytes to a member, and application values to payloads, with one log line for what cannot travel. */
final class Wire {

    private static final Logger LOG = LoggerFactory.getLogger(Wire.class);

    private final MessageCodec codec;
    private final Transport transport;
    private final NodeTable nodes;
    private final LongAdder sent = new LongAdder();

    Wire(MessageCodec codec, Transport transport, NodeTable nodes) {
        this.codec = codec;
        this.transport = transport;
        this.nodes = nodes;
    }

    MessageCodec codec() {
        return codec;
    }

    NodeTable nodes() {
        return nodes;
    }

    /** Sends a frame; a message ({@link Frame.Send}) may wait for the next batch, see {@link SendQueue}. */
    void send(Address to, Frame frame) {
        sent.increment();
        transport.send(to, codec.encodeFrame(frame), frame instanceof Frame.Send);
    }

    /** How many frames were handed to the transport. */
    long framesSent() {
        return sent.sum();
    }

    /** Sends to the node of index {@code node} if it is connected; false when it is not. */
    boolean sendTo(int node, Frame frame) {
        if (nodes.reach(node) instanceof NodeTable.Reach.Connected connected) {
            send(connected.address(), frame);
            return true;
        }
        return false;
    }

    /** The payload of {@code value}, or null (logged) when it cannot be encoded. */
    byte[] payloadOrNull(Object value, String purpose) {
        try {
            return codec.encodePayload(value);
        } catch (UndecodableException e) {
            LOG.warn("dropped {}: {}", purpose, e.getMessage());
            return null;
        }
    }
}
