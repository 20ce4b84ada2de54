package dev.supervision.genserver;

import dev.supervision.process.ExitReason;

/** The request {@link GenServers#stop} sends as a call; the server terminates and exits instead of answering. */
record StopRequest(ExitReason reason) {
}
