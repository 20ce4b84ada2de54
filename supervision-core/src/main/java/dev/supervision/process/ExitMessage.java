package dev.supervision.process;

/**
 * Erlang's {@code {'EXIT', From, Reason}}: an exit signal turned into a message because the receiving
 * process traps exits ({@link ProcessRuntime#trapExit(boolean)}).
 *
 * @param from the process that sent the signal or whose link fired ({@link ProcessRuntime#external()}
 *     when it came from a thread that is not a process)
 * @param reason the signal's reason
 */
public record ExitMessage(Pid from, ExitReason reason) {
}
