package dev.supervision.genserver;

/** The message an idle timeout sends the server itself; stale unless its token is the current one. */
record IdleTimer(long token) {
}
