package dev.supervision.supervisor;

/**
 * What {@link Supervisor#countChildren} returns (OTP's {@code count_children}).
 *
 * @param specs all children, running or not
 * @param active children whose process is alive
 * @param supervisors children of type supervisor, whatever their state
 * @param workers children of type worker, whatever their state
 */
public record ChildCounts(int specs, int active, int supervisors, int workers) {
}
