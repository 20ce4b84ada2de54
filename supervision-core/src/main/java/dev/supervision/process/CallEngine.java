package dev.supervision.process;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The call protocol of one runtime (Erlang's {@code gen:call} and {@code gen:send_request}): the
 * caller watches the server, puts a {@link Call} in its mailbox and waits for the reply, the server's
 * death or the timeout, whichever comes first. Also the wait for a process's exit, which a supervisor
 * uses to stop children.
 */
final class CallEngine {

    private final ProcessRuntime runtime;
    private final ProcessTable table;
    private volatile CallObserver observer;

    CallEngine(ProcessRuntime runtime, ProcessTable table) {
        this.runtime = runtime;
        this.table = table;
    }

    void observe(CallObserver newObserver) {
        observer = newObserver;
    }

    /** A synchronous call; see {@link ProcessRuntime#call(ProcessRef, Object, Duration)}. */
    Object call(ProcessRef target, Object request, Duration timeout) {
        return call(target, request, CallOptions.of(timeout));
    }

    /** A synchronous call with options; see {@link ProcessRuntime#call(ProcessRef, Request, CallOptions)}. */
    Object call(ProcessRef target, Object request, CallOptions options) {
        Objects.requireNonNull(target, "server");
        CallObserver watching = observer;
        if (watching == null) {
            return callUnobserved(target, request, options);
        }
        long start = System.nanoTime();
        try {
            Object answer = callUnobserved(target, request, options);
            watching.callEnded(target, System.nanoTime() - start, null);
            return answer;
        } catch (RuntimeException failure) {
            watching.callEnded(target, System.nanoTime() - start, failure);
            throw failure;
        }
    }

    private Object callUnobserved(ProcessRef ref, Object request, CallOptions options) {
        ProcessRef target = table.pin(ref);
        ProcessCell self = runtime.currentCell();
        ProcessCell server = table.resolve(target);
        if (server == null) {
            Distribution distribution = table.distribution();
            if (distribution == null || !target.isRemote()) {
                throw noServer(target);
            }
            return awaitRemote(distribution.call(self == null ? null : self.pid, target, request, options.timeout()), target);
        }
        if (server == self) {
            throw new CallingSelfException(self.pid);
        }
        CallSlot slot = new CallSlot(self == null ? null : self.pid, options.deadline());
        if (!server.addWatcher(slot, slot)) {
            throw new NoProcessException(target);
        }
        try {
            server.deliver(new Call(request, slot));
            return slot.await(target, request, options.timeout());
        } finally {
            server.removeWatcher(slot);
        }
    }

    /** An asynchronous call; see {@link ProcessRuntime#callAsync}. */
    CompletableFuture<Object> callAsync(ProcessRef ref, Object request, CallOptions options) {
        ProcessRef target = table.pin(Objects.requireNonNull(ref, "server"));
        Duration timeout = options.timeout();
        ProcessCell self = runtime.currentCell();
        ProcessCell server = table.resolve(target);
        if (server == null) {
            return remoteCall(self, target, request, timeout);
        }
        AsyncCall pending = new AsyncCall(self == null ? null : self.pid, target, request, options);
        if (server == self) {
            pending.completeExceptionally(new CallingSelfException(self.pid));
            return pending;
        }
        if (!server.addWatcher(pending, pending)) {
            pending.completeExceptionally(new NoProcessException(target));
            return pending;
        }
        CallObserver watching = observer;
        long start = System.nanoTime();
        pending.whenComplete((answer, failure) -> {
            server.removeWatcher(pending);
            if (watching != null) {
                watching.callEnded(target, System.nanoTime() - start, failure);
            }
        });
        if (!ProcessRuntime.isInfinite(timeout)) {
            var timer = runtime.timers.schedule(timeout, pending::timedOut);
            pending.whenComplete((answer, failure) -> timer.cancel(false));
        }
        server.deliver(new Call(request, pending));
        return pending;
    }

    /**
     * A call for no local process: the distribution's when the target is another node's; else failed
     * with {@code noproc} (a name on another node, in a runtime without distribution: {@code nodedown}).
     */
    private CompletableFuture<Object> remoteCall(ProcessCell self, ProcessRef target, Object request, Duration timeout) {
        Distribution distribution = table.distribution();
        if (distribution != null && target.isRemote()) {
            return distribution.call(self == null ? null : self.pid, target, request, timeout);
        }
        return CompletableFuture.failedFuture(noServer(target));
    }

    private static CallException noServer(ProcessRef target) {
        return target instanceof RemoteName remote
                ? new NodeDownException(target, remote.node()) : new NoProcessException(target);
    }

    /** Waits for a remote call's future; a killed caller unwinds, an interrupted one gives up. */
    private static Object awaitRemote(CompletableFuture<Object> pending, ProcessRef target) {
        HandOffs.releaseForCurrentThread();
        try {
            return pending.get();
        } catch (InterruptedException e) {
            pending.cancel(false);
            Thread.currentThread().interrupt();
            ProcessCell.throwIfCurrentIsDead();
            throw new CallInterruptedException(target);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException("remote call to " + target + " failed", e.getCause());
        }
    }

    /** Waits for {@code pid} to end; see {@link RuntimeInternals#awaitExit}. */
    Optional<ExitReason> awaitExit(Pid pid, long nanos) {
        ProcessCell cell = table.lookup(pid);
        ExitWaiter waiter = new ExitWaiter();
        if (cell == null || !cell.addWatcher(waiter, waiter)) {
            return Optional.of(ExitReason.NOPROC);
        }
        try {
            return Optional.ofNullable(waiter.await(nanos));
        } finally {
            cell.removeWatcher(waiter);
        }
    }
}
