package dev.supervision.bench;

import dev.supervision.sample.db.Note;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The baseline of the http workload: the same query as the connector's, on a pooled DataSource. */
@RestController
public class PlainNotesController {

    private final JdbcTemplate jdbc;

    /** A controller on {@code jdbc}. */
    public PlainNotesController(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** {@code GET /plain/notes}: every note, newest first, straight from the pool. */
    @GetMapping("/plain/notes")
    public List<Note> all() {
        return jdbc.query("SELECT id, text, created_at FROM notes ORDER BY id DESC",
                (rows, i) -> new Note(rows.getLong(1), rows.getString(2), rows.getObject(3, OffsetDateTime.class)));
    }
}
