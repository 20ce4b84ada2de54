package dev.supervision.supervisor;

import dev.supervision.process.ExitReason;
import java.time.Instant;

/**
 * The last time a child exited.
 *
 * @param reason why
 * @param at when
 */
public record LastExit(ExitReason reason, Instant at) {
}
