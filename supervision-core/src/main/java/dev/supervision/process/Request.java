package dev.supervision.process;

/**
 * A call request that names the type of its reply, so a call site gets the reply without a cast:
 *
 * <pre>{@code
 * record GetCount() implements Request<Integer> {}
 *
 * int count = runtime.call(counter, new GetCount());
 * }</pre>
 *
 * <p>The server answers with a value of that type ({@code new Reply<>(count, state)}); a server that
 * answers with another type makes the caller fail with a {@link ClassCastException} at the call site.
 * A sealed interface of such records is the usual way to write a server's protocol.
 *
 * @param <R> the type of the reply
 */
public interface Request<R> {
}
