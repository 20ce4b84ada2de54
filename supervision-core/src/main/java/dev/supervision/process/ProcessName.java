package dev.supervision.process;

/**
 * A name registered on this node (Erlang's registered atom), used as a {@link ProcessRef}: it
 * reaches whichever process holds the name when a message is sent.
 *
 * @param name the registered name, not blank
 */
public record ProcessName(String name) implements ProcessRef {

    /** Validates the name. */
    public ProcessName {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a registered name must not be blank: '" + name + "'");
        }
    }

    /** The name in quotes, as error messages show it. */
    @Override
    public String toString() {
        return "'" + name + "'";
    }
}
