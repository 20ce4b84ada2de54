package dev.supervision.cluster;

import dev.supervision.cluster.codec.Frame;
import dev.supervision.cluster.codec.MessageCodec;
import dev.supervision.cluster.codec.UndecodableException;
import dev.supervision.cluster.codec.WireReason;
import dev.supervision.cluster.naming.NameService;
import dev.supervision.process.CallException;
import dev.supervision.process.ExitReason;
import dev.supervision.process.MonitorRef;
import dev.supervision.process.NoProcessException;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.RemoteReply;
import dev.supervision.process.RemoteSignals;
import dev.supervision.process.ServerExitException;
import dev.supervision.process.UnreadableMessageException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What arrives from other nodes, on the transport's receiving thread or its lane's worker (see
 * {@link ReceiveLane}; one at a time per node, in the order each node sent it): decodes
 * each frame and acts on the local processes through {@link RemoteSignals}. Nothing here blocks, and
 * nothing a frame holds can throw out of it: bytes that do not decode, or a type this node does not
 * allow, are dropped with one log line naming the type and the sending node.
 */
final class Inbound {

    private static final Logger LOG = LoggerFactory.getLogger(Inbound.class);

    private final Wire wire;
    private final MessageCodec codec;
    private final RemoteSignals signals;
    private final PendingCalls calls;
    private final RemoteMonitors monitors;
    private final RemoteWatches watches;
    private final Spawning spawning;
    private final Pings pings;
    private final NameService naming;

    Inbound(Wire wire, RemoteSignals signals, PendingCalls calls, RemoteMonitors monitors, RemoteWatches watches,
            Spawning spawning, Pings pings, NameService naming) {
        this.wire = wire;
        this.codec = wire.codec();
        this.signals = signals;
        this.calls = calls;
        this.monitors = monitors;
        this.watches = watches;
        this.spawning = spawning;
        this.pings = pings;
        this.naming = naming;
    }

    /** Handles the bytes of one frame from node {@code node}; never throws. */
    void received(int node, byte[] bytes, int offset, int length) {
        Frame frame;
        try {
            frame = codec.decodeFrame(bytes, offset, length);
        } catch (UndecodableException e) {
            LOG.warn("dropped a frame from node {}: {}", nodeName(node), e.getMessage());
            return;
        }
        try {
            handle(node, frame);
        } catch (RuntimeException e) {
            LOG.warn("dropped a {} from node {}: {}", frame.getClass().getSimpleName(), nodeName(node), e.toString());
        }
    }

    private void handle(int node, Frame frame) {
        switch (frame) {
            case Frame.Send send -> {
                Object message = payload(node, send.payload(), "message");
                if (message != null) {
                    signals.deliver(target(send.pid(), send.name()), message);
                }
            }
            case Frame.Exit exit -> signals.exitSignal(exit.from(), target(exit.pid(), exit.name()), exit.reason().toReason());
            case Frame.Link link -> {
                if (!signals.link(link.from(), link.to())) {
                    wire.sendTo(node, new Frame.LinkExit(link.to(), link.from(), WireReason.of(ExitReason.NOPROC)));
                }
            }
            case Frame.Unlink unlink -> signals.unlink(unlink.from(), unlink.to());
            case Frame.LinkExit exit -> signals.linkExit(exit.from(), exit.to(), exit.reason().toReason());
            case Frame.Monitor monitor -> watch(node, monitor);
            case Frame.Demonitor demonitor -> {
                Pid watched = watches.remove(new RemoteWatches.Key(node, demonitor.owner(), demonitor.ref()));
                if (watched != null) {
                    signals.unwatch(watched, new RemoteWatches.Key(node, demonitor.owner(), demonitor.ref()));
                }
            }
            case Frame.Down down -> {
                if (monitors.remove(new MonitorRef(down.ref())) != null) {
                    signals.down(down.owner(), new MonitorRef(down.ref()), down.pid(), down.name(), down.reason().toReason());
                }
            }
            case Frame.Call call -> serve(node, call);
            case Frame.Reply reply -> {
                try {
                    calls.complete(reply.id(), codec.decodePayload(reply.payload()));
                } catch (UndecodableException e) {
                    LOG.warn("the reply to a call from node {} could not be decoded: {}", nodeName(node), e.getMessage());
                    calls.fail(reply.id(), pending -> new UnreadableMessageException(pending.target(),
                            "the reply could not be decoded: " + e.getMessage()));
                }
            }
            case Frame.CallFailed failed -> calls.fail(failed.id(), pending -> failure(pending.target(), failed));
            case Frame.Spawn spawn -> wire.sendTo(node, new Frame.Spawned(spawn.id(), spawning.accept(node, spawn)));
            case Frame.Spawned spawned -> spawning.spawned(spawned);
            case Frame.Start start -> spawning.start(node, start);
            case Frame.Ping ping -> wire.sendTo(node, new Frame.Pong(ping.id()));
            case Frame.Pong pong -> pings.answered(pong.id());
            case Frame.Naming names -> naming.received(node, names);
        }
    }

