/**
 * Processes on virtual threads, with Erlang's semantics: pids, mailboxes with selective receive,
 * links, monitors, exit signals, trap exit, registered names, timers, and the generic
 * {@code call}/{@code cast} protocol.
 *
 * <p>{@link dev.supervision.process.ProcessRuntime} is the entry point. A distribution module plugs in
 * through {@link dev.supervision.process.Distribution} and {@link dev.supervision.process.RemoteSignals}
 * (see {@link dev.supervision.process.RuntimeInternals#installDistribution}). This package uses only the
 * JDK, SLF4J and {@code dev.supervision.event}.
 */
package dev.supervision.process;
