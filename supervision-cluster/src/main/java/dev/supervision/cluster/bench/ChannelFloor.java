package dev.supervision.cluster.bench;

import dev.supervision.cluster.ClusterConfig;
import dev.supervision.cluster.NodeChannel;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;

/**
 * JGroups alone, no supervision layer: two JVMs, each a {@link JChannel} on a node's stack, the peer
 * ({@link ChannelEchoPeer}) answering every message with its bytes from its receiver. {@code rtt N}
 * times N round trips of 16 bytes from a plain thread (after N/5 of warm-up); {@code oneway N} sends
 * N messages of 16 bytes as fast as the channel takes them and times until the peer says all arrived.
 * The stack is a {@link Stack}: the node's own, the node's without encryption, or the settings of the
 * reference measurement (JGroups' default bundler and thread-pool policy, no encryption). This is the
 * floor that {@code dist_ping} and {@code dist_call} are compared with.
 */
final class ChannelFloor {

    /** Which stack both channels run. */
    enum Stack {
        /** The node's stack as {@code StackConfig} makes it, encrypted. */
        OURS,
        /** The node's stack without encryption. */
        OURS_PLAIN,
        /** The reference's settings: transfer-queue bundler, JGroups' default message processing, no encryption. */
        STOCK;

        static Stack parse(String text) {
            return valueOf(text.toUpperCase(Locale.ROOT).replace('-', '_'));
        }

        /** The configuration of a channel bound to {@code port}. */
        ClusterConfig config(String name, int port, int otherPort, String secret) {
            ClusterConfig config = ClusterConfig.of(name, "supervision-floor").withBind("127.0.0.1", port)
                    .withInitialHosts(List.of("127.0.0.1[" + port + "]", "127.0.0.1[" + otherPort + "]"));
            return this == OURS ? config.withSecret(secret) : config;
        }

        /** The XML of this stack for {@code config}. */
        String xml(ClusterConfig config) {
            String xml = NodeChannel.stackXml(config);
            if (this != STOCK) {
                return xml;
            }
            return xml.replace("bundler_type=\"no-bundler\"", "bundler_type=\"transfer-queue\"")
                    .replaceAll(" message_processing_policy=\"[^\"]*\"", "");
        }

        /** A channel on this stack, not connected. */
        JChannel channel(ClusterConfig config) throws Exception {
            return NodeChannel.create(xml(config), config);
        }
    }

    /** The first byte of the peer's answer to a one-way run's closing message: that many arrived. */
    static final byte COUNT_QUERY = 1;
    /** The size of every message. */
    static final int MESSAGE_BYTES = 16;

    private ChannelFloor() {
    }

    /** Runs {@code mode} ({@code rtt} or {@code oneway}) {@code count} times; the RESULT line. */
    static String run(String mode, int count, Stack stack, int port, int peerPort, String secret) throws Exception {
        try (PeerJvm peer = PeerJvm.start(ChannelEchoPeer.class,
                List.of(String.valueOf(peerPort), String.valueOf(port), secret, stack.name(), mode));
                JChannel channel = stack.channel(stack.config("floor-driver@localhost", port, peerPort, secret))) {
            Answers answers = new Answers();
            channel.setReceiver(answers);
            channel.setDiscardOwnMessages(true);
            channel.connect("supervision-floor");
            Address to = awaitPeer(channel);
            return mode.equals("rtt") ? roundTrips(channel, to, answers, count, stack) : oneWay(channel, to, answers, count, stack);
        }
    }

    private static String roundTrips(JChannel channel, Address to, Answers answers, int count, Stack stack)
            throws Exception {
        for (int i = 0; i < count / 5; i++) {
            answers.roundTrip(channel, to);
        }
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            answers.roundTrip(channel, to);
            nanos[i] = System.nanoTime() - start;
        }
        double mean = Arrays.stream(nanos).average().orElse(0) / 1000.0;
        return String.format(Locale.ROOT, "RESULT supervision dist_jgroups_rtt stack=%s round_trips=%d %s mean_us=%.1f",
                stack.name().toLowerCase(Locale.ROOT), count, DistStats.micros(nanos), mean);
    }

    private static String oneWay(JChannel channel, Address to, Answers answers, int count, Stack stack)
            throws Exception {
        byte[] payload = new byte[MESSAGE_BYTES];
        for (int i = 0; i < count / 5; i++) {
            channel.send(new BytesMessage(to, payload));
        }
        answers.arrived(channel, to);
        long start = System.nanoTime();
        for (int i = 0; i < count; i++) {
            channel.send(new BytesMessage(to, payload));
        }
        long arrived = answers.arrived(channel, to);
        long nanos = System.nanoTime() - start;
        return String.format(Locale.ROOT,
                "RESULT supervision dist_jgroups_oneway stack=%s messages=%d arrived=%d msgs_per_s=%.0f total_ms=%.0f",
                stack.name().toLowerCase(Locale.ROOT), count, arrived, count / (nanos / 1e9), nanos / 1e6);
    }

    private static Address awaitPeer(JChannel channel) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (channel.getView() == null || channel.getView().size() < 2) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the peer channel never joined");
            }
            Thread.sleep(10);
        }
        return channel.getView().getMembers().stream().filter(a -> !a.equals(channel.getAddress())).findFirst()
                .orElseThrow();
    }

    /** The driver's receiver: hands the peer's answers to the one waiting thread. */
    private static final class Answers implements Receiver {
        private volatile Thread waiter;
        private volatile Message answer;

        void roundTrip(JChannel channel, Address to) throws Exception {
            byte[] payload = new byte[MESSAGE_BYTES];
            await(channel, new BytesMessage(to, payload));
        }

        long arrived(JChannel channel, Address to) throws Exception {
            byte[] query = new byte[MESSAGE_BYTES];
            query[0] = COUNT_QUERY;
            Message reply = await(channel, new BytesMessage(to, query));
            return ByteBuffer.wrap(reply.getArray(), reply.getOffset(), reply.getLength()).getLong();
        }

        private Message await(JChannel channel, Message message) throws Exception {
            answer = null;
            waiter = Thread.currentThread();
            channel.send(message);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (answer == null) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the peer channel did not answer");
                }
                LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
            }
            return answer;
        }

        @Override
        public void receive(Message msg) {
            answer = msg;
            LockSupport.unpark(waiter);
        }
    }
}
