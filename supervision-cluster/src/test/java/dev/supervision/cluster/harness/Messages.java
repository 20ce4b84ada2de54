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

    /**
     * A singleton instance started ({@link Ticket}'s init), told to the test's collector.
     *
     * @param node where it runs
     * @param pid the instance
     * @param micros when, in epoch microseconds (one clock: every member runs on this machine)
     */
    public record SingletonStarted(String node, Pid pid, long micros) {
    }

    /**
     * A singleton instance stopped ({@link Ticket}'s terminate).
     *
     * @param node where it ran
     * @param pid the instance
     * @param micros when, in epoch microseconds
     * @param reason why, printed
     */
    public record SingletonStopped(String node, Pid pid, long micros, String reason) {
    }

    /** Asks the singleton instance for its node's name. */
    public record WhereAreYou() implements Request<String> {
    }

    /** Makes the singleton instance crash. */
    public record Crash() implements Request<String> {
    }
}
