package dev.supervision.sample.db;

import java.util.List;

/** The calls the {@code dbconnector} process answers. */
public sealed interface DbRequest {

    /**
     * Insert a note and commit it; answers the {@link Note}.
     *
     * @param text the note's text
     */
    record InsertNote(String text) implements DbRequest {
    }

    /** All notes, newest first; answers a {@code List<Note>}. */
    record ListNotes() implements DbRequest {
    }

    /**
     * Notes not sent yet, oldest first; answers a {@code List<Note>}.
     *
     * @param limit how many at most
     */
    record UnsentNotes(int limit) implements DbRequest {
    }

    /**
     * Record that notes were sent, once each whatever happens; answers how many were new.
     *
     * @param noteIds the notes sent
     */
    record RecordSent(List<Long> noteIds) implements DbRequest {
    }
}
