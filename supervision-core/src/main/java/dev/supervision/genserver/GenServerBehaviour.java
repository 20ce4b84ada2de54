package dev.supervision.genserver;

import dev.supervision.process.ProcessRef;
import dev.supervision.process.ExitReason;
import dev.supervision.process.ReplyTo;
import org.slf4j.LoggerFactory;

/**
 * The GenServer behaviour (OTP's {@code -behaviour(gen_server)}): a process that owns a state and answers calls, casts and other messages
 * one at a time, as OTP's {@code gen_server}.
 *
 * <p>Messages are records; handlers {@code switch} on them. The state is owned by the process and is
 * built by {@link #init} on every start, so a restarted server never sees the state of the one that
 * crashed. A server holds no thread while idle.
 *
 * <pre>{@code
 * record Increment(int by) {}
 * record Get() implements Request<Integer> {}
 *
 * final class Counter implements GenServerBehaviour<Integer> {
 *     public Init<Integer> init(Object arg) { return Init.ok(0); }
 *     public CallResult<Integer> handleCall(Object request, ReplyTo from, Integer count) {
 *         return switch (request) {
 *             case Get get -> new Reply<>(count, count);
 *             default -> new Reply<>("unknown", count);
 *         };
 *     }
 *     public Result<Integer> handleCast(Object message, Integer count) {
 *         return message instanceof Increment(int by) ? new NoReply<>(count + by) : new NoReply<>(count);
 *     }
 * }
 *
 * Pid pid = GenServers.start(runtime, new Counter(), null, StartOptions.named("counter")).orThrow();
 * runtime.cast(ProcessRef.named("counter"), new Increment(2));
 * int count = runtime.call(ProcessRef.named("counter"), new Get());
 * }</pre>
 *
 * <p>{@link #terminate} runs exactly when OTP runs it: after a {@link Stop} or {@link ReplyAndStop},
 * after a callback throws, when {@link GenServers#stop} is called, and when the parent (the process that started
 * the server with {@link GenServers#startLink}, e.g. its supervisor) sends an exit signal while the server traps
 * exits. It does not run when the server is killed, when it does not trap exits and an exit signal
 * ends it, or when {@link #init} fails. Call {@code ProcessRuntime.current().trapExit(true)} in
 * {@code init} if {@code terminate} must run on a supervisor's shutdown.
 *
 * @param <S> the state type
 */
public interface GenServerBehaviour<S> {

    /**
     * Builds the initial state, in the new process, before {@link GenServers#start} returns. Throwing fails the
     * start with {@link ExitReason.Crash}; {@code terminate} is not called.
     *
     * @param arg the argument given to start
     */
    Init<S> init(Object arg) throws Exception;

    /**
     * Answers a call. Return {@link NoReply} to answer later with {@code from.reply(...)}, from any
     * thread. The default crashes the server: it does not take calls.
     */
    default CallResult<S> handleCall(Object request, ReplyTo from, S state) throws Exception {
        throw new UnsupportedOperationException(
                getClass().getName() + " received the call " + request + " but does not implement handleCall");
    }

    /** Handles a cast. The default crashes the server: it does not take casts. */
    default Result<S> handleCast(Object message, S state) throws Exception {
        throw new UnsupportedOperationException(
                getClass().getName() + " received the cast " + message + " but does not implement handleCast");
    }

    /**
     * Handles any other message: plain sends, {@code ExitMessage}s from linked processes when trapping
     * exits, {@code DownMessage}s, timer messages and {@link IdleTimeout}. The default logs a warning
     * and drops the message, as OTP does.
     */
    default Result<S> handleInfo(Object message, S state) throws Exception {
        LoggerFactory.getLogger(getClass()).warn("{} dropped an unexpected message: {}", getClass().getName(), message);
        return new NoReply<>(state);
    }

    /** Runs an {@link Action#continueWith continuation}. The default crashes the server, as OTP does. */
    default Result<S> handleContinue(Object value, S state) throws Exception {
        throw new UnsupportedOperationException(
                getClass().getName() + " returned a continue (" + value + ") but does not implement handleContinue");
    }

    /** Cleans up before the server exits; see the class comment for when it runs. The default does nothing. */
    default void terminate(ExitReason reason, S state) throws Exception {
    }
}
