package dev.supervision.process;

/**
 * The message a {@link ProcessRuntime#cast cast} puts in the server's mailbox (Erlang's
 * {@code {'$gen_cast', Msg}}). GenServers unwrap it into {@code handleCast}.
 *
 * @param message what was cast
 */
public record Cast(Object message) {
}
