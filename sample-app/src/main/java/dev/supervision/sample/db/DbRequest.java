package dev.supervision.sample.db;

import dev.supervision.process.Request;
import java.util.List;

/**
 * The calls the {@code dbconnector} process answers; each names the type of its reply.
 *
 * @param <R> the reply's type
 */
public sealed interface DbRequest<R> extends Request<R> {

    /**
     * Insert a note and commit it; answers the {@link Note}.
     *
     * @param text the note's text
     */
    record InsertNote(String text) implements DbRequest<Note> {
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
