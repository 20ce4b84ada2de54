package dev.supervision.process;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JMH: the mailbox on its own, the queue every message of the runtime goes through. It lives in the
 * core's package because the mailbox is not public API.
 *
 * <ul>
 *   <li>{@code offerPoll}: one thread appends a message and takes it back, the cost without contention;
 *   <li>{@code offerThenDrain}: 64 messages appended, then taken, as a busy server sees them;
 *   <li>{@code producerConsumer}: one thread appends while another takes, so both ends of the queue
 *       share cache lines as they do between a sender and a running server.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Group)
public class MailboxBenchmark {

    private static final Object MESSAGE = "message";
    private static final int DRAIN = 64;

    /** A mailbox with no process around it. */
    static final class BareMailbox extends Mailbox {
    }

    private BareMailbox mailbox;

    /** A fresh mailbox for each iteration, so the producer/consumer backlog starts empty. */
    @Setup(Level.Iteration)
    public void newMailbox() {
        mailbox = new BareMailbox();
    }

    /** Appends one message and takes it back. */
    @Benchmark
    @Group("offerPoll")
    public Object offerPoll() {
        mailbox.offer(MESSAGE);
        return mailbox.poll();
    }

    /** Appends {@value #DRAIN} messages, then takes them all; the time is per batch. */
    @Benchmark
    @Group("offerThenDrain")
    public void offerThenDrain(Blackhole sink) {
        for (int i = 0; i < DRAIN; i++) {
            mailbox.offer(MESSAGE);
        }
        for (int i = 0; i < DRAIN; i++) {
            sink.consume(mailbox.poll());
        }
    }

    /** The producer's side: appends one message. */
    @Benchmark
    @Group("producerConsumer")
    @GroupThreads(1)
    public void offer() {
        mailbox.offer(MESSAGE);
    }

    /** The consumer's side: takes one message if there is one. */
    @Benchmark
    @Group("producerConsumer")
    @GroupThreads(1)
    public Object poll() {
        return mailbox.poll();
    }
}
