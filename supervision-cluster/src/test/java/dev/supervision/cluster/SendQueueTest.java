package dev.supervision.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The order frames leave in, and when a batch goes out. */
class SendQueueTest {

    private final List<List<byte[]>> sent = new ArrayList<>();
    private final SendQueue queue = new SendQueue(batch -> {
        List<byte[]> frames = new ArrayList<>();
        FrameBatch.split(batch, 0, batch.length, (bytes, offset, length) ->
                frames.add(Arrays.copyOfRange(bytes, offset, offset + length)));
        sent.add(frames);
    });

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
