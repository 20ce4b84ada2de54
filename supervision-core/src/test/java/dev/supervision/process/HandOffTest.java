package dev.supervision.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hand-offs ({@link HandOffs}): a mailbox-driven process that messages an idle one runs the receiver's
 * activation on its own thread once it is done, but never makes the receiver wait on it for long.
 */
class HandOffTest {

    private final ProcessRuntime runtime = ProcessRuntime.create();

    @AfterEach
    void close() {
        runtime.close();
    }

    private Pid spawn(MessageHandler handler) {
        return runtime.spawnHandler(handler, SpawnOptions.DEFAULT);
    }

    /** A step that may throw, run by {@link #withoutWatchdog}. */
    private interface Step {
        void run() throws Exception;
    }

    /**
     * Runs {@code step} with the watchdog's patience infinite, so that only the path under test can
     * give a kept activation its thread: with the watchdog, the test would pass even if that path broke.
     */
    private void withoutWatchdog(Step step) throws Exception {
        long patience = runtime.handOffs.patienceNanos;
        runtime.handOffs.patienceNanos = Long.MAX_VALUE;
        try {
            step.run();
        } finally {
            runtime.handOffs.patienceNanos = patience;
        }
    }

    /** Until each has finished its first activation: only an idle receiver's activation can be kept. */
    private void awaitIdle(Pid... pids) {
        for (Pid pid : pids) {
            await().until(() -> runtime.info(pid).orElseThrow().status() == ProcessStatus.WAITING);
        }
    }

    @Test
    @DisplayName("a message from a handler to an idle process runs on the sender's thread, after the sender's handler returns")
    void chainStaysOnOneThread() {
        List<String> order = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> senderThread = new AtomicReference<>();
        AtomicReference<Thread> receiverThread = new AtomicReference<>();
        Pid receiver = spawn(message -> {
            receiverThread.set(Thread.currentThread());
            order.add("receiver");
        });
        Pid sender = spawn(message -> {
            senderThread.set(Thread.currentThread());
            runtime.send(receiver, "hello");
            order.add("sender returns");
        });
        awaitIdle(receiver, sender);

        runtime.send(sender, "go");

        await().until(() -> order.size() == 2);
        assertThat(order).containsExactly("sender returns", "receiver");
        assertThat(receiverThread.get()).isSameAs(senderThread.get());
    }

    @Test
    @DisplayName("a sender that blocks outside the runtime after sending does not hold the receiver: the watchdog starts it")
    void blockedSenderReleasesReceiver() {
        CountDownLatch receiverRan = new CountDownLatch(1);
        List<Boolean> senderSawReceiver = new CopyOnWriteArrayList<>();
        Pid receiver = spawn(message -> receiverRan.countDown());
        Pid sender = spawn(message -> {
            runtime.send(receiver, "hello");
            // only the receiver can open this latch: kept for ever, it would never open
            senderSawReceiver.add(receiverRan.await(10, TimeUnit.SECONDS));
        });
        awaitIdle(receiver, sender);

        runtime.send(sender, "go");

        await().atMost(Duration.ofSeconds(5)).until(() -> senderSawReceiver.size() == 1);
        assertThat(senderSawReceiver).containsExactly(true);
        assertThat(runtime.isAlive(sender)).isTrue();
    }

    @Test
    @DisplayName("a sender with more messages of its own does not hold the receiver back for them")
    void busySenderReleasesReceiver() throws Exception {
        CountDownLatch bothQueued = new CountDownLatch(1);
        CountDownLatch receiverRan = new CountDownLatch(1);
        List<Boolean> secondMessageSawReceiver = new CopyOnWriteArrayList<>();
        Pid receiver = spawn(message -> receiverRan.countDown());
        Pid sender = spawn(new MessageHandler() {
            @Override
            public void onStart() throws InterruptedException {
                bothQueued.await(); // so that both messages wait in the mailbox when the first is handled
            }

            @Override
            public void onMessage(Object message) throws InterruptedException {
                if (message.equals("first")) {
                    runtime.send(receiver, "hello");
                } else {
                    secondMessageSawReceiver.add(receiverRan.await(10, TimeUnit.SECONDS));
                }
            }
        });
        awaitIdle(receiver);
        runtime.send(sender, "first");
        runtime.send(sender, "second");

        withoutWatchdog(() -> {
            bothQueued.countDown();
            await().atMost(Duration.ofSeconds(5)).until(() -> secondMessageSawReceiver.size() == 1);
        });
        assertThat(secondMessageSawReceiver).containsExactly(true);
    }

