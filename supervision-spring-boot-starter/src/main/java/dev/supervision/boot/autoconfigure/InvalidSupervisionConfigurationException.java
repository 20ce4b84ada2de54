package dev.supervision.boot.autoconfigure;

/**
 * The {@code supervision.*} properties describe a tree that cannot run. Start-up fails with it; the
 * message names the property key, its value and what to do.
 */
public class InvalidSupervisionConfigurationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient Object value;
    private final String hint;

    /** {@code key} has the invalid {@code value}; {@code hint} says what to do. */
    public InvalidSupervisionConfigurationException(String key, Object value, String reason, String hint) {
        super(key + "=" + value + ": " + reason + (hint == null ? "" : " (" + hint + ")"));
        this.key = key;
        this.value = value;
        this.hint = hint;
    }

    /** The property key, e.g. {@code supervision.supervisors.root.children[0].bean}. */
    public String getKey() {
        return key;
    }

    /** The value that was given. */
    public Object getValue() {
        return value;
    }

    /** What to do about it, or null. */
    public String getHint() {
        return hint;
    }
}
