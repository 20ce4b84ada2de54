package dev.supervision.boot.observer;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The open observer pages: one Server-Sent Events stream each, fed by the {@link ObserverFeed} with
 * events named {@code tree}. Stopping (which happens before the web server's graceful shutdown, whose
 * phase is lower) ends every stream, so no open page holds the shutdown up.
 */
public final class ObserverConnections implements SmartLifecycle {

    private final ObserverFeed feed;
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private volatile boolean running;

    /** Streams of {@code feed}. */
    public ObserverConnections(ObserverFeed feed) {
        this.feed = feed;
    }

    /** A new page connected: its stream starts with the tree as it is now. */
    public SseEmitter open() {
        Connection connection = new Connection(new SseEmitter(0L));
        open.add(connection);
        connection.unsubscribe = feed.subscribe(connection);
        connection.accept(feed.current());
        if (!running) {
            connection.end();
        }
        return connection.emitter;
    }

    @Override
    public void start() {
        running = true;
    }

    /** Ends every open stream; the pages reconnect by themselves once the application is back. */
    @Override
    public void stop() {
        running = false;
        open.forEach(Connection::end);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** One open page. */
    private final class Connection implements Consumer<ObserverUpdate> {

        private final SseEmitter emitter;
        private volatile Runnable unsubscribe = () -> { };

        Connection(SseEmitter emitter) {
            this.emitter = emitter;
            emitter.onCompletion(this::forget);
            emitter.onTimeout(this::forget);
            emitter.onError(error -> forget());
        }

        @Override
        public void accept(ObserverUpdate update) {
            try {
                emitter.send(SseEmitter.event().name("tree").data(update, MediaType.APPLICATION_JSON));
            } catch (IOException | IllegalStateException gone) {
                forget(); // the container reports the broken connection to the emitter by itself
            }
        }

        void end() {
            forget();
            emitter.complete();
        }

        private void forget() {
            open.remove(this);
            unsubscribe.run();
        }
    }
}