    @Test
    @DisplayName("a sender that calls the receiver gives it its own thread before waiting for the answer")
    void callingSenderReleasesReceiver() throws Exception {
        Pid receiver = spawn(new MessageHandler() {
            @Override
            public void onMessage(Object message) {
                if (message instanceof Call call) {
                    call.from().reply("pong");
                }
            }
        });
        List<Object> answers = new CopyOnWriteArrayList<>();
        Pid sender = spawn(message -> {
            runtime.send(receiver, "wake up"); // the receiver is idle: this thread keeps its activation
            answers.add(runtime.call(receiver, "ping", Duration.ofSeconds(5)));
        });
        awaitIdle(receiver, sender);

        withoutWatchdog(() -> {
            runtime.send(sender, "go");
            await().atMost(Duration.ofSeconds(5)).until(() -> answers.size() == 1);
        });
        assertThat(answers).containsExactly("pong");
    }

    @Test
    @DisplayName("a sender that waits for the receiver's exit gives it its own thread before waiting")
    void exitWaitingSenderReleasesReceiver() throws Exception {
        Pid receiver = spawn(message -> {
            throw new ProcessExit(ExitReason.of("asked to"));
        });
        List<Optional<ExitReason>> exits = new CopyOnWriteArrayList<>();
        Pid sender = spawn(message -> {
            runtime.send(receiver, "stop"); // the receiver is idle: this thread keeps its activation
            exits.add(runtime.internals().awaitExit(receiver, Duration.ofSeconds(5)));
        });
        awaitIdle(receiver, sender);

        withoutWatchdog(() -> {
            runtime.send(sender, "go");
            await().atMost(Duration.ofSeconds(5)).until(() -> exits.size() == 1);
        });
        assertThat(exits).containsExactly(Optional.of(ExitReason.of("asked to")));
    }

    @Test
    @DisplayName("killing a sender that keeps an activation does not interrupt the receiver when it runs on that thread")
    void killedSenderDoesNotInterruptReceiver() throws Exception {
        List<String> receiverSaw = new CopyOnWriteArrayList<>();
        AtomicReference<Thread> senderThread = new AtomicReference<>();
        CountDownLatch sent = new CountDownLatch(1);
        Pid receiver = spawn(message -> {
            receiverSaw.add(Thread.currentThread() == senderThread.get() ? "on the sender's thread" : "on its own thread");
            try {
                Thread.sleep(20); // interruptible: an interrupt meant for the sender would show here
                receiverSaw.add("slept");
            } catch (InterruptedException e) {
                receiverSaw.add("interrupted");
            }
        });
        Pid sender = spawn(message -> {
            senderThread.set(Thread.currentThread());
            runtime.send(receiver, "hello"); // this thread keeps the receiver's activation
            sent.countDown();
            while (!Thread.currentThread().isInterrupted()) {
                Thread.onSpinWait(); // until killed
            }
        });
        awaitIdle(receiver, sender);

        withoutWatchdog(() -> {
            runtime.send(sender, "go");
            assertThat(sent.await(5, TimeUnit.SECONDS)).isTrue();
            runtime.exit(sender, ExitReason.KILL);
            await().atMost(Duration.ofSeconds(5)).until(() -> receiverSaw.size() == 2);
        });

        assertThat(receiverSaw).containsExactly("on the sender's thread", "slept");
        assertThat(runtime.isAlive(sender)).isFalse();
        assertThat(runtime.isAlive(receiver)).isTrue();
    }
}
