package dev.supervision.sample.web;

import dev.supervision.sample.db.InsertOutcome;
import dev.supervision.sample.db.Note;
import java.net.URI;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * The notes API. A {@code 201} means the row is committed; a repeat with the same
 * {@code Idempotency-Key} answers the same {@code 201} and stores nothing. While the connector is down
 * or restarting the answer is a {@code 503} problem document with {@code Retry-After} and an
 * {@code outcome}, within the call timeout. {@code POST} produces JSON only, so an {@code Accept} that
 * excludes it gets {@code 406} before anything is written.
 */
@RestController
@RequestMapping("/api/notes")
public class NotesController {

    private final NoteStore store;
    private final ApiErrors errors;

    /** A controller over {@code store}. */
    public NotesController(NoteStore store, ApiErrors errors) {
        this.store = store;
        this.errors = errors;
    }

    /** {@code POST /api/notes}: {@code 201} with the committed note, the first time or again for its key. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<?> add(@RequestHeader(name = NoteInput.IDEMPOTENCY_KEY, required = false) String key,
            @RequestBody JsonNode body) {
        String text = NoteInput.text(body);
        String idempotencyKey = NoteInput.idempotencyKey(key);
        return switch (store.add(text, idempotencyKey)) {
            case InsertOutcome.Inserted(Note note) -> created(note);
            case InsertOutcome.Duplicate(Note original) -> created(original);
            case InsertOutcome.KeyReused reused -> errors.keyReused();
            case InsertOutcome.Rejected rejected -> errors.rejected(rejected);
            case InsertOutcome.Expired expired -> errors.expired();
        };
    }

    /** {@code GET /api/notes}: every note, newest first. */
    @GetMapping
    public List<Note> all() {
        return store.all();
    }

    private static ResponseEntity<Note> created(Note note) {
        return ResponseEntity.created(URI.create("/api/notes/" + note.id())).contentType(MediaType.APPLICATION_JSON)
                .body(note);
    }
}
