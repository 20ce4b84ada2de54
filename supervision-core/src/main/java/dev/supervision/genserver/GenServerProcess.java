package dev.supervision.genserver;

import dev.supervision.process.Call;
import dev.supervision.process.Cast;
import dev.supervision.process.ExitMessage;
import dev.supervision.process.ExitReason;
import dev.supervision.process.MessageHandler;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessExit;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.ReplyTo;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a {@link GenServerBehaviour} behaviour as a mailbox-driven process: unwraps calls, casts and other
 * messages into the callbacks, applies their results, and runs {@code terminate} when OTP would.
 */
final class GenServerProcess<S> implements MessageHandler {

    /** A callback of the behaviour, run against the current state. */
    @FunctionalInterface
    private interface Callback<S> {
        CallResult<S> run() throws Exception;
    }

    private final GenServerBehaviour<S> behaviour;
    private final Object arg;
    private final Pid parent;
    /** Completed once init has decided; dropped after a successful start so an idle server keeps nothing. */
    private volatile CompletableFuture<StartResult> startResult = new CompletableFuture<>();
    /** What init decided when it refused to start; read after the process has ended. */
    private volatile StartResult refusal;

    private S state;
    /** The pending idle timeout, made when a callback first asks for one. */
    private IdleTimeoutState idle;

    /** An idle timeout: the token of the current one (0 for none), the last token given, its timer. */
    private static final class IdleTimeoutState {
        long current;
        long issued;
        ScheduledFuture<?> timer;
    }

    GenServerProcess(GenServerBehaviour<S> behaviour, Object arg, Pid parent) {
        this.behaviour = behaviour;
        this.arg = arg;
        this.parent = parent;
    }

    // ---- start -------------------------------------------------------------------------------------

    /**
     * Waits until init has decided. A caller that is a process and ended meanwhile (a linked server
     * whose init stopped took it down) unwinds with {@link ProcessExit}.
     */
    /** The future the starter waits on; taken before the process runs, since a started server drops it. */
    CompletableFuture<StartResult> startFuture() {
        return startResult;
    }

    StartResult awaitStart(
            ProcessRuntime runtime, CompletableFuture<StartResult> started, Pid pid, Duration timeout, boolean linked) {
        try {
            StartResult result = ProcessRuntime.isInfinite(timeout)
                    ? started.get()
                    : started.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            runtime.internals().ensureCurrentAlive();
            return result;
        } catch (TimeoutException e) {
            return timedOut(runtime, started, pid, linked);
        } catch (InterruptedException e) {
            runtime.exit(pid, ExitReason.KILL);
            Thread.currentThread().interrupt();
            runtime.internals().ensureCurrentAlive();
            throw new StartException(new StartResult.Failed(ExitReason.crash(e)));
        } catch (ExecutionException e) {
            throw new IllegalStateException("unreachable: the start result never completes exceptionally", e);
        }
    }

    /**
     * The start timed out, as OTP's {@code proc_lib:sync_start_link} handles it: unlink, kill the
     * server, flush its {@code EXIT}, answer {@code timeout}. The caller survives even when it does not
     * trap exits, and the answer is a timeout even if init answers while the server is being killed.
     */
    private StartResult timedOut(ProcessRuntime runtime, CompletableFuture<StartResult> started, Pid pid, boolean linked) {
        StartResult timeout = new StartResult.Failed(ExitReason.of("timeout"));
        refusal = timeout;
        if (linked) {
            runtime.unlink(pid);
        }
        runtime.exit(pid, ExitReason.KILL);
        started.join();
        if (linked) {
            runtime.internals().flushExit(pid);
        }
        return timeout;
    }

    @Override
    public void onStart() throws Exception {
        Pid self = ProcessRuntime.current().self();
        Init<S> init = behaviour.init(arg);
        switch (init) {
            case Init.Ok<S> ok -> {
                state = ok.state();
                CompletableFuture<StartResult> started = startResult;
                startResult = null;
                started.complete(new StartResult.Started(self));
                proceed(ok.next());
            }
            case Init.Ignore<S> ignore -> {
                refusal = new StartResult.Ignored();
                throw new ProcessExit(ExitReason.NORMAL);
            }
            case Init.Stop<S> stop -> {
                refusal = new StartResult.Failed(stop.reason());
                throw new ProcessExit(stop.reason());
            }
            case null -> throw new IllegalStateException(
                    behaviour.getClass().getName() + ".init returned null; return Init.ok, Init.ignore or Init.stop");
        }
    }

