package dev.supervision.cluster.bench;

import java.nio.ByteBuffer;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;

/**
 * The peer JVM of {@code dist_jgroups_*}: a bare channel on the stack it is told, whose receiver
 * answers each message with its bytes ({@code rtt}), or counts them and answers only a count query
 * with how many arrived since the last one ({@code oneway}). Arguments: its port, the driver's port,
 * the secret, the stack, the mode. Exits when its stdin closes.
 */
public final class ChannelEchoPeer {

    private ChannelEchoPeer() {
    }

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        ChannelFloor.Stack stack = ChannelFloor.Stack.parse(args[3]);
        boolean echoEach = args[4].equals("rtt");
        JChannel channel = stack.channel(stack.config("floor-peer@localhost", port, Integer.parseInt(args[1]), args[2]));
        channel.setDiscardOwnMessages(true);
        channel.setReceiver(new Receiver() {
            private long arrived;

            @Override
            public void receive(Message msg) {
                if (echoEach) {
                    send(channel, msg.getSrc(), msg.getArray());
                } else if (msg.getLength() > 0 && msg.getArray()[msg.getOffset()] == ChannelFloor.COUNT_QUERY) {
                    send(channel, msg.getSrc(), ByteBuffer.allocate(ChannelFloor.MESSAGE_BYTES).putLong(arrived).array());
                    arrived = 0;
                } else {
                    arrived++;
                }
            }
        });
        channel.connect("supervision-floor");
        System.out.println("READY");
        System.out.flush();
        while (System.in.read() >= 0) {
            // wait for stdin to close
        }
        Runtime.getRuntime().halt(0);
    }

    private static void send(JChannel channel, Address to, byte[] bytes) {
        try {
            channel.send(new BytesMessage(to, bytes));
        } catch (Exception e) {
            System.err.println("could not answer: " + e);
        }
    }
}
