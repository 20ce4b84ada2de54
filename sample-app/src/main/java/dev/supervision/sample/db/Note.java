package dev.supervision.sample.db;

import java.time.OffsetDateTime;

/**
 * A stored note.
 *
 * @param id its id
 * @param text its text
 * @param createdAt when it was committed
 */
public record Note(long id, String text, OffsetDateTime createdAt) {
}
