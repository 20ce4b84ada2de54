package dev.supervision.cluster;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.JChannel;
import org.jgroups.MergeView;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.stack.ProtocolStack;
import org.jgroups.util.ExtendedUUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A node's JGroups channel: sends bytes to a member, hands received bytes to the {@link Handler} with
 * the sender's node index, and turns views into nodeup / nodedown. A node's identity (name and
 * incarnation) travels inside its JGroups address, so it survives merges and needs no handshake.
 *
 * <p>A {@code MergeView} (partitions healing, or a member that was suspended and resumed) is taken
 * as nodedown then nodeup of every member outside this node's own subgroup: both sides of a partition
 * fire {@code noconnection}, as in Erlang, though JGroups never showed the resumed member a view
 * without its peers. Frames from a node that is down are dropped until it is up again.
 */
final class Transport implements Receiver, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Transport.class);
    private static final String IDENTITY_KEY = "supervision-node";

    /** What the transport reports. */
    interface Handler {
        /** A frame's bytes arrived from the node of index {@code node}. */
        void received(int node, byte[] bytes, int offset, int length);

        /** Node {@code node} is connected. */
        void nodeUp(int node);

        /** Node {@code node} is down or unreachable. */
        void nodeDown(int node);
    }

    private final NodeTable nodes;
    private final JChannel channel;
    private final Map<Address, Integer> indices = new ConcurrentHashMap<>();
    private final Set<Integer> down = ConcurrentHashMap.newKeySet();
    private final Map<Address, SendQueue> queues = new ConcurrentHashMap<>();
    private final Map<Integer, ReceiveLane> lanes = new ConcurrentHashMap<>();
    private final ExecutorService laneWorkers;
    private final BatchSender batches;
    /** Set while a thread of JGroups hands this transport a message or a view: such a thread must not wait. */
    private final ThreadLocal<Boolean> receiving = new ThreadLocal<>();
    private volatile Handler handler;
    private Set<Address> members = Set.of(); // only the view thread touches it

    Transport(NodeTable nodes, ClusterConfig config) throws Exception {
        this.nodes = nodes;
        this.channel = NodeChannel.create(StackConfig.xml(config), config);
        NodeId self = nodes.self();
        channel.addAddressGenerator(() -> ExtendedUUID.randomUUID(self.name())
                .put(IDENTITY_KEY, (self.name() + "|" + self.incarnation()).getBytes(StandardCharsets.UTF_8)));
        channel.setName(self.name());
        channel.setReceiver(this);
        channel.setDiscardOwnMessages(true);
        this.batches = new BatchSender(self.name());
        AtomicInteger workerNumbers = new AtomicInteger();
        this.laneWorkers = Executors.newCachedThreadPool(task -> {
            Thread thread = new Thread(task, "supervision-cluster-inbound-" + self.name() + "-" + workerNumbers.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** The channel's protocols, to read what they run with. */
    ProtocolStack protocolStack() {
        return channel.getProtocolStack();
    }

    /** Joins the cluster; views and frames reach {@code newHandler} from then on. */
    void connect(String cluster, Handler newHandler) throws Exception {
        this.handler = newHandler;
        channel.connect(cluster);
    }

    /**
     * Sends a frame's bytes after every frame given before it for the same member: at once on this
     * thread, or, when {@code mayWait}, with the next batch (see {@link SendQueue}). Dropped (and logged
     * at debug) when the channel cannot take them.
     */
    void send(Address to, byte[] frame, boolean mayWait) {
        SendQueue queue = queues.computeIfAbsent(to, address -> new SendQueue(batch -> sendMessage(address, batch, false),
                batch -> sendMessage(address, batch, true)));
        if (receiving.get() == Boolean.TRUE) {
            // the thread that reads the members' messages must never wait: see SendQueue.sendOrQueueWithoutWaiting
            if (queue.sendOrQueueWithoutWaiting(frame)) {
                batches.ready(queue);
            }
        } else if (!mayWait) {
            queue.sendNow(frame);
        } else if (queue.enqueue(frame)) {
            batches.ready(queue);
        }
    }

    private void sendMessage(Address to, byte[] batch, boolean pastFlowControl) {
        try {
            Message message = new BytesMessage(to, batch);
            channel.send(pastFlowControl ? message.setFlag(Message.Flag.NO_FC) : message);
        } catch (Exception e) {
            LOG.debug("could not send {} bytes to {}: {}", batch.length, to, e.toString());
        }
    }

    @Override
    public void receive(Message msg) {
        Integer index = indexOf(msg.getSrc());
        if (index == null || down.contains(index)) {
            return;
        }
        receiving.set(Boolean.TRUE);
        try {
            lanes.computeIfAbsent(index, node -> new ReceiveLane((bytes, offset, length) -> handle(node, bytes, offset, length),
                    laneWorkers)).offer(msg.getArray(), msg.getOffset(), msg.getLength());
        } finally {
            receiving.set(Boolean.FALSE);
        }
    }

    private void handle(int node, byte[] message, int messageOffset, int messageLength) {
        Handler to = handler;
        try {
            FrameBatch.split(message, messageOffset, messageLength,
                    (bytes, offset, length) -> to.received(node, bytes, offset, length));
        } catch (IllegalArgumentException e) {
            LOG.warn("dropped the rest of a message from node {}: {}", nodes.idOf(node).name(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("could not handle a message from node {}: {}", nodes.idOf(node).name(), e.toString());
        }
    }

    @Override
    public void viewAccepted(View view) {
        receiving.set(Boolean.TRUE); // a member's views come on its receiving thread too
        try {
            accept(view);
        } finally {
            receiving.set(Boolean.FALSE);
        }
    }

    private void accept(View view) {
        Set<Address> next = new HashSet<>(view.getMembers());
        next.remove(channel.getAddress());
        Set<Address> rejoined = new HashSet<>();
        if (view instanceof MergeView merge) {
            for (View subgroup : merge.getSubgroups()) {
                if (!subgroup.containsMember(channel.getAddress())) {
                    rejoined.addAll(subgroup.getMembers());
                }
            }
            rejoined.retainAll(members);
        }
        Map<Address, Boolean> changes = new HashMap<>();
        for (Address gone : members) {
            if (!next.contains(gone) || rejoined.contains(gone)) {
                changes.put(gone, Boolean.FALSE);
            }
            if (!next.contains(gone)) {
                queues.remove(gone);
            }
        }
        Set<Address> previous = members;
        members = next;
        for (Address address : changes.keySet()) {
            Integer index = indexOf(address);
            if (index != null) {
                down.add(index);
                nodes.disconnect(index);
                handler.nodeDown(index);
            }
        }
        for (Address address : next) {
            if (!previous.contains(address) || rejoined.contains(address)) {
                Integer index = indexOf(address);
                if (index != null) {
                    nodes.connect(nodes.idOf(index), address);
                    down.remove(index);
                    handler.nodeUp(index);
                }
            }
        }
    }

    /** The node index of a JGroups address, or null when it is not a node of ours. */
    private Integer indexOf(Address address) {
        Integer known = indices.get(address);
        if (known != null) {
            return known;
        }
        NodeId id = identity(address);
        if (id == null) {
            return null;
        }
        int index = nodes.indexOf(id);
        indices.put(address, index);
        return index;
    }

    private static NodeId identity(Address address) {
        if (!(address instanceof ExtendedUUID extended)) {
            return null;
        }
        byte[] raw = extended.get(IDENTITY_KEY);
        if (raw == null) {
            return null;
        }
        String text = new String(raw, StandardCharsets.UTF_8);
        int bar = text.lastIndexOf('|');
        try {
            return bar < 0 ? null : new NodeId(text.substring(0, bar), Long.parseLong(text.substring(bar + 1)));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The members of the current view other than this node, for diagnostics. */
    List<Address> members() {
        return List.copyOf(members);
    }

    @Override
    public void close() {
        batches.close();
        for (SendQueue queue : queues.values()) {
            queue.sendNow(null); // what was cast before leaving still goes
        }
        channel.close();
        laneWorkers.shutdown();
    }
}
