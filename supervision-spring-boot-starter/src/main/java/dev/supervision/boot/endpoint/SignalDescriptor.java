package dev.supervision.boot.endpoint;

/**
 * The answer of {@code POST /actuator/supervision/{target}}.
 *
 * @param target the target as given
 * @param pid the pid the signal went to (the old pid, once the supervisor has restarted it)
 * @param signal the signal sent
 */
public record SignalDescriptor(String target, String pid, String signal) {
}
