package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receive lane: small messages on the receiving thread while nothing waits, order kept always. */
class ReceiveLaneTest {

    private final ExecutorService workers = Executors.newCachedThreadPool();
    private final List<String> handled = new CopyOnWriteArrayList<>();

    @AfterEach
    void stopWorkers() {
        workers.shutdownNow();
    }

    private static byte[] message(String text, int length) {
        byte[] bytes = new byte[length];
        bytes[0] = (byte) text.charAt(0);
        return bytes;
    }

    @Test
    void aSmallMessageIsHandledOnTheReceivingThreadWhenNothingIsQueued() {
        Thread receiving = Thread.currentThread();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        ReceiveLane lane = new ReceiveLane((bytes, offset, length) -> threads.add(Thread.currentThread()), workers);
        lane.offer(new byte[10], 0, 10);
        lane.offer(new byte[ReceiveLane.INLINE_BYTES], 0, ReceiveLane.INLINE_BYTES);
        assertThat(threads).containsExactly(receiving, receiving);
    }

    @Test
    void aLargeMessageGoesToAWorkerAndWhatFollowsItWaitsBehindIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Thread receiving = Thread.currentThread();
        List<Thread> threads = new CopyOnWriteArrayList<>();
        ReceiveLane lane = new ReceiveLane((bytes, offset, length) -> {
            if (bytes[offset] == 'L') {
                awaitQuietly(release);
            }
            threads.add(Thread.currentThread());
            handled.add(String.valueOf((char) bytes[offset]) + length);
        }, workers);
        lane.offer(message("L", ReceiveLane.INLINE_BYTES + 1), 0, ReceiveLane.INLINE_BYTES + 1);
        lane.offer(message("s", 10), 0, 10); // small, but behind the large one: queued too
        lane.offer(message("t", 20), 0, 20);
        assertThat(handled).isEmpty();
        release.countDown();
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 3);
        assertThat(handled).containsExactly("L" + (ReceiveLane.INLINE_BYTES + 1), "s10", "t20");
        assertThat(threads).doesNotContain(receiving);
        lane.offer(message("u", 5), 0, 5); // all handled: inline again
        assertThat(handled).last().isEqualTo("u5");
        assertThat(threads).last().isEqualTo(receiving);
    }

    @Test
    void manyMessagesOfMixedSizesAreHandledInTheOrderOffered() {
        ReceiveLane lane = new ReceiveLane((bytes, offset, length) -> handled.add(offset + ":" + length), workers);
        List<String> offered = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            int length = i % 7 == 0 ? ReceiveLane.INLINE_BYTES * 2 : 1 + i % 50;
            lane.offer(new byte[length + i % 3], i % 3, length);
            offered.add(i % 3 + ":" + length);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> handled.size() == offered.size());
        assertThat(handled).isEqualTo(offered);
    }

    @Test
    void aFailingMessageDoesNotStopTheLane() {
        ReceiveLane lane = new ReceiveLane((bytes, offset, length) -> {
            if (length == ReceiveLane.INLINE_BYTES + 1) {
                throw new IllegalStateException("boom");
            }
            handled.add("ok" + length);
        }, workers);
        lane.offer(new byte[ReceiveLane.INLINE_BYTES + 1], 0, ReceiveLane.INLINE_BYTES + 1);
        lane.offer(new byte[ReceiveLane.INLINE_BYTES + 2], 0, ReceiveLane.INLINE_BYTES + 2);
        await().atMost(Duration.ofSeconds(10)).until(() -> handled.size() == 1);
        assertThat(handled).containsExactly("ok" + (ReceiveLane.INLINE_BYTES + 2));
        lane.offer(new byte[3], 0, 3);
        assertThat(handled).last().isEqualTo("ok3");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
