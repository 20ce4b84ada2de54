package dev.supervision.sample.web;

import dev.supervision.process.ProcessName;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.sample.db.DbRequest;
import dev.supervision.sample.db.Note;
import dev.supervision.sample.db.NotesDatabaseProperties;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Talks to the {@code dbconnector} process by name, so a restarted connector is found at once. Every
 * call waits at most the configured call timeout and otherwise throws a {@code CallException}.
 */
@Service
public class NoteStore {

    /** The connector's registered name: whoever holds it now, so a restarted connector is found at once. */
    static final ProcessName CONNECTOR = ProcessRef.named("dbconnector");

    private final ProcessRuntime runtime;
    private final NotesDatabaseProperties database;

    /** A store over the connector of {@code runtime}. */
    public NoteStore(ProcessRuntime runtime, NotesDatabaseProperties database) {
        this.runtime = runtime;
        this.database = database;
    }

    /** Inserts a note; returns it once committed. */
    public Note add(String text) {
        return runtime.call(CONNECTOR, new DbRequest.InsertNote(text), database.getCallTimeout());
    }

    /** All notes, newest first. */
    public List<Note> all() {
        return runtime.call(CONNECTOR, new DbRequest.ListNotes(), database.getCallTimeout());
    }
}
