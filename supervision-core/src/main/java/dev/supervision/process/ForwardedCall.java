package dev.supervision.process;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The return address of a call that came from another node: the server's reply or its death, whichever
 * comes first, goes to the {@link RemoteReply} once; anything later is dropped.
 */
final class ForwardedCall implements ReplyTo, DeathWatcher {

    private final Pid caller;
    private final ProcessRef target;
    private final RemoteReply reply;
    private final ProcessCell server;
    private final AtomicBoolean done = new AtomicBoolean();

    ForwardedCall(Pid caller, ProcessRef target, RemoteReply reply, ProcessCell server) {
        this.caller = caller;
        this.target = target;
        this.reply = reply;
        this.server = server;
    }

    @Override
    public void reply(Object answer) {
        if (!ProcessCell.currentIsDead() && done.compareAndSet(false, true)) {
            server.removeWatcher(this);
            reply.replied(answer);
        }
    }

    @Override
    public Optional<Pid> caller() {
        return Optional.ofNullable(caller);
    }

    /** A call from another node carries no deadline across the wire (yet): the server always handles it. */
    @Override
    public boolean expired() {
        return false;
    }

    @Override
    public void processDied(Pid pid, ExitReason reason) {
        if (done.compareAndSet(false, true)) {
            reply.failed(new ServerExitException(target, pid, reason));
        }
    }
}
