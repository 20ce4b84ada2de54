package dev.supervision.sample;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Concurrent writers for a drill, each on a virtual thread. A keyed writer sends each note with an
 * {@code Idempotency-Key} and, as the README tells clients, retries a {@code 503} with the same key
 * until it gets a {@code 201}; an unkeyed writer sends each note once and moves on, whatever the answer.
 * Every HTTP answer is recorded as an {@link Attempt}.
 */
final class DrillLoad {

    /**
     * One HTTP request of a writer.
     *
     * @param text the note's text (also its key when keyed)
     * @param keyed whether it carried an idempotency key
     * @param status the HTTP status, or -1 if no answer came
     * @param outcome the {@code outcome} of a 503, or {@code null}
     * @param took how long the answer took
     * @param retry 0 for the first attempt at this note, then 1, 2...
     */
    record Attempt(String text, boolean keyed, int status, String outcome, Duration took, int retry) {
    }

    /** The pause between a writer's requests, and before a keyed retry: the drill's pacing. */
    private static final Duration PACE = Duration.ofMillis(5);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(100);

    /** A keyed writer stopped in the middle of a note keeps retrying it this long. */
    private static final Duration FINISH = Duration.ofSeconds(10);

    private final NotesHttp http;
    private final ConcurrentLinkedQueue<Attempt> attempts = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final List<Thread> writers = new ArrayList<>();
    private volatile Instant stoppedAt;

    private DrillLoad(NotesHttp http) {
        this.http = http;
    }

    /** Starts {@code keyed} keyed writers and {@code unkeyed} unkeyed ones; {@code tag} prefixes their texts. */
    static DrillLoad start(NotesHttp http, String tag, int keyed, int unkeyed) {
        DrillLoad load = new DrillLoad(http);
        for (int w = 0; w < keyed; w++) {
            String prefix = tag + "-k" + w + "-";
            load.writers.add(Thread.ofVirtual().name(prefix).start(() -> load.writeKeyed(prefix)));
        }
        for (int w = 0; w < unkeyed; w++) {
            String prefix = tag + "-u" + w + "-";
            load.writers.add(Thread.ofVirtual().name(prefix).start(() -> load.writeUnkeyed(prefix)));
        }
        return load;
    }

    /** Every answer so far. */
    List<Attempt> attempts() {
        return List.copyOf(attempts);
    }

    /** Stops the writers and waits for them; a writer still running after {@code patience} is a hang. */
    List<Attempt> stop(Duration patience) throws InterruptedException {
        stoppedAt = Instant.now();
        running.set(false);
        Instant until = Instant.now().plus(patience);
        for (Thread writer : writers) {
            Duration left = Duration.between(Instant.now(), until);
            if (!writer.join(left.isNegative() ? Duration.ZERO : left)) {
                throw new AssertionError("writer " + writer.getName() + " hung: no end within " + patience);
            }
        }
        return attempts();
    }

    private void writeKeyed(String prefix) {
        for (int i = 0; running.get(); i++) {
            String text = prefix + i;
            for (int retry = 0; ; retry++) {
                Attempt attempt = attempt(text, true, retry);
                if (attempt.status() != 503 || gaveUp()) {
                    break;
                }
                pause(RETRY_PAUSE);
            }
            pause(PACE);
        }
    }

    private void writeUnkeyed(String prefix) {
        for (int i = 0; running.get(); i++) {
            attempt(prefix + i, false, 0);
            pause(PACE);
        }
    }

    private boolean gaveUp() {
        Instant stopped = stoppedAt;
        return stopped != null && Instant.now().isAfter(stopped.plus(FINISH));
    }

    private Attempt attempt(String text, boolean keyed, int retry) {
        long start = System.nanoTime();
        Attempt attempt;
        try {
            NotesHttp.Response response = keyed ? http.addNote(text, text) : http.addNote(text);
            attempt = new Attempt(text, keyed, response.status(), response.outcome(), response.took(), retry);
        } catch (Exception e) {
            attempt = new Attempt(text, keyed, -1, null, Duration.ofNanos(System.nanoTime() - start), retry);
        }
        attempts.add(attempt);
        return attempt;
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause); // the writers' pacing, part of the scenario
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
