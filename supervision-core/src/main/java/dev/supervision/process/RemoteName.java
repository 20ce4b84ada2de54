package dev.supervision.process;

/**
 * A name registered on another node, used as a {@link ProcessRef} (Erlang's {@code {Name, Node}}): it
 * reaches whichever process holds {@code name} on {@code node} when the message arrives. It works only
 * in a runtime with a {@link Distribution} installed; without one a send to it is dropped and a call
 * fails with {@link NodeDownException}.
 *
 * @param name the name registered on that node, not blank
 * @param node the node's name, {@code name@host}, not blank
 */
public record RemoteName(String name, String node) implements ProcessRef {

    /** Validates both parts. */
    public RemoteName {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a registered name must not be blank: '" + name + "'");
        }
        if (node == null || node.isBlank()) {
            throw new IllegalArgumentException("a node name must not be blank: '" + node + "'");
        }
    }

    /** The Erlang form, {@code {'name','node'}}. */
    @Override
    public String toString() {
        return "{'" + name + "','" + node + "'}";
    }
}
