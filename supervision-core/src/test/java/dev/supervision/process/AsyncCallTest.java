package dev.supervision.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Typed calls and asynchronous calls with OTP's send_request / receive_response semantics. */
class AsyncCallTest {

    record Echo(String text) implements Request<String> {
    }

    record Length(String text) implements Request<Integer> {
    }

    /** Answers later, when told to: the reply it kept is released by a "release" message. */
    record Hold(String text) implements Request<String> {
    }

    private final ProcessRuntime runtime = ProcessRuntime.create();
    private final CopyOnWriteArrayList<ReplyTo> held = new CopyOnWriteArrayList<>();

    @AfterEach
    void close() {
        runtime.close();
    }

    /** A mailbox-driven server: answers Echo and Length at once, keeps Hold for later, dies on "die". */
    private Pid server() {
        return runtime.internals().spawnHandler(new MessageHandler() {
            @Override
            public void onMessage(Object message) {
                switch (message) {
                    case Call(Echo echo, ReplyTo from) -> from.reply(echo.text());
                    case Call(Length length, ReplyTo from) -> from.reply(length.text().length());
                    case Call(Hold hold, ReplyTo from) -> held.add(from);
                    case String s when s.equals("release") -> held.forEach(from -> from.reply("late"));
                    case String s when s.equals("die") -> throw new ProcessExit(ExitReason.of("told_to"));
                    default -> { }
                }
            }
        }, SpawnOptions.DEFAULT.named("server"));
    }

    private int watchers(Pid pid) {
        ProcessCell cell = runtime.table.lookup(pid);
        return cell == null ? 0 : cell.watcherCount();
    }

    @Test
    void aTypedCallReturnsTheReplyTypeTheRequestNames() {
        Pid pid = server();
        String echoed = runtime.call(pid, new Echo("hi"));
        int length = runtime.call(ProcessRef.named("server"), new Length("four"));
        assertThat(echoed).isEqualTo("hi");
        assertThat(length).isEqualTo(4);
    }

    @Test
    void anAsyncCallCompletesWithTheReplyAndReleasesItsWatch() throws Exception {
        Pid pid = server();
        CompletableFuture<Integer> reply = runtime.callAsync(pid, new Length("abc"), Duration.ofSeconds(5));
        assertThat(reply.get(5, TimeUnit.SECONDS)).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> watchers(pid) == 0);
    }

    @Test
    void anAsyncCallToANameNobodyHoldsFailsWithNoProcess() {
        CompletableFuture<String> reply = runtime.callAsync(ProcessRef.named("nobody"), new Echo("x"), Duration.ofSeconds(1));
        assertThatThrownBy(reply::join).isInstanceOf(CompletionException.class).hasCauseInstanceOf(NoProcessException.class);
    }

    @Test
    void anAsyncCallFailsWithTheServersExitReasonWhenItDiesFirst() {
        Pid pid = server();
        CompletableFuture<String> reply = runtime.callAsync(pid, new Hold("x"), ProcessRuntime.INFINITY);
        runtime.send(pid, "die");
        assertThatThrownBy(() -> reply.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(ServerExitException.class)
                .cause().satisfies(e -> assertThat(((ServerExitException) e).reason()).isEqualTo(ExitReason.of("told_to")));
    }

    @Test
    void anAsyncCallTimesOutWithinItsTimeoutAndALateReplyIsDropped() {
        Pid pid = server();
        CompletableFuture<String> reply = runtime.callAsync(pid, new Hold("x"), Duration.ofMillis(100));
        assertThatThrownBy(() -> reply.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(CallTimeoutException.class);
        runtime.send(pid, "release");
        await().atMost(Duration.ofSeconds(5)).until(() -> held.size() == 1 && watchers(pid) == 0);
        assertThat(reply).isCompletedExceptionally();
        assertThatThrownBy(reply::join).hasCauseInstanceOf(CallTimeoutException.class);
    }

    @Test
    void cancellingAnAsyncCallReleasesTheWatchOnTheServer() {
        Pid pid = server();
        CompletableFuture<String> reply = runtime.callAsync(pid, new Hold("x"), ProcessRuntime.INFINITY);
        await().atMost(Duration.ofSeconds(5)).until(() -> held.size() == 1);
        assertThat(watchers(pid)).isEqualTo(1);
        reply.cancel(false);
        assertThat(watchers(pid)).isZero();
        runtime.send(pid, "release");
        assertThatThrownBy(reply::join).isInstanceOf(CancellationException.class);
    }

    @Test
    void aProcessCallingItselfAsynchronouslyFailsAtOnce() throws Exception {
        CompletableFuture<Throwable> failure = new CompletableFuture<>();
        runtime.spawn(() -> runtime.callAsync(runtime.self(), new Echo("me"), Duration.ofSeconds(1))
                .whenComplete((answer, error) -> failure.complete(error)));
        assertThat(failure.get(5, TimeUnit.SECONDS)).isInstanceOf(CallingSelfException.class);
    }
}
