package dev.supervision.genserver;

import dev.supervision.process.ExitReason;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import java.time.Duration;

/**
 * Starting and stopping GenServers (OTP's {@code gen_server:start}, {@code start_link} and {@code stop}).
 * Calls and casts go through {@link ProcessRuntime#call} and {@link ProcessRuntime#cast}.
 */
public final class GenServers {

    private GenServers() {
    }

    /** Starts a server without a link, with no name and no start timeout. */
    public static <S> StartResult start(ProcessRuntime runtime, GenServerBehaviour<S> behaviour, Object arg) {
        return GenServerStarter.start(runtime, behaviour, arg, StartOptions.DEFAULT, false);
    }

    /**
     * Starts a server without a link; returns once {@code init} has returned (OTP's {@code gen_server:start}).
     * Works from any thread.
     */
    public static <S> StartResult start(ProcessRuntime runtime, GenServerBehaviour<S> behaviour, Object arg, StartOptions options) {
        return GenServerStarter.start(runtime, behaviour, arg, options, false);
    }

    /**
     * Starts a server linked to the calling process, which becomes its parent (OTP's
     * {@code gen_server:start_link}). Must be called from a process.
     */
    public static <S> StartResult startLink(ProcessRuntime runtime, GenServerBehaviour<S> behaviour, Object arg, StartOptions options) {
        return GenServerStarter.start(runtime, behaviour, arg, options, true);
    }

    /** Stops a server with reason {@code normal}, waiting as long as it takes. */
    public static void stop(ProcessRuntime runtime, ProcessRef server) {
        stop(runtime, server, ExitReason.NORMAL, ProcessRuntime.INFINITY);
    }

    /**
     * Stops a server (OTP's {@code gen_server:stop/3}): {@code terminate(reason, state)} runs in the
     * server, which then exits; returns once it is gone.
     *
     * @param server the server's pid or name
     * @throws dev.supervision.process.NoProcessException no such server
     * @throws dev.supervision.process.CallTimeoutException it did not end within {@code timeout}
     * @throws dev.supervision.process.ServerExitException it ended with another reason than {@code reason}
     */
    public static void stop(ProcessRuntime runtime, ProcessRef server, ExitReason reason, Duration timeout) {
        GenServerStarter.stop(runtime, server, reason, timeout);
    }
}
