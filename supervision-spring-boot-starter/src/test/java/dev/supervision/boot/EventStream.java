package dev.supervision.boot;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * An open Server-Sent Events response, read on a thread of its own: every {@code data:} line lands in
 * {@link #events()} as JSON, and {@link #ended()} turns true when the server ends the stream. Wait on
 * both with Awaitility.
 */
public final class EventStream implements AutoCloseable {

    private final int status;
    private final Stream<String> lines;
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();
    private volatile boolean ended;

    EventStream(int status, Stream<String> lines) {
        this.status = status;
        this.lines = lines;
        Thread.ofVirtual().name("test-event-stream").start(this::read);
    }

    private void read() {
        try {
            lines.filter(line -> line.startsWith("data:"))
                    .forEach(line -> events.add(Http.JSON.readTree(line.substring("data:".length()))));
        } catch (RuntimeException closed) {
            // the test closed the stream, or the connection broke: either way it has ended
        } finally {
            ended = true;
        }
    }

    /** The response's status code. */
    public int status() {
        return status;
    }

    /** The events received so far, oldest first. */
    public List<JsonNode> events() {
        return events;
    }

    /** The latest event, or null before the first. */
    public JsonNode latest() {
        return events.isEmpty() ? null : events.getLast();
    }

    /** Whether the server ended the stream. */
    public boolean ended() {
        return ended;
    }

    @Override
    public void close() {
        lines.close();
    }
}
