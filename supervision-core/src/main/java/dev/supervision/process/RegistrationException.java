package dev.supervision.process;

import java.util.Optional;

/**
 * A name could not be registered (Erlang's {@code badarg} from {@code register/2}): it is taken, the
 * process already has a name, the process is not alive, or the name is blank.
 */
public final class RegistrationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Pid holder;

    RegistrationException(String message, Pid holder) {
        super(message);
        this.holder = holder;
    }

    static RegistrationException taken(String name, Pid holder) {
        return new RegistrationException("name '" + name + "' is already registered to " + holder, holder);
    }

    /** The process that holds the name, when the name was taken. */
    public Optional<Pid> holder() {
        return Optional.ofNullable(holder);
    }
}
