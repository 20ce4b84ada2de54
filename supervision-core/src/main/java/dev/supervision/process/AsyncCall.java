package dev.supervision.process;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One asynchronous call in flight (Erlang's {@code send_request} request id): a future completed by
 * the server's reply, its death or the timeout, whichever comes first. The server is watched until
 * then; cancelling the future stops the watch, and whatever arrives after completion is dropped.
 */
final class AsyncCall extends CompletableFuture<Object> implements ReplyTo, DeathWatcher {

    private final Pid caller;
    private final ProcessRef target;
    private final Object request;
    private final Duration timeout;
    private final boolean deadline;

    AsyncCall(Pid caller, ProcessRef target, Object request, CallOptions options) {
        this.caller = caller;
        this.target = target;
        this.request = request;
        this.timeout = options.timeout();
        this.deadline = options.deadline();
    }

    @Override
    public boolean expired() {
        return deadline && isDone();
    }

    @Override
    public void reply(Object answer) {
        if (!ProcessCell.currentIsDead()) { // a killed server's late reply is dropped
            complete(answer);
        }
    }

    @Override
    public Optional<Pid> caller() {
        return Optional.ofNullable(caller);
    }

    @Override
    public void processDied(Pid pid, ExitReason reason) {
        completeExceptionally(new ServerExitException(target, pid, reason));
    }

    void timedOut() {
        completeExceptionally(new CallTimeoutException(target, request, timeout));
    }

    @Override
    public String toString() {
        return "ReplyTo[" + (caller == null ? "a plain thread" : caller) + (isDone() ? ", done]" : ", pending]");
    }
}
