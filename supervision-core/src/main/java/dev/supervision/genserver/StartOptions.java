package dev.supervision.genserver;

import java.time.Duration;
import java.util.Objects;

/**
 * Options of {@link GenServers#start}: a name to register and how long {@code init} may take.
 *
 * @param name the registered name, or null
 * @param timeout how long the start waits for {@code init}; the server is killed after it (OTP's
 *     {@code {timeout, T}}; infinite by default)
 */
public record StartOptions(String name, Duration timeout) {

    /** No name, no start timeout. */
    public static final StartOptions DEFAULT = new StartOptions(null, dev.supervision.process.ProcessRuntime.INFINITY);

    /** Validates the timeout and the name. */
    public StartOptions {
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("start timeout must not be negative: " + timeout);
        }
        if (name != null && name.isBlank()) {
            throw new IllegalArgumentException("a registered name must not be blank: '" + name + "'");
        }
    }

    /** Register the server as {@code name}. */
    public static StartOptions named(String name) {
        return DEFAULT.withName(name);
    }

    /** The same options with another name. */
    public StartOptions withName(String newName) {
        return new StartOptions(newName, timeout);
    }

    /** The same options with another start timeout. */
    public StartOptions withTimeout(Duration newTimeout) {
        return new StartOptions(name, newTimeout);
    }
}
