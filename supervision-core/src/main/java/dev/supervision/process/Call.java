package dev.supervision.process;

/**
 * The message a {@link ProcessRuntime#call call} puts in the server's mailbox (Erlang's
 * {@code {'$gen_call', From, Request}}). GenServers unwrap it into {@code handleCall}; a plain process
 * that {@link ProcessRuntime#receive receives} it answers with {@code from().reply(...)}.
 *
 * @param request what the caller asked
 * @param from where the answer goes
 */
public record Call(Object request, ReplyTo from) {
}
