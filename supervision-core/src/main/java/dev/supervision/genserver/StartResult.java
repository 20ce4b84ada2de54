package dev.supervision.genserver;

import dev.supervision.process.ExitReason;
import dev.supervision.process.Pid;

/**
 * How a start ended (OTP's {@code {ok, Pid}}, {@code ignore}, {@code {error, {already_started, Pid}}}
 * and {@code {error, Reason}}).
 */
public sealed interface StartResult {

    /** The pid of a started server. @throws StartException with the cause otherwise */
    default Pid orThrow() {
        if (this instanceof Started started) {
            return started.pid();
        }
        throw new StartException(this);
    }

    /**
     * Started; {@code init} returned ok.
     *
     * @param pid the new server
     */
    record Started(Pid pid) implements StartResult {
    }

    /** {@code init} returned ignore; the process exited {@code normal}. */
    record Ignored() implements StartResult {
    }

    /**
     * The name was taken; nothing was started.
     *
     * @param holder the process holding the name
     */
    record AlreadyStarted(Pid holder) implements StartResult {
    }

    /**
     * {@code init} returned stop, threw, timed out, or the process was killed while starting; the
     * name, if any, is already free.
     *
     * @param reason why ({@code timeout} when the start timeout passed)
     */
    record Failed(ExitReason reason) implements StartResult {
    }
}
