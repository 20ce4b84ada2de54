package dev.supervision.genserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.supervision.process.CallOptions;
import dev.supervision.process.CallTimeoutException;
import dev.supervision.process.Pid;
import dev.supervision.process.ProcessRuntime;
import dev.supervision.process.ReplyTo;
import dev.supervision.process.Request;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A call that carries its deadline is not started once its caller has given up; one without is, as in OTP. */
class CallDeadlineTest {

    record Block() implements Request<String> {
    }

    record Write(String text) implements Request<String> {
    }

    /** Blocks on Block until released; records every Write it handles. */
    private static final class Store implements GenServerBehaviour<List<String>> {
        final CountDownLatch release = new CountDownLatch(1);
        final List<String> written = new CopyOnWriteArrayList<>();

        @Override
        public Init<List<String>> init(Object arg) {
            return Init.ok(written);
        }

        @Override
        public CallResult<List<String>> handleCall(Object request, ReplyTo from, List<String> state) throws Exception {
            return switch (request) {
                case Block block -> {
                    release.await();
                    yield new Reply<>("released", state);
                }
                case Write(String text) -> {
                    state.add(text);
                    yield new Reply<>("stored " + text, state);
                }
                default -> new Reply<>("?", state);
            };
        }
    }

    private final ProcessRuntime runtime = ProcessRuntime.create();
    private final Store store = new Store();
    private final Pid server = GenServers.start(runtime, store, null).orThrow();

    @AfterEach
    void close() {
        runtime.close();
    }

    private void blockTheServer() {
        Thread.ofVirtual().start(() -> runtime.call(server, new Block(), ProcessRuntime.INFINITY));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> runtime.info(server).orElseThrow().status() == dev.supervision.process.ProcessStatus.RUNNING);
    }

    @Test
    void aWriteWithADeadlineWhoseCallerGaveUpIsNeverHandled() {
        blockTheServer();
        assertThatThrownBy(() -> runtime.call(server, new Write("late"), CallOptions.withDeadline(Duration.ofMillis(50))))
                .isInstanceOf(CallTimeoutException.class);
        store.release.countDown();
        assertThat(runtime.call(server, new Write("after"))).isEqualTo("stored after");
        assertThat(store.written).containsExactly("after");
    }

    @Test
    void aWriteWithoutADeadlineIsStillHandledAfterItsCallerGaveUpAsInOtp() {
        blockTheServer();
        assertThatThrownBy(() -> runtime.call(server, new Write("late"), Duration.ofMillis(50)))
                .isInstanceOf(CallTimeoutException.class);
        store.release.countDown();
        assertThat(runtime.call(server, new Write("after"))).isEqualTo("stored after");
        assertThat(store.written).containsExactly("late", "after");
    }

    @Test
    void aCallWithADeadlineThatIsAnsweredInTimeIsHandledNormally() {
        assertThat(runtime.call(server, new Write("now"), CallOptions.withDeadline(Duration.ofSeconds(5)))).isEqualTo("stored now");
        assertThat(store.written).containsExactly("now");
    }

    @Test
    void callOptionsRefuseANegativeTimeout() {
        assertThatThrownBy(() -> CallOptions.withDeadline(Duration.ofMillis(-1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("must not be negative");
    }
}
