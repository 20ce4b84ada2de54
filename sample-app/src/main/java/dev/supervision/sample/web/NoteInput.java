package dev.supervision.sample.web;

import tools.jackson.databind.JsonNode;

/**
 * Validation at the HTTP edge of {@code POST /api/notes}: what the database cannot store, or what is not
 * a note, never reaches the connector.
 *
 * <ul>
 *   <li>the body is a JSON object whose {@code text} is a JSON string (not a number, not an object);
 *   <li>at most {@value #MAX_LENGTH} UTF-16 code units (Java {@code char}s: an emoji counts two), which
 *       fits the {@code VARCHAR(10000)} column both of H2 (counting code units) and of PostgreSQL
 *       (counting code points);
 *   <li>no U+0000 (PostgreSQL cannot store it) and no lone surrogate (not Unicode);
 *   <li>something visible: not only whitespace, format characters (zero-width space, joiners,
 *       direction marks), fillers or variation selectors;
 *   <li>an optional {@code Idempotency-Key} of 1 to {@value #MAX_KEY_LENGTH} printable ASCII characters.
 * </ul>
 */
public final class NoteInput {

    /** The longest text accepted, in UTF-16 code units: the {@code notes.text} column's size. */
    public static final int MAX_LENGTH = 10_000;

    /** The longest idempotency key accepted: the {@code notes.idempotency_key} column's size. */
    public static final int MAX_KEY_LENGTH = 200;

    /** The header that names a write, so a retry cannot store it twice. */
    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";

    private NoteInput() {
    }

    /** The note's text from {@code body}, or an {@link InvalidInputException} naming the field. */
    public static String text(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw new InvalidInputException("text", "the body must be a JSON object such as {\"text\": \"...\"}");
        }
        JsonNode text = body.get("text");
        if (text == null || text.isNull()) {
            throw new InvalidInputException("text", "text is required");
        }
        if (!text.isString()) {
            throw new InvalidInputException("text", "text must be a JSON string, not " + kind(text));
        }
        String value = text.stringValue();
        if (value.length() > MAX_LENGTH) {
            throw new InvalidInputException("text", "text must be at most " + MAX_LENGTH
                    + " UTF-16 code units (an emoji counts two), not " + value.length());
        }
        boolean visible = false;
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (c == 0) {
                throw new InvalidInputException("text", "text must not contain U+0000 (at index " + i + ")");
            }
            if (Character.isSurrogate((char) c)) {
                throw new InvalidInputException("text",
                        "text must be valid Unicode: a lone surrogate at index " + i);
            }
            visible |= !isInvisible(c);
            i += Character.charCount(c);
        }
        if (!visible) {
            throw new InvalidInputException("text", "text must not be blank or made only of invisible characters");
        }
        return value;
    }

    /** The idempotency key, {@code null} if absent, or an {@link InvalidInputException} naming the header. */
    public static String idempotencyKey(String header) {
        if (header == null) {
            return null;
        }
        if (header.isEmpty() || header.length() > MAX_KEY_LENGTH) {
            throw new InvalidInputException(IDEMPOTENCY_KEY,
                    IDEMPOTENCY_KEY + " must be 1 to " + MAX_KEY_LENGTH + " characters, not " + header.length());
        }
        for (int i = 0; i < header.length(); i++) {
            char c = header.charAt(i);
            if (c < 0x21 || c > 0x7e) {
                throw new InvalidInputException(IDEMPOTENCY_KEY,
                        IDEMPOTENCY_KEY + " must be printable ASCII without spaces (index " + i + ")");
            }
        }
        return header;
    }

    private static boolean isInvisible(int c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return true;
        }
        return switch (Character.getType(c)) {
            case Character.FORMAT, Character.CONTROL -> true;
            default -> c == 0x034f || c == 0x115f || c == 0x1160 || c == 0x3164 || c == 0xffa0 || c == 0x2800
                    || (c >= 0xfe00 && c <= 0xfe0f) || (c >= 0xe0100 && c <= 0xe01ef);
        };
    }

    private static String kind(JsonNode node) {
        if (node.isNumber()) {
            return "a number";
        }
        if (node.isBoolean()) {
            return "a boolean";
        }
        if (node.isArray()) {
            return "an array";
        }
        return node.isObject() ? "an object" : "another JSON type";
    }
}
