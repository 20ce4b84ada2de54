package dev.supervision.cluster;

import dev.supervision.cluster.codec.PidTranslator;
import dev.supervision.cluster.codec.WirePid;
import dev.supervision.process.Pid;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jgroups.Address;

/**
 * The nodes this node knows: every incarnation it has heard of gets a local index for ever (0 is this
 * node), which is the {@code N} of {@code <N.S.C>}; and the ones connected now, with their JGroups
 * address. Translates pids to and from their wire form.
 */
final class NodeTable implements PidTranslator {

    /** Where a pid of another node can be reached, if anywhere. */
    sealed interface Reach {
        /** Connected: frames go to {@code address}. */
        record Connected(int index, Address address) implements Reach {
        }

        /** Its node is down or unknown: {@code noconnection}. */
        record Unreachable(String node) implements Reach {
        }

        /** Its node runs a newer incarnation: the pid is dead for good ({@code noproc}). */
        record Stale(String node) implements Reach {
        }
    }

    private static final NodeId NOBODY = new NodeId("nonode@nohost", 0);

    private final NodeId self;
    private final AtomicInteger nextIndex = new AtomicInteger(1);
    private final Map<NodeId, Integer> indices = new ConcurrentHashMap<>();
    private final Map<Integer, NodeId> ids = new ConcurrentHashMap<>();
    private final Map<Integer, Address> connected = new ConcurrentHashMap<>();
    private final Map<String, Integer> connectedByName = new ConcurrentHashMap<>();

    NodeTable(NodeId self) {
        this.self = self;
        ids.put(0, self);
        indices.put(self, 0);
    }

    NodeId self() {
        return self;
    }

    /** The index of {@code id}, given on first sight. */
    int indexOf(NodeId id) {
        if (id.equals(self)) {
            return 0;
        }
        return indices.computeIfAbsent(id, key -> {
            int index = nextIndex.getAndIncrement();
            ids.put(index, key);
            return index;
        });
    }

    NodeId idOf(int index) {
        return ids.getOrDefault(index, NOBODY);
    }

    /** {@code id} is connected at {@code address}; returns its index. */
    int connect(NodeId id, Address address) {
        int index = indexOf(id);
        connected.put(index, address);
        connectedByName.put(id.name(), index);
        return index;
    }

    /** {@code index} is no longer connected; false when it was not. */
    boolean disconnect(int index) {
        if (connected.remove(index) == null) {
            return false;
        }
        connectedByName.remove(idOf(index).name(), index);
        return true;
    }

    /** The connected nodes' indices. */
    List<Integer> connectedIndices() {
        return List.copyOf(connected.keySet());
    }

    /** The names of the connected nodes, sorted. */
    List<String> connectedNames() {
        return connectedByName.keySet().stream().sorted().toList();
    }

    /** The index of the connected node named {@code name}, or -1. */
    int connectedIndex(String name) {
        return connectedByName.getOrDefault(name, -1);
    }

    boolean isConnected(int index) {
        return connected.containsKey(index);
    }

    /** Where the node of index {@code index} is reached. */
    Reach reach(int index) {
        Address address = connected.get(index);
        NodeId id = idOf(index);
        if (address != null) {
            return new Reach.Connected(index, address);
        }
        Integer current = connectedByName.get(id.name());
        boolean newerRuns = current != null || id.name().equals(self.name());
        return newerRuns ? new Reach.Stale(id.name()) : new Reach.Unreachable(id.name());
    }

    /** Where the node named {@code name} is reached. */
    Reach reach(String name) {
        int index = connectedIndex(name);
        if (index < 0) {
            return new Reach.Unreachable(name);
        }
        Address address = connected.get(index);
        return address == null ? new Reach.Unreachable(name) : new Reach.Connected(index, address);
    }

    /**
     * An index for a node known only by name (a spawn on a node never seen): its current incarnation's
     * when connected, else one that stands for "that name, unknown incarnation".
     */
    int indexForName(String name) {
        int index = connectedIndex(name);
        return index >= 0 ? index : indexOf(new NodeId(name, -1));
    }

    @Override
    public WirePid toWire(Pid pid) {
        NodeId id = idOf(pid.node());
        return new WirePid(id.name(), id.incarnation(), pid.serial(), pid.creation());
    }

    @Override
    public Pid fromWire(WirePid wire) {
        if (wire.serial() < 0 || wire.creation() < 0) {
            throw new IllegalArgumentException("pid parts must not be negative: " + wire);
        }
        return new Pid(indexOf(new NodeId(wire.node(), wire.incarnation())), wire.serial(), wire.creation());
    }
}
