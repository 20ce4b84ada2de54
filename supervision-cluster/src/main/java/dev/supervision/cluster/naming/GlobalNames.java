package dev.supervision.cluster.naming;

import dev.supervision.cluster.codec.Frame.Naming;
import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;
import dev.supervision.process.RemoteSignals;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Global names (Erlang's {@code global}): a name held by one process in the whole cluster. Every node
 * keeps a replica of the table, so {@link #whereis} is a local read. A registration is a claim to the
 * coordinator (the senior node, see {@link Seniority}), which grants a name nobody holds in its table;
 * the registering node then tells every node. A name goes away when its process dies (its node tells
 * the others) or its node goes down (every node drops that node's names). When partitions heal, each
 * node sends the other its names; a name held on both sides stays with the process of the senior node,
 * and the other process gets an exit signal {@code {global_name_conflict,Name}} from the winner, or,
 * when it was registered with a listener for that (Erlang's {@code random_notify_name}), keeps running
 * unregistered while its listener is told.
 *
 * <p>Thread-safe; the table changes under one lock, and what a change tells other nodes is sent under
 * it too, so each node's announcements reach every other node in the order they happened.
 */
public final class GlobalNames {

    private static final Logger LOG = LoggerFactory.getLogger(GlobalNames.class);
    /** How long a registration waits for the coordinator before it asks again (the current one). */
    private static final Duration RESEND = Duration.ofMillis(500);
    /** How long a registration may take in all. */
    private static final Duration CLAIM_TIMEOUT = Duration.ofSeconds(10);

    /** A registration waiting for the coordinator's answer, the node it last asked, and its loss listener (or null). */
    private record Claim(Naming.Claim frame, CompletableFuture<Boolean> answer, AtomicInteger coordinator,
            Consumer<GlobalNameConflict> onLoss) {
    }

    /** The key of the watch on a local holder. */
    private record Holding(String name) {
    }

    /** Who is told, instead of an exit signal, when the local holder {@code pid} loses its name in a conflict. */
    private record LossListener(Pid pid, Consumer<GlobalNameConflict> listener) {
    }

    private final Peers peers;
    private final RemoteSignals signals;
    private final Object lock = new Object();
    private final Map<String, Pid> table = new ConcurrentHashMap<>(); // changed under lock, read anywhere
    private final Map<Long, Claim> claims = new ConcurrentHashMap<>();
    private final Map<String, LossListener> lossListeners = new ConcurrentHashMap<>(); // local holders only
    private final AtomicLong claimIds = new AtomicLong();

    /** The global names of the node that {@code peers} and {@code signals} belong to. */
    public GlobalNames(Peers peers, RemoteSignals signals) {
        this.peers = Objects.requireNonNull(peers, "peers");
        this.signals = Objects.requireNonNull(signals, "signals");
    }

    /**
     * Registers {@code pid}, a live process of this node, as {@code name} in the whole cluster (Erlang's
     * {@code global:register_name}). Waits for the coordinator (one round trip; asks the new one if it
     * goes down meanwhile).
     *
     * @return true when registered; false when the name is held anywhere in the cluster, or the
     *     process is not alive
     * @throws IllegalArgumentException for a blank name or a pid of another node
     * @throws IllegalStateException when no coordinator answered within 10 s
     */
    public boolean register(String name, Pid pid) {
        return register(name, pid, null);
    }

    /**
     * Registers {@code pid} as {@code register(name, pid)} does, but should a healed partition find the
     * name held on both sides and give it to the other process, this one is not sent an exit signal: it
     * keeps running, no longer registered, and {@code onLoss} is called (on a thread of the transport,
     * so it must not block). Erlang's {@code random_notify_name} resolution: for a process that knows
     * better than seniority whether it should go on, such as a cluster singleton's instance, whose
     * own rule stops the surplus one.
     *
     * @param onLoss told of the lost name; null for the exit signal of {@link #register(String, Pid)}
     * @return as {@link #register(String, Pid)}
     */
    public boolean register(String name, Pid pid, Consumer<GlobalNameConflict> onLoss) {
        requireName(name);
        Objects.requireNonNull(pid, "pid");
        if (pid.node() != 0) {
            throw new IllegalArgumentException("only a process of this node can be registered here: " + pid
                    + " lives on another node (register it there)");
        }
        if (!signals.isAlive(pid) || table.containsKey(name)) {
            return false;
        }
        Claim claim = new Claim(new Naming.Claim(claimIds.incrementAndGet(), name, pid), new CompletableFuture<>(),
                new AtomicInteger(), onLoss);
        claims.put(claim.frame().id(), claim);
        long deadline = System.nanoTime() + CLAIM_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                ask(claim);
                try {
                    return claim.answer().get(RESEND.toMillis(), TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    // ask again, the coordinator of now: a claim is idempotent
                }
            }
            throw new IllegalStateException("no coordinator answered the registration of global name '" + name
                    + "' within " + CLAIM_TIMEOUT.toSeconds() + " s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while registering global name '" + name + "'", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("registering global name '" + name + "' failed", e.getCause());
        } finally {
            claims.remove(claim.frame().id());
        }
    }

    /**
     * Removes {@code name} (Erlang's {@code global:unregister_name}): at once when a process of this
     * node holds it, else by asking the holder's node.
     *
     * @return whether the name was held
     */
    public boolean unregister(String name) {
        requireName(name);
        Pid holder = table.get(name);
        if (holder == null) {
            return false;
        }
        if (holder.node() != 0) {
            peers.send(holder.node(), new Naming.NameDrop(name));
            return true;
        }
        boolean removed;
        synchronized (lock) {
            removed = table.remove(name, holder);
            if (removed) {
                peers.broadcast(new Naming.NameFreed(name, holder));
            }
        }
        if (removed) {
            lossListeners.remove(name);
            signals.unwatch(holder, new Holding(name));
        }
        return true;
    }

    /** The process that holds {@code name} in the cluster now (Erlang's {@code global:whereis_name}). */
    public Optional<Pid> whereis(String name) {
        return Optional.ofNullable(table.get(requireName(name)));
    }

    /** The pid that holds {@code name}, or null: the lookup behind {@code ProcessRef.global(name)}. */
    public Pid holderOrNull(String name) {
        return table.get(name);
    }

    /** Every global name held in the cluster, sorted (Erlang's {@code global:registered_names}). */
    public List<String> registeredNames() {
        return table.keySet().stream().sorted().toList();
    }

    /** Handles a frame about global names from the node of index {@code node}. */
    public void received(int node, Naming frame) {
        switch (frame) {
            case Naming.Claim claim -> decide(node, claim);
            case Naming.ClaimAnswer answer -> answered(node, answer);
            case Naming.NameHeld held -> {
                if (announcedByItsNode(node, held.pid())) {
                    held(held.name(), held.pid());
                }
            }
            case Naming.NameFreed freed -> {
                synchronized (lock) {
                    table.remove(freed.name(), freed.pid());
                }
            }
            case Naming.NameDrop drop -> {
                Pid holder = table.get(drop.name());
                if (holder != null && holder.node() == 0) {
                    unregister(drop.name());
                }
            }
            case Naming.NamesHeld all -> {
                replaceNamesOf(node, all.names());
                if (all.answerWanted()) {
                    synchronized (lock) {
                        peers.send(node, new Naming.NamesHeld(namesOf(0)));
                    }
                }
            }
            default -> LOG.warn("global names: ignored a {} from node {}", frame.getClass().getSimpleName(), node);
        }
    }

    /**
     * Node {@code node} is up: it gets this node's names and is asked for its own. It sends its own on
     * its nodeup too, but that one may have arrived while this node still had it down (a partition that
     * heals in two merges) and been dropped; the answer to this request comes while it is up.
     */
    public void nodeUp(int node) {
        synchronized (lock) {
            peers.send(node, new Naming.NamesHeld(namesOf(0), true));
        }
    }

    /** Node {@code node} is down: its names go; claims waiting on it ask the new coordinator. */
    public void nodeDown(int node) {
        synchronized (lock) {
            table.values().removeIf(pid -> pid.node() == node);
        }
        for (Claim claim : claims.values()) {
            if (claim.coordinator().get() == node) {
                ask(claim);
            }
        }
    }

    /** Sends a claim to the coordinator of now, or decides it here when this node is the coordinator. */
    private void ask(Claim claim) {
        int coordinator = peers.coordinator();
        claim.coordinator().set(coordinator);
        if (coordinator == 0) {
            answered(0, grant(claim.frame()));
        } else {
            peers.send(coordinator, claim.frame());
        }
    }

    /** As the coordinator: grants a claim when the name is free here, or already the claimer's. */
    private void decide(int node, Naming.Claim claim) {
        if (!announcedByItsNode(node, claim.pid())) {
            return;
        }
        peers.send(node, grant(claim));
    }

    private Naming.ClaimAnswer grant(Naming.Claim claim) {
        synchronized (lock) {
            Pid holder = table.putIfAbsent(claim.name(), claim.pid()); // reserved until its node announces it
            boolean granted = holder == null || holder.equals(claim.pid());
            return new Naming.ClaimAnswer(claim.id(), claim.name(), claim.pid(), granted);
        }
    }

    /** The coordinator answered a claim: a granted name is taken, watched and announced. */
    private void answered(int coordinator, Naming.ClaimAnswer answer) {
        Claim claim = claims.get(answer.id());
        if (!answer.granted()) {
            if (claim != null) {
                claim.answer().complete(false);
            }
            return;
        }
        synchronized (lock) {
            Pid holder = table.get(answer.name());
            boolean free = holder == null || holder.equals(answer.pid());
            if (claim == null || !free || !signals.isAlive(answer.pid())) {
                if (!answer.pid().equals(holder)) {
                    release(coordinator, answer); // given up or dead: the coordinator's reservation goes
                }
                if (claim != null) {
                    claim.answer().complete(false);
                }
                return;
            }
            table.put(answer.name(), answer.pid());
            Consumer<GlobalNameConflict> onLoss = claim.onLoss();
            if (onLoss != null) {
                lossListeners.put(answer.name(), new LossListener(answer.pid(), onLoss));
            }
            peers.broadcast(new Naming.NameHeld(answer.name(), answer.pid()));
        }
        Pid watched = signals.watch(answer.pid(), new Holding(answer.name()),
                (pid, reason) -> died(answer.name(), pid));
        if (watched == null) {
            died(answer.name(), answer.pid());
        }
        claim.answer().complete(watched != null);
    }

    private void release(int coordinator, Naming.ClaimAnswer answer) {
        Naming.NameFreed freed = new Naming.NameFreed(answer.name(), answer.pid());
        if (coordinator == 0) {
            table.remove(answer.name(), answer.pid());
        } else {
            peers.send(coordinator, freed);
        }
    }

    private void died(String name, Pid pid) {
        synchronized (lock) {
            lossListeners.computeIfPresent(name, (key, listener) -> listener.pid().equals(pid) ? null : listener);
            if (table.remove(name, pid)) {
                peers.broadcast(new Naming.NameFreed(name, pid));
            }
        }
    }

    /** Another node's process holds {@code name}: kept, or a conflict settled by seniority. */
    private void held(String name, Pid pid) {
        Pid loser;
        Pid winner;
        LossListener listener;
        synchronized (lock) {
            Pid current = table.get(name);
            if (current == null || current.equals(pid) || current.node() == pid.node()) {
                table.put(name, pid);
                return;
            }
            boolean newcomerWins = peers.seniority(pid.node()).isSeniorTo(peers.seniority(current.node()));
            winner = newcomerWins ? pid : current;
            loser = newcomerWins ? current : pid;
            table.put(name, winner);
            if (loser.node() != 0) {
                LOG.info("global name conflict on '{}': {} of {} keeps it, {} of {} loses it (its node tells it)",
                        name, winner, peers.seniority(winner.node()), loser, peers.seniority(loser.node()));
                return; // the loser's own node settles it the same way and tells the others
            }
            listener = lossListeners.remove(name);
            if (listener != null && !listener.pid().equals(loser)) {
                listener = null;
            }
            LOG.warn("global name conflict on '{}': {} of the senior {} keeps it; {} here loses it and {}", name, winner,
                    peers.seniority(winner.node()), loser, listener == null ? "gets an exit signal" : "is told, not exited");
            peers.broadcast(new Naming.NameFreed(name, loser));
        }
        signals.unwatch(loser, new Holding(name));
        if (listener != null) {
            listener.listener().accept(new GlobalNameConflict(name));
        } else {
            signals.exitSignal(winner, loser, ExitReason.of(new GlobalNameConflict(name)));
        }
    }

    /** What node {@code node} says its processes hold, replacing what this node knew of them. */
    private void replaceNamesOf(int node, Map<String, Pid> names) {
        synchronized (lock) {
            table.entrySet().removeIf(entry -> entry.getValue().node() == node
                    && !entry.getValue().equals(names.get(entry.getKey())));
        }
        names.forEach((name, pid) -> {
            if (announcedByItsNode(node, pid)) {
                held(name, pid);
            }
        });
    }

    private Map<String, Pid> namesOf(int node) {
        Map<String, Pid> names = new HashMap<>();
        table.forEach((name, pid) -> {
            if (pid.node() == node) {
                names.put(name, pid);
            }
        });
        return Map.copyOf(names);
    }

    /** A node speaks only for its own processes; anything else is dropped with a log line. */
    private static boolean announcedByItsNode(int node, Pid pid) {
        if (pid != null && pid.node() == node) {
            return true;
        }
        LOG.warn("global names: node {} spoke for {}, a process not its own; dropped", node, pid);
        return false;
    }

    private static String requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a global name must not be blank: '" + name + "'");
        }
        return name;
    }
}
