package dev.supervision.cluster.harness;

import dev.supervision.process.Pid;
import dev.supervision.process.Request;

/** What the tests and the member JVMs say to each other's processes (allowlisted on every member). */
public final class Messages {

    private Messages() {
    }

    /** Asks a member's echo server for its pid. */
    public record WhoAmI() implements Request<Pid> {
    }

    /** Asks the echo server to send {@code message} to {@code to}: a pid handed on to a third node. */
    public record Forward(Pid to, String message) {
    }

    /** One of a stream of messages from one sender, numbered from 1. */
    public record Seq(Pid sender, long n) {
    }

    /** Asks the sink how many {@link Seq} it got and whether every sender's were in order. */
    public record Count() implements Request<Counted> {
    }

    /**
     * The sink's answer.
     *
     * @param received how many {@link Seq} arrived
     * @param outOfOrder how many arrived after a later one of the same sender
     */
    public record Counted(long received, long outOfOrder) {
    }
}