    @Override
    public void onExit(ExitReason reason) {
        CompletableFuture<StartResult> started = startResult;
        if (started != null && !started.isDone()) {
            StartResult decided = refusal;
            started.complete(decided != null ? decided : new StartResult.Failed(reason));
        }
    }

    // ---- messages ----------------------------------------------------------------------------------

    @Override
    public void onMessage(Object message) throws Exception {
        if (message instanceof IdleTimer timer) {
            if (idle != null && timer.token() == idle.current) {
                idle.current = 0;
                idle.timer = null;
                handle(() -> behaviour.handleInfo(IdleTimeout.INSTANCE, state), null, "handleInfo");
            }
            return;
        }
        cancelIdleTimeout();
        switch (message) {
            case Call call when call.request() instanceof StopRequest stop -> terminateAndExit(stop.reason());
            case Call call when call.from().expired() -> { } // its caller gave up and asked for no late start
            case Call call -> handle(() -> behaviour.handleCall(call.request(), call.from(), state), call.from(), "handleCall");
            case Cast cast -> handle(() -> behaviour.handleCast(cast.message(), state), null, "handleCast");
            case ExitMessage exit when exit.from().equals(parent) -> terminateAndExit(exit.reason());
            default -> handle(() -> behaviour.handleInfo(message, state), null, "handleInfo");
        }
    }

    private void handle(Callback<S> callback, ReplyTo from, String name) throws Exception {
        proceed(apply(invoke(callback, name), from));
    }

    /** Runs continuations until none is left, then starts an idle timeout if one was asked for. */
    private void proceed(Action next) throws Exception {
        while (next instanceof Action.Continue(Object value)) {
            next = apply(invoke(() -> behaviour.handleContinue(value, state), "handleContinue"), null);
        }
        if (next instanceof Action.Timeout(Duration after) && !ProcessRuntime.isInfinite(after)) {
            startIdleTimeout(after);
        }
    }

    /** Runs a callback; a throw or a null result terminates the server. */
    private CallResult<S> invoke(Callback<S> callback, String name) throws Exception {
        CallResult<S> result;
        try {
            result = callback.run();
        } catch (ProcessExit exit) {
            ProcessRuntime.current().internals().ensureCurrentAlive(); // killed while in the callback: no terminate
            return terminateAndExit(exit.reason());
        } catch (Exception | Error thrown) {
            ProcessRuntime.current().internals().ensureCurrentAlive();
            return terminateAndExit(ExitReason.crash(thrown));
        }
        if (result == null) {
            return terminateAndExit(ExitReason.crash(new IllegalStateException(behaviour.getClass().getName()
                    + "." + name + " returned null; return a Reply, NoReply or Stop")));
        }
        return result;
    }

    /** Takes the new state; answers and stops as the result says; returns what to do next. */
    private Action apply(CallResult<S> result, ReplyTo from) throws Exception {
        state = result.state();
        return switch (result) {
            case Reply<S> reply -> {
                from.reply(reply.reply());
                yield reply.next();
            }
            case NoReply<S> noReply -> noReply.next();
            case Stop<S> stop -> terminateAndExit(stop.reason());
            case ReplyAndStop<S> stop -> {
                runTerminate(stop.reason());
                from.reply(stop.reply());
                throw new ProcessExit(stop.reason());
            }
        };
    }

    private <T> T terminateAndExit(ExitReason reason) throws Exception {
        runTerminate(reason);
        throw new ProcessExit(reason);
    }

    private void runTerminate(ExitReason reason) {
        cancelIdleTimeout();
        try {
            behaviour.terminate(reason, state);
        } catch (ProcessExit exit) {
            throw exit;
        } catch (Exception | Error thrown) {
            throw new ProcessExit(ExitReason.crash(thrown));
        }
    }

    // ---- idle timeout --------------------------------------------------------------------------------

    private void startIdleTimeout(Duration after) {
        if (idle == null) {
            idle = new IdleTimeoutState();
        }
        long token = ++idle.issued;
        idle.current = token;
        ProcessRuntime runtime = ProcessRuntime.current();
        Pid self = runtime.self();
        if (after.isZero()) {
            // Fires once every message queued now has been handled, unless one of them cancels it:
            // OTP's timeout 0, "when the mailbox is empty", with no timer thread in between.
            runtime.send(self, new IdleTimer(token));
            return;
        }
        idle.timer = runtime.internals().schedule(after, () -> runtime.send(self, new IdleTimer(token)));
    }

    private void cancelIdleTimeout() {
        if (idle == null) {
            return;
        }
        idle.current = 0;
        if (idle.timer != null) {
            idle.timer.cancel(false);
            idle.timer = null;
        }
    }
}
