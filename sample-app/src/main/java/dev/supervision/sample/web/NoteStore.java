package dev.supervision.sample.web;

import dev.supervision.boot.web.CallOutcome;
import dev.supervision.process.CallException;
import dev.supervision.process.CallOptions;
import dev.supervision.process.ProcessName;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.Request;
import dev.supervision.sample.db.DbRequest;
import dev.supervision.sample.db.InsertOutcome;
import dev.supervision.sample.db.Note;
import dev.supervision.sample.db.NotesDatabaseProperties;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Service;

/**
 * Talks to the {@code dbconnector} process by name, so a restarted connector is found at once. Every
 * call waits at most the configured call timeout and otherwise throws a {@code CallException}; an
 * insert tells the connector that deadline, so it is not run (or is cancelled) once the caller gave up.
 */
@Service
public class NoteStore {

    /** The connector's registered name: whoever holds it now, so a restarted connector is found at once. */
    static final ProcessName CONNECTOR = ProcessRef.named("dbconnector");

    private final ProcessRuntime runtime;
    private final NotesDatabaseProperties database;
    private final ConnectorAvailability availability;

    /** A store over the connector of {@code runtime}. */
    public NoteStore(ProcessRuntime runtime, NotesDatabaseProperties database, ConnectorAvailability availability) {
        this.runtime = runtime;
        this.database = database;
        this.availability = availability;
    }

    /** Inserts a note, at most once per {@code idempotencyKey} if there is one. */
    public InsertOutcome add(String text, String idempotencyKey) {
        Instant deadline = Instant.now().plus(database.getCallTimeout());
        // The call carries its deadline too: a connector that reaches a queued insert after its caller
        // gave up skips it without a look; the request's own deadline lets it cancel a statement under way.
        return call(new DbRequest.InsertNote(text, idempotencyKey, deadline),
                CallOptions.withDeadline(database.getCallTimeout()));
    }

    /** All notes, newest first. */
    public List<Note> all() {
        return call(new DbRequest.ListNotes(), CallOptions.of(database.getCallTimeout()));
    }

    private <R> R call(Request<R> request, CallOptions options) {
        try {
            R reply = runtime.call(CONNECTOR, request, options);
            availability.answered();
            return reply;
        } catch (CallException e) {
            availability.refused(CallOutcome.of(e).value(), e.getMessage());
            throw e;
        }
    }
}
