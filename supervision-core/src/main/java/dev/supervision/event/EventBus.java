package dev.supervision.event;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers events to the listeners subscribed at the time, in subscription order. A failing listener
 * is logged and never stops the others nor the code that published the event.
 */
public final class EventBus {

    private static final Logger log = LoggerFactory.getLogger(EventBus.class);

    private final List<SupervisionEventListener> listeners = new CopyOnWriteArrayList<>();

    /** Adds a listener; it receives every event published from now on. */
    public void subscribe(SupervisionEventListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Removes a listener; returns whether it was subscribed. */
    public boolean unsubscribe(SupervisionEventListener listener) {
        return listeners.remove(listener);
    }

    /** Whether anybody listens; publishers may skip building an event when nobody does. */
    public boolean hasListeners() {
        return !listeners.isEmpty();
    }

    /** Hands the event to every listener. */
    public void publish(SupervisionEvent event) {
        for (SupervisionEventListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                log.warn("Listener {} failed on {}", listener, event, e);
            }
        }
    }
}
