package dev.supervision.cluster.naming;

import dev.supervision.cluster.codec.Frame.Naming;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.RemoteSignals;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Process groups (Erlang's {@code pg}): named groups of processes across the cluster. Each node owns
 * the memberships of its own processes and tells every other node; when two nodes come up to each
 * other, each sends the other all of its own memberships and asks for the other's (the one sent on the
 * other's nodeup may have arrived while this node still had it down, in a partition that heals in two
 * merges, and been dropped; the answer comes while it is up). A member that dies leaves every group it was
 * in, and the members of a node that goes down disappear on every node. As in {@code pg}, a process may
 * join a group several times and then leaves it as many times; only processes of this node can join or
 * leave here. {@link #members} is cluster-wide and read locally.
 *
 * <p>Thread-safe; memberships change under one lock, and what a change tells other nodes is sent under
 * it too, so each node's announcements reach every other node in the order they happened.
 */
public final class ProcessGroups {

    private static final Logger LOG = LoggerFactory.getLogger(ProcessGroups.class);

    /** The key of the watch on a local member. */
    private record Membership(Pid pid) {
    }

    private final Peers peers;
    private final ProcessRuntime runtime;
    private final RemoteSignals signals;
    private final Object lock = new Object();
    private final Map<String, List<Pid>> groups = new HashMap<>(); // guarded by lock

    /** The process groups of the node that {@code peers}, {@code runtime} and {@code signals} belong to. */
    public ProcessGroups(Peers peers, ProcessRuntime runtime, RemoteSignals signals) {
        this.peers = Objects.requireNonNull(peers, "peers");
        this.runtime = Objects.requireNonNull(runtime, "runtime");
        this.signals = Objects.requireNonNull(signals, "signals");
    }

    /**
     * Adds {@code pid}, a process of this node, to {@code group} (Erlang's {@code pg:join}); it leaves
     * by itself when it dies. A process that is not alive joins nothing.
     *
     * @throws IllegalArgumentException for a blank group or a pid of another node
     */
    public void join(String group, Pid pid) {
        requireLocal(requireGroup(group), pid);
        boolean first;
        synchronized (lock) {
            first = groups.values().stream().noneMatch(members -> members.contains(pid));
            groups.computeIfAbsent(group, key -> new ArrayList<>()).add(pid);
            peers.broadcast(new Naming.GroupJoined(group, List.of(pid)));
        }
        if (first && signals.watch(pid, new Membership(pid), (dead, reason) -> died(dead)) == null) {
            died(pid);
        }
    }

    /**
     * Removes one membership of {@code pid}, a process of this node, from {@code group} (Erlang's
     * {@code pg:leave}).
     *
     * @return whether it was a member
     */
    public boolean leave(String group, Pid pid) {
        requireLocal(requireGroup(group), pid);
        boolean left;
        boolean stillMember;
        synchronized (lock) {
            List<Pid> members = groups.get(group);
            left = members != null && members.remove(pid);
            if (left) {
                if (members.isEmpty()) {
                    groups.remove(group);
                }
                peers.broadcast(new Naming.GroupLeft(group, List.of(pid)));
            }
            stillMember = groups.values().stream().anyMatch(others -> others.contains(pid));
        }
        if (left && !stillMember) {
            signals.unwatch(pid, new Membership(pid));
        }
        return left;
    }

    /** Every member of {@code group} in the cluster, once per join (Erlang's {@code pg:get_members}). */
    public List<Pid> members(String group) {
        return membersWhere(requireGroup(group), pid -> true);
    }

    /** The members of {@code group} that are processes of this node (Erlang's {@code pg:get_local_members}). */
    public List<Pid> localMembers(String group) {
        return membersWhere(requireGroup(group), pid -> pid.node() == 0);
    }

    /** The groups that have at least one member anywhere in the cluster, sorted (Erlang's {@code pg:which_groups}). */
    public List<String> groups() {
        synchronized (lock) {
            return groups.keySet().stream().sorted().toList();
        }
    }

    /**
     * Sends {@code message} to every member of {@code group} in the cluster, once per member process
     * (a send: dropped for a member that died meanwhile).
     *
     * @return how many processes it was sent to
     */
    public int broadcast(String group, Object message) {
        Objects.requireNonNull(message, "message");
        List<Pid> targets = members(group).stream().distinct().toList();
        targets.forEach(pid -> runtime.send(pid, message));
        return targets.size();
    }

    /** Handles a frame about process groups from the node of index {@code node}. */
    public void received(int node, Naming frame) {
        switch (frame) {
            case Naming.GroupJoined joined -> {
                synchronized (lock) {
                    ownedBy(node, joined.pids()).forEach(pid ->
                            groups.computeIfAbsent(joined.group(), key -> new ArrayList<>()).add(pid));
                }
            }
            case Naming.GroupLeft left -> {
                synchronized (lock) {
                    List<Pid> members = groups.get(left.group());
                    if (members != null) {
                        ownedBy(node, left.pids()).forEach(members::remove);
                        if (members.isEmpty()) {
                            groups.remove(left.group());
                        }
                    }
                }
            }
            case Naming.GroupsHeld all -> {
                synchronized (lock) {
                    removeWhere(pid -> pid.node() == node);
                    all.groups().forEach((group, pids) -> ownedBy(node, pids).forEach(pid ->
                            groups.computeIfAbsent(group, key -> new ArrayList<>()).add(pid)));
                    if (all.answerWanted()) {
                        peers.send(node, new Naming.GroupsHeld(localMemberships()));
                    }
                }
            }
            default -> LOG.warn("process groups: ignored a {} from node {}", frame.getClass().getSimpleName(), node);
        }
    }

    /** Node {@code node} is up: it gets this node's memberships and is asked for its own. */
    public void nodeUp(int node) {
        synchronized (lock) {
            peers.send(node, new Naming.GroupsHeld(localMemberships(), true));
        }
    }

    /** The memberships of this node's processes, by group; called under the lock. */
    private Map<String, List<Pid>> localMemberships() {
        Map<String, List<Pid>> local = new HashMap<>();
        groups.forEach((group, members) -> {
            List<Pid> mine = members.stream().filter(pid -> pid.node() == 0).toList();
            if (!mine.isEmpty()) {
                local.put(group, mine);
            }
        });
        return Map.copyOf(local);
    }

    /** Node {@code node} is down: its processes leave every group here. */
    public void nodeDown(int node) {
        synchronized (lock) {
            removeWhere(pid -> pid.node() == node);
        }
    }

    /** A local member died: it leaves every group, and every node hears of it. */
    private void died(Pid pid) {
        synchronized (lock) {
            for (Map.Entry<String, List<Pid>> entry : List.copyOf(groups.entrySet())) {
                int times = Collections.frequency(entry.getValue(), pid);
                if (times > 0) {
                    entry.getValue().removeIf(pid::equals);
                    peers.broadcast(new Naming.GroupLeft(entry.getKey(), List.copyOf(Collections.nCopies(times, pid))));
                }
            }
            groups.values().removeIf(List::isEmpty);
        }
    }

    private void removeWhere(Predicate<Pid> gone) {
        groups.values().forEach(members -> members.removeIf(gone));
        groups.values().removeIf(List::isEmpty);
    }

    private List<Pid> membersWhere(String group, Predicate<Pid> wanted) {
        synchronized (lock) {
            List<Pid> members = groups.get(group);
            return members == null ? List.of() : members.stream().filter(wanted).toList();
        }
    }

    /** A node speaks only for its own processes; the others are dropped with a log line. */
    private static List<Pid> ownedBy(int node, List<Pid> pids) {
        List<Pid> owned = pids == null ? List.of() : pids.stream().filter(pid -> pid != null && pid.node() == node).toList();
        if (pids != null && owned.size() != pids.size()) {
            LOG.warn("process groups: node {} spoke for processes not its own; dropped them", node);
        }
        return owned;
    }

    private void requireLocal(String group, Pid pid) {
        Objects.requireNonNull(pid, "pid");
        if (pid.node() != 0) {
            throw new IllegalArgumentException("only a process of this node can join or leave " + group + " here: "
                    + pid + " lives on another node");
        }
    }

    private static String requireGroup(String group) {
        if (group == null || group.isBlank()) {
            throw new IllegalArgumentException("a group name must not be blank: '" + group + "'");
        }
        return group;
    }
}
