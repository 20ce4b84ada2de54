package dev.supervision.sample.db;

import dev.supervision.process.Request;
import java.time.Instant;
import java.util.List;

/**
 * The calls the {@code dbconnector} process answers; each names the type of its reply.
 *
 * @param <R> the reply's type
 */
public sealed interface DbRequest<R> extends Request<R> {

    /**
     * Insert a note and commit it, at most once per idempotency key; answers an {@link InsertOutcome}.
     * The connector does not start the insert once {@code deadline} has passed (the caller has given up),
     * and cancels it if it is still running shortly before then, so a caller that timed out finds no row
     * it was not told about, unless the commit and the timeout cross within that margin.
     *
     * @param text the note's text
     * @param idempotencyKey the client's key for this note, or {@code null} for none
     * @param deadline when the caller stops waiting
     */
    record InsertNote(String text, String idempotencyKey, Instant deadline) implements DbRequest<InsertOutcome> {
    }

    /** All notes, newest first; answers a {@code List<Note>}. */
    record ListNotes() implements DbRequest<List<Note>> {
    }

    /**
     * Notes not sent yet, oldest first; answers a {@code List<Note>}.
     *
     * @param limit how many at most
     */
    record UnsentNotes(int limit) implements DbRequest<List<Note>> {
    }

    /**
     * Record that notes were sent, once each whatever happens; answers how many were new.
     *
     * @param noteIds the notes sent
     */
    record RecordSent(List<Long> noteIds) implements DbRequest<Integer> {
    }
}
