package dev.supervision.sample.web;

import dev.supervision.sample.db.Note;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The notes API. A {@code 201} means the row is committed; while the connector is down or restarting
 * the answer is a {@code 503} with {@code Retry-After}, within the call timeout.
 */
@RestController
@RequestMapping("/api/notes")
public class NotesController {

    private final NoteStore store;

    /** A controller over {@code store}. */
    public NotesController(NoteStore store) {
        this.store = store;
    }

    /** {@code POST /api/notes}: {@code 201} with the committed note. */
    @PostMapping
    public ResponseEntity<Note> add(@Valid @RequestBody NoteRequest request) {
        Note note = store.add(request.text());
        return ResponseEntity.created(URI.create("/api/notes/" + note.id())).body(note);
    }

    /** {@code GET /api/notes}: every note, newest first. */
    @GetMapping
    public List<Note> all() {
        return store.all();
    }
}
