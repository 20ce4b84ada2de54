package dev.supervision.process;

/**
 * A timer started with {@link ProcessRuntime#sendAfter}; pass it to {@link ProcessRuntime#cancelTimer}.
 *
 * @param id unique within a runtime
 */
public record TimerRef(long id) {
}
