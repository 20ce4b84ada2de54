package dev.supervision.cluster.harness;

import dev.supervision.genserver.CallResult;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.Reply;
import dev.supervision.process.ExitReason;
import dev.supervision.process.ProcessRef;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.ReplyTo;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * The cluster singleton of the multi-JVM tests: answers {@link Messages.WhereAreYou} with its node's
 * name, crashes on {@link Messages.Crash}, and tells the collector on {@code collectorNode} when it
 * starts and stops (and prints {@code TICKET started|stopped PID MICROS} on its own stdout, which a
 * test reads even while the collector's node cannot hear it). Traps exits, so its terminate runs when it is stopped.
 */
public final class Ticket implements GenServerBehaviour<String> {

    /** The name the instance registers, and the singleton's id. */
    public static final String NAME = "ticket";
    /** The name of the collector process on the collector's node. */
    public static final String COLLECTOR = "collector";

    private final String node;
    private final String collectorNode;

    Ticket(String node, String collectorNode) {
        this.node = node;
        this.collectorNode = collectorNode;
    }

    @Override
    public Init<String> init(Object arg) {
        ProcessRuntime runtime = ProcessRuntime.current();
        runtime.trapExit(true);
        long now = now();
        say("TICKET started " + runtime.self() + " " + now);
        runtime.cast(ProcessRef.named(COLLECTOR, collectorNode), new Messages.SingletonStarted(node, runtime.self(), now));
        return Init.ok(node);
    }

    @Override
    public CallResult<String> handleCall(Object request, ReplyTo from, String state) {
        if (request instanceof Messages.Crash) {
            throw new IllegalStateException("crash requested");
        }
        return new Reply<>(state, state);
    }

    @Override
    public void terminate(ExitReason reason, String state) {
        ProcessRuntime runtime = ProcessRuntime.current();
        long now = now();
        say("TICKET stopped " + runtime.self() + " " + now + " " + reason);
        runtime.cast(ProcessRef.named(COLLECTOR, collectorNode),
                new Messages.SingletonStopped(node, runtime.self(), now, reason.toString()));
    }

    private static void say(String line) {
        synchronized (System.out) {
            System.out.println(line);
            System.out.flush();
        }
    }

    private static long now() {
        return ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
    }
}
