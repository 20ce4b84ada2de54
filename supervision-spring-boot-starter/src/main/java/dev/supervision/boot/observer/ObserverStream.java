package dev.supervision.boot.observer;

import dev.supervision.boot.endpoint.TreeDescriptor;
import dev.supervision.event.SupervisionEvent;
import dev.supervision.event.SupervisionEventListener;
import dev.supervision.process.ProcessRuntime;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Pushes the tree to every open observer page over Server-Sent Events: at once on connecting, then
 * within 100 ms of any lifecycle event (a burst coalesces into one push), and every 15 s as a heartbeat.
 */
public final class ObserverStream implements AutoCloseable {

    private static final Duration COALESCE = Duration.ofMillis(100);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    /**
     * What the page receives.
     *
     * @param tree the node and its tree
     * @param canSignal whether the endpoint's signal operation is available, so the page offers kill
     */
    record Update(TreeDescriptor tree, boolean canSignal) {
    }

    private final ProcessRuntime runtime;
    private final Supplier<TreeDescriptor> view;
    private final boolean canSignal;
    private final List<SseEmitter> emitters = new CopyOnWriteArrayList<>();
    private final AtomicBoolean pushPending = new AtomicBoolean();
    private final SupervisionEventListener listener = this::changed;
    private volatile ScheduledFuture<?> heartbeat;
    private volatile boolean closed;

    /** Pushes what {@code view} renders whenever {@code runtime} publishes an event. */
    public ObserverStream(ProcessRuntime runtime, Supplier<TreeDescriptor> view, boolean canSignal) {
        this.runtime = runtime;
        this.view = view;
        this.canSignal = canSignal;
        runtime.events().subscribe(listener);
        heartbeat = runtime.internals().schedule(HEARTBEAT, this::beat);
    }

    /** A new page connected: it gets the tree at once. */
    SseEmitter open() {
        SseEmitter emitter = new SseEmitter(0L);
        emitters.add(emitter);
        emitter.onCompletion(() -> emitters.remove(emitter));
        emitter.onTimeout(() -> emitters.remove(emitter));
        emitter.onError(error -> emitters.remove(emitter));
        send(emitter, new Update(view.get(), canSignal));
        return emitter;
    }

    private void changed(SupervisionEvent event) {
        if (!emitters.isEmpty() && !closed && pushPending.compareAndSet(false, true)) {
            runtime.internals().schedule(COALESCE, this::push);
        }
    }

    private void beat() {
        push();
        if (!closed) {
            heartbeat = runtime.internals().schedule(HEARTBEAT, this::beat);
        }
    }

    private void push() {
        pushPending.set(false);
        if (emitters.isEmpty()) {
            return;
        }
        Update update = new Update(view.get(), canSignal);
        emitters.forEach(emitter -> send(emitter, update));
    }

    private void send(SseEmitter emitter, Update update) {
        try {
            emitter.send(SseEmitter.event().name("tree").data(update, MediaType.APPLICATION_JSON));
        } catch (IOException | IllegalStateException gone) {
            emitters.remove(emitter);
        }
    }

    @Override
    public void close() {
        closed = true;
        runtime.events().unsubscribe(listener);
        heartbeat.cancel(false);
        emitters.forEach(SseEmitter::complete);
    }
}
