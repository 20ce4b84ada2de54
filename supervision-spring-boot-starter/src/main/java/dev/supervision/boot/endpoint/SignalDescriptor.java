package dev.supervision.boot.endpoint;

/**
 * The answer of {@code POST /actuator/supervision/{target}}.
 *
 * @param target the target as given
 * @param pid the pid the signal went to (the old pid, once the supervisor has restarted it)
 * @param signal the signal sent
 * @param effect {@code delivered}, or {@code ignored} for {@code normal} to a process that does not
 *     trap exits (the runtime ignores it, as OTP does)
 */
public record SignalDescriptor(String target, String pid, String signal, String effect) {
}
