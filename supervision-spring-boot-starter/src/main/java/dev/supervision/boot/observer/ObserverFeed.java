package dev.supervision.boot.observer;

import dev.supervision.boot.endpoint.TreeDescriptor;
import dev.supervision.event.EventBus;
import dev.supervision.event.SupervisionEvent;
import dev.supervision.event.SupervisionEventListener;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The observer's updates: renders the tree and hands it to every subscriber within 100 ms of any
 * lifecycle event (a burst coalesces into one update), and every 15 s as a heartbeat. All of it runs
 * on a thread of its own, {@code supervision-observer}, never on a process's thread nor on the
 * runtime's timer thread; {@link #close()} stops it.
 */
public final class ObserverFeed implements AutoCloseable {

    /** The name of the feed's thread. */
    public static final String THREAD_NAME = "supervision-observer";

    private static final Logger log = LoggerFactory.getLogger(ObserverFeed.class);
    private static final Duration COALESCE = Duration.ofMillis(100);
    private static final Duration HEARTBEAT = Duration.ofSeconds(15);

    private final EventBus events;
    private final Supplier<TreeDescriptor> tree;
    private final BooleanSupplier canSignal;
    private final List<Consumer<ObserverUpdate>> subscribers = new CopyOnWriteArrayList<>();
    private final AtomicBoolean pushPending = new AtomicBoolean();
    private final SupervisionEventListener listener = this::changed;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name(THREAD_NAME).daemon().factory());

    /**
     * A feed of what {@code tree} renders, pushed on every event of {@code events}.
     *
     * @param events the runtime's event bus
     * @param tree renders the tree
     * @param canSignal whether a signal would be accepted now
     */
    public ObserverFeed(EventBus events, Supplier<TreeDescriptor> tree, BooleanSupplier canSignal) {
        this.events = events;
        this.tree = tree;
        this.canSignal = canSignal;
        events.subscribe(listener);
        executor.scheduleWithFixedDelay(this::push, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** The tree as it is now. */
    public ObserverUpdate current() {
        return new ObserverUpdate(tree.get(), canSignal.getAsBoolean());
    }

    /**
     * Hands every update from now on to {@code subscriber}, on the feed's thread, until the returned
     * handle is run.
     */
    public Runnable subscribe(Consumer<ObserverUpdate> subscriber) {
        subscribers.add(subscriber);
        return () -> subscribers.remove(subscriber);
    }

    private void changed(SupervisionEvent event) {
        if (!subscribers.isEmpty() && pushPending.compareAndSet(false, true)) {
            try {
                executor.schedule(this::push, COALESCE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException closed) {
                pushPending.set(false);
            }
        }
    }

    private void push() {
        pushPending.set(false);
        if (subscribers.isEmpty()) {
            return;
        }
        try {
            ObserverUpdate update = current();
            subscribers.forEach(subscriber -> subscriber.accept(update));
        } catch (RuntimeException e) {
            log.warn("The observer could not push the tree", e);
        }
    }

    /** Stops listening and stops the feed's thread. */
    @Override
    public void close() {
        events.unsubscribe(listener);
        subscribers.clear();
        executor.shutdownNow();
    }
}
