package dev.supervision.supervisor;

/**
 * A child spec, supervisor flags or a backoff that cannot exist: names the field that is wrong and
 * the value it was given, so that a configuration layer can point at its own key and the value as
 * the user wrote it.
 */
public final class InvalidSpecException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final transient Object value;

    InvalidSpecException(String field, Object value, String message) {
        super(message);
        this.field = field;
        this.value = value;
    }

    /** The field in the core's spelling: {@code intensity}, {@code period}, {@code initial}, {@code id}... */
    public String field() {
        return field;
    }

    /** The value that was refused (may be null). */
    public Object value() {
        return value;
    }
}
