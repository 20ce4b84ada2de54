package dev.supervision.cluster;

import dev.supervision.process.CallException;
import dev.supervision.process.CallTimeoutException;
import dev.supervision.process.NodeDownException;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The calls this node's processes have in flight to other nodes: each ends once, with the reply, a
 * failure from the server's node, its timeout, or its node going down ({@code nodedown}).
 */
final class PendingCalls {

    /** One call in flight. */
    record Pending(long id, int node, String nodeName, ProcessRef target, CompletableFuture<Object> future) {
    }

    private final AtomicLong ids = new AtomicLong();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timers;

    PendingCalls(ScheduledExecutorService timers) {
        this.timers = timers;
        // A timer that becomes the earliest of the executor's wakes its thread, which then goes back to
        // sleep: a call's timeout would cost that thread two context switches per call. This no-op, due
        // at most a second from now, stays ahead of every timeout of a second or more.
        timers.scheduleAtFixedRate(() -> { }, 1, 1, TimeUnit.SECONDS);
    }

    /** Registers a call to node {@code node}; it forgets itself when its future completes. */
    Pending open(int node, String nodeName, ProcessRef target, Object request, Duration timeout) {
        long id = ids.incrementAndGet();
        CompletableFuture<Object> future = new CompletableFuture<>();
        Pending call = new Pending(id, node, nodeName, target, future);
        pending.put(id, call);
        if (!ProcessRuntime.isInfinite(timeout)) {
            var timer = timers.schedule(() -> future.completeExceptionally(new CallTimeoutException(target, request, timeout)),
                    timeout.toNanos(), TimeUnit.NANOSECONDS);
            future.whenComplete((answer, failure) -> timer.cancel(false));
        }
        future.whenComplete((answer, failure) -> pending.remove(id));
        return call;
    }

    /** The reply to call {@code id} came; ignored when the call already ended. */
    void complete(long id, Object answer) {
        Pending call = pending.get(id);
        if (call != null) {
            call.future().complete(answer);
        }
    }

    /** Call {@code id} failed; ignored when it already ended. */
    void fail(long id, Function<Pending, CallException> failure) {
        Pending call = pending.get(id);
        if (call != null) {
            call.future().completeExceptionally(failure.apply(call));
        }
    }

    /** Node {@code node} went down: its calls fail with {@code nodedown}. */
    void nodeDown(int node) {
        for (Pending call : pending.values()) {
            if (call.node() == node) {
                call.future().completeExceptionally(new NodeDownException(call.target(), call.nodeName()));
            }
        }
    }
}
