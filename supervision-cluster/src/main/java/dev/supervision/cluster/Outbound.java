package dev.supervision.cluster;

import dev.supervision.cluster.NodeTable.Reach;
import dev.supervision.cluster.codec.Frame;
import dev.supervision.cluster.codec.UndecodableException;
import dev.supervision.cluster.codec.WireReason;
import dev.supervision.process.Distribution;
import dev.supervision.process.ExitReason;
import dev.supervision.process.MonitorRef;
import dev.supervision.process.NoProcessException;
import dev.supervision.process.NodeDownException;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.RemoteName;
import dev.supervision.process.RemoteSignals;
import dev.supervision.process.UnreadableMessageException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The runtime's {@link Distribution}: turns each operation on another node's process into a frame to
 * that node, on the calling thread (so one sender's frames to one node keep their order), and answers
 * at once what needs no trip: a link or monitor to an unreachable node fires {@code noconnection}, to
 * a pid of an older incarnation {@code noproc}; a call to a node that is down fails {@code nodedown}.
 */
final class Outbound implements Distribution {

    private final Wire wire;
    private final NodeTable nodes;
    private final RemoteSignals signals;
    private final PendingCalls calls;
    private final RemoteMonitors monitors;
    private final Function<String, Pid> globalNames;

    Outbound(Wire wire, RemoteSignals signals, PendingCalls calls, RemoteMonitors monitors,
            Function<String, Pid> globalNames) {
        this.wire = wire;
        this.nodes = wire.nodes();
        this.signals = signals;
        this.calls = calls;
        this.monitors = monitors;
        this.globalNames = globalNames;
    }

    @Override
    public Pid whereisGlobal(String name) {
        return globalNames.apply(name);
    }

    @Override
    public void send(Pid from, ProcessRef to, Object message) {
        if (reachOf(to) instanceof Reach.Connected connected) {
            byte[] payload = wire.payloadOrNull(message, "a message to " + to);
            if (payload != null) {
                wire.send(connected.address(), new Frame.Send(pidOf(to), nameOf(to), payload));
            }
        }
    }

    @Override
    public void exit(Pid from, ProcessRef to, ExitReason reason) {
        if (reachOf(to) instanceof Reach.Connected connected) {
            wire.send(connected.address(), new Frame.Exit(from, pidOf(to), nameOf(to), WireReason.of(reason)));
        }
    }

    @Override
    public void link(Pid local, Pid remote) {
        switch (nodes.reach(remote.node())) {
            case Reach.Connected connected -> wire.send(connected.address(), new Frame.Link(local, remote));
            case Reach.Unreachable unreachable -> signals.linkExit(remote, local, ExitReason.NOCONNECTION);
            case Reach.Stale stale -> signals.linkExit(remote, local, ExitReason.NOPROC);
        }
    }

    @Override
    public void unlink(Pid local, Pid remote) {
        wire.sendTo(remote.node(), new Frame.Unlink(local, remote));
    }

    @Override
    public void linkExit(Pid local, Pid remote, ExitReason reason) {
        wire.sendTo(remote.node(), new Frame.LinkExit(local, remote, WireReason.of(reason)));
    }

    @Override
    public void monitor(Pid owner, MonitorRef ref, ProcessRef target) {
        Pid pid = target instanceof Pid direct ? direct : null;
        String name = nameOf(target);
        Reach reach = reachOf(target);
        int node = reach instanceof Reach.Connected connected ? connected.index()
                : pid != null ? pid.node() : nodes.indexForName(((RemoteName) target).node());
        RemoteMonitors.Held held = new RemoteMonitors.Held(owner, ref, node, pid, name);
        monitors.add(held);
        switch (reach) {
            case Reach.Connected connected ->
                    wire.send(connected.address(), new Frame.Monitor(owner, ref.id(), pidOf(target), name));
            case Reach.Unreachable unreachable -> fire(held, ExitReason.NOCONNECTION);
            case Reach.Stale stale -> fire(held, ExitReason.NOPROC);
        }
        if (!nodes.isConnected(node)) {
            fire(held, ExitReason.NOCONNECTION); // the node went down while the monitor was set
        }
    }

    private void fire(RemoteMonitors.Held held, ExitReason reason) {
        if (monitors.remove(held.ref()) != null) {
            signals.down(held.owner(), held.ref(), held.pid(), held.name(), reason);
        }
    }

    @Override
    public void demonitor(Pid owner, MonitorRef ref) {
        RemoteMonitors.Held held = monitors.remove(ref);
        if (held != null) {
            wire.sendTo(held.node(), new Frame.Demonitor(owner, ref.id()));
        }
    }

    @Override
    public CompletableFuture<Object> call(Pid caller, ProcessRef target, Object request, Duration timeout) {
        Reach reach = reachOf(target);
        if (!(reach instanceof Reach.Connected connected)) {
            String node = reach instanceof Reach.Unreachable(String name) ? name : ((Reach.Stale) reach).node();
            return CompletableFuture.failedFuture(reach instanceof Reach.Stale
                    ? new NoProcessException(target) : new NodeDownException(target, node));
        }
        byte[] payload;
        try {
            payload = wire.codec().encodePayload(request);
        } catch (UndecodableException e) {
            return CompletableFuture.failedFuture(new UnreadableMessageException(target, e.getMessage()));
        }
        String nodeName = nodes.idOf(connected.index()).name();
        PendingCalls.Pending call = calls.open(connected.index(), nodeName, target, request, timeout);
        wire.send(connected.address(), new Frame.Call(call.id(), caller, pidOf(target), nameOf(target), payload));
        if (!nodes.isConnected(connected.index())) {
            call.future().completeExceptionally(new NodeDownException(target, nodeName));
        }
        return call.future();
    }

    private Reach reachOf(ProcessRef to) {
        return switch (to) {
            case Pid pid -> nodes.reach(pid.node());
            case RemoteName name -> nodes.reach(name.node());
            default -> throw new IllegalArgumentException("not a remote reference: " + to);
        };
    }

    private static Pid pidOf(ProcessRef to) {
        return to instanceof Pid pid ? pid : null;
    }

    private static String nameOf(ProcessRef to) {
        return to instanceof RemoteName name ? name.name() : null;
    }
}
