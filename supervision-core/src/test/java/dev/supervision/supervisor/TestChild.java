package dev.supervision.supervisor;

import dev.supervision.genserver.CallResult;
import dev.supervision.genserver.GenServerBehaviour;
import dev.supervision.genserver.GenServers;
import dev.supervision.genserver.Init;
import dev.supervision.genserver.NoReply;
import dev.supervision.genserver.Reply;
import dev.supervision.genserver.Result;
import dev.supervision.genserver.Stop;
import dev.supervision.process.ExitReason;
import dev.supervision.process.ProcessExit;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.ReplyTo;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A GenServer child whose life a test controls: it journals "start id", "terminate id reason"; it can
 * be told to exit with a reason; its starts can be made to fail, be ignored, or succeed.
 */
final class TestChild implements GenServerBehaviour<String> {

    /** Makes the child exit with {@code reason}. */
    record ExitWith(ExitReason reason) {
    }

    /** Asks for the child's id. */
    record WhoAreYou() {
    }

    /** How the next starts of a child behave. */
    static final class Control {
        final List<String> journal;
        /** Children whose every start fails. */
        final java.util.Set<String> alwaysFail = java.util.concurrent.ConcurrentHashMap.newKeySet();
        /** Children whose next start fails once. */
        final java.util.Set<String> failOnce = java.util.concurrent.ConcurrentHashMap.newKeySet();
        /** How many of the next starts return ignore. */
        final AtomicInteger ignoredStarts = new AtomicInteger();
        volatile boolean trapExit;
        /** With trap exit: never finish terminate (so the supervisor has to kill). */
        volatile boolean ignoreShutdown;

        Control(List<String> journal) {
            this.journal = journal;
        }
    }

    private final String id;
    private final Control control;

    TestChild(String id, Control control) {
        this.id = id;
        this.control = control;
    }

    /** A permanent worker child with the given id, journaling into {@code control}. */
    static ChildSpec spec(String id, Control control) {
        return ChildSpec.worker(id, () -> new TestChild(id, control), null);
    }

    /** The same, registered under a name. */
    static ChildSpec named(String id, String name, Control control) {
        return ChildSpec.worker(id, name, () -> new TestChild(id, control), null);
    }

    static Control control() {
        return new Control(new CopyOnWriteArrayList<>());
    }

    @Override
    public Init<String> init(Object arg) {
        if (control.failOnce.remove(id) || control.alwaysFail.contains(id)) {
            control.journal.add("failed " + id);
            return Init.stop(ExitReason.of("start failed"));
        }
        if (control.ignoredStarts.get() > 0) {
            control.ignoredStarts.decrementAndGet();
            control.journal.add("ignored " + id);
            return Init.ignore();
        }
        if (control.trapExit) {
            ProcessRuntime.current().trapExit(true);
        }
        control.journal.add("start " + id);
        return Init.ok(id);
    }

    @Override
    public CallResult<String> handleCall(Object request, ReplyTo from, String state) {
        return switch (request) {
            case WhoAreYou who -> new Reply<>(id, state);
            case ExitWith(ExitReason reason) -> new Stop<>(reason, state);
            default -> new Reply<>("unknown", state);
        };
    }

    @Override
    public Result<String> handleCast(Object message, String state) {
        if (message instanceof ExitWith(ExitReason reason)) {
            throw new ProcessExit(reason);
        }
        return new NoReply<>(state);
    }

    @Override
    public Result<String> handleInfo(Object message, String state) {
        return new NoReply<>(state);
    }

    @Override
    public void terminate(ExitReason reason, String state) throws InterruptedException {
        if (control.ignoreShutdown) {
            control.journal.add("ignoring " + reason + " " + id);
            Thread.sleep(java.time.Duration.ofMinutes(1)); // a terminate that never finishes, until killed
        }
        control.journal.add("terminate " + id + " " + reason);
    }
}
