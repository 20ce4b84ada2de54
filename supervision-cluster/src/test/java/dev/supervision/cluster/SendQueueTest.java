package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The order frames leave in, and when a batch goes out. */
class SendQueueTest {

    private final List<List<byte[]>> sent = new CopyOnWriteArrayList<>();
    private final List<List<byte[]>> sentPastFlowControl = new CopyOnWriteArrayList<>();
    private final CountDownLatch sendingMayEnd = new CountDownLatch(1);
    private volatile boolean sendsWait;
    private final SendQueue queue = new SendQueue(batch -> {
        if (sendsWait) {
            awaitQuietly(sendingMayEnd);
        }
        sent.add(frames(batch));
    }, batch -> sentPastFlowControl.add(frames(batch)));

    private static List<byte[]> frames(byte[] batch) {
        List<byte[]> frames = new ArrayList<>();
        FrameBatch.split(batch, 0, batch.length, (bytes, offset, length) ->
                frames.add(Arrays.copyOfRange(bytes, offset, offset + length)));
        return frames;
    }

    @Test
    void aThreadThatMustNotWaitSendsAloneWhenNothingIsQueuedElseQueuesBehind() {
        assertThat(queue.sendOrQueueWithoutWaiting(new byte[] {1})).as("sent, not queued").isFalse();
        assertThat(sentPastFlowControl).hasSize(1);
        assertThat(sentPastFlowControl.getFirst()).containsExactly(new byte[] {1});
        queue.enqueue(new byte[] {2});
        assertThat(queue.sendOrQueueWithoutWaiting(new byte[] {3})).as("behind a queued frame").isFalse();
        assertThat(sentPastFlowControl).hasSize(1);
        queue.sendNow(null);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst()).containsExactly(new byte[] {2}, new byte[] {3});
    }

    @Test
    void aThreadThatMustNotWaitQueuesWhileAnotherSendsToTheMember() throws Exception {
        sendsWait = true;
        queue.enqueue(new byte[] {1});
        Thread other = Thread.ofPlatform().start(() -> queue.sendNow(null));
        await().atMost(Duration.ofSeconds(10)).until(() -> other.getState() == Thread.State.WAITING
                || other.getState() == Thread.State.TIMED_WAITING);
        assertThat(queue.sendOrQueueWithoutWaiting(new byte[] {2})).as("the first frame queued").isTrue();
        assertThat(sentPastFlowControl).isEmpty();
        sendingMayEnd.countDown();
        other.join(10_000);
        queue.sendNow(null);
        assertThat(sent).hasSize(2);
        assertThat(sent.get(0)).containsExactly(new byte[] {1});
        assertThat(sent.get(1)).containsExactly(new byte[] {2});
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void queuedFramesWaitAndGoOutAheadOfTheNextUrgentOneInOneMessage() {
        assertThat(queue.enqueue(new byte[] {1})).as("the first frame of an empty queue").isTrue();
        assertThat(queue.enqueue(new byte[] {2})).as("a queue that already waits").isFalse();
        assertThat(sent).isEmpty();
        queue.sendNow(new byte[] {3});
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst()).containsExactly(new byte[] {1}, new byte[] {2}, new byte[] {3});
        assertThat(queue.enqueue(new byte[] {4})).as("emptied by the urgent frame").isTrue();
    }

    @Test
    void aFlushOfAnEmptyQueueSendsNothing() {
        queue.sendNow(null);
        assertThat(sent).isEmpty();
        queue.enqueue(new byte[] {1});
        queue.sendNow(null);
        queue.sendNow(null);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst()).containsExactly(new byte[] {1});
    }

    @Test
    void aQueuePastItsLimitIsSentByTheThreadThatFillsIt() {
        byte[] frame = new byte[1024];
        int frames = SendQueue.MAX_QUEUED_BYTES / frame.length;
        for (int i = 0; i < frames - 1; i++) {
            queue.enqueue(frame);
        }
        assertThat(sent).isEmpty();
        queue.enqueue(frame);
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst()).hasSize(frames);
    }
}
