package dev.supervision.supervisor;

/**
 * A supervisor's message to itself, sent after a start failed: any {@code EXIT} of that start's
 * process is already in the mailbox ahead of it, so an exit still expected is not coming.
 *
 * @param token which failed start
 */
record StartSettled(long token) {
}
