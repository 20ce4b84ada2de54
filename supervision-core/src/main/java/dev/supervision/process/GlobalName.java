package dev.supervision.process;

/**
 * A name registered cluster-wide, used as a {@link ProcessRef} (Erlang's {@code {global, Name}}): it
 * reaches whichever process holds {@code name} in the cluster when the operation starts. The runtime
 * resolves it once per operation through {@link Distribution#whereisGlobal}, then acts on the pid it
 * got, local or remote. In a runtime without a distribution, or when nobody holds the name, it
 * resolves to nothing: a call fails with {@link NoProcessException}, a send or a cast is dropped, a
 * monitor fires {@code noproc} at once and an exit signal goes nowhere.
 *
 * @param name the global name, not blank
 */
public record GlobalName(String name) implements ProcessRef {

    /** Validates the name. */
    public GlobalName {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a global name must not be blank: '" + name + "'");
        }
    }

    /** The Erlang form, {@code {global,'name'}}. */
    @Override
    public String toString() {
        return "{global,'" + name + "'}";
    }
}