    private void watch(int node, Frame.Monitor monitor) {
        RemoteWatches.Key key = new RemoteWatches.Key(node, monitor.owner(), monitor.ref());
        watches.add(key, RemoteWatches.PENDING); // before the watch, so a death right after it finds the record
        Pid watched = signals.watch(target(monitor.pid(), monitor.name()), key, (pid, reason) -> {
            if (watches.remove(key) != null) {
                wire.sendTo(node, new Frame.Down(monitor.owner(), monitor.ref(), pid, monitor.name(), WireReason.of(reason)));
            }
        });
        if (watched == null) {
            watches.remove(key);
            wire.sendTo(node, new Frame.Down(monitor.owner(), monitor.ref(), monitor.pid(), monitor.name(),
                    WireReason.of(ExitReason.NOPROC)));
            return;
        }
        watches.settle(key, watched);
    }

    private void serve(int node, Frame.Call call) {
        ProcessRef target = target(call.pid(), call.name());
        Object request;
        try {
            request = codec.decodePayload(call.payload());
        } catch (UndecodableException e) {
            LOG.warn("dropped a call request from node {}: {}", nodeName(node), e.getMessage());
            wire.sendTo(node, new Frame.CallFailed(call.id(), "unreadable", null, null,
                    "the request could not be decoded on " + wire.nodes().self().name() + ": " + e.getMessage()));
            return;
        }
        signals.call(target, request, call.caller(), new RemoteReply() {
            @Override
            public void replied(Object answer) {
                try {
                    wire.sendTo(node, new Frame.Reply(call.id(), codec.encodePayload(answer)));
                } catch (UndecodableException e) {
                    LOG.warn("could not send a reply to node {}: {}", nodeName(node), e.getMessage());
                    wire.sendTo(node, new Frame.CallFailed(call.id(), "unreadable", null, null,
                            "the reply could not be encoded: " + e.getMessage()));
                }
            }

            @Override
            public void failed(CallException failure) {
                Frame.CallFailed frame = failure instanceof ServerExitException exit
                        ? new Frame.CallFailed(call.id(), "exit", exit.server(), WireReason.of(exit.reason()), null)
                        : new Frame.CallFailed(call.id(), "noproc", null, null, null);
                wire.sendTo(node, frame);
            }
        });
    }

    private static CallException failure(ProcessRef target, Frame.CallFailed failed) {
        return switch (failed.failure() == null ? "" : failed.failure()) {
            case "exit" -> new ServerExitException(target, failed.server(),
                    failed.reason() == null ? ExitReason.NOPROC : failed.reason().toReason());
            case "unreadable" -> new UnreadableMessageException(target, String.valueOf(failed.detail()));
            default -> new NoProcessException(target);
        };
    }

    private static ProcessRef target(Pid pid, String name) {
        if (pid != null) {
            return pid;
        }
        return ProcessRef.named(name == null ? "?" : name);
    }

    private Object payload(int node, byte[] payload, String what) {
        try {
            return codec.decodePayload(payload);
        } catch (UndecodableException e) {
            LOG.warn("dropped a {} from node {}: {}", what, nodeName(node), e.getMessage());
            return null;
        }
    }

    private String nodeName(int node) {
        return wire.nodes().idOf(node).name();
    }
}
