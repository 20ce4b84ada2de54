package dev.supervision.sample.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The body of {@code POST /api/notes}.
 *
 * @param text the note's text, not blank
 */
public record NoteRequest(@NotBlank(message = "text must not be blank") @Size(max = 10000) String text) {
}
